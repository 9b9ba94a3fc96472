def grade(score):
    if score >= 90:
        letter = "A"
    elif score >= 80:
        letter = "B"
    elif score >= 70:
        letter = "C"
    elif score >= 60:
        letter = "D"
    else:
        letter = "F"
    if letter != "F" and score % 10 >= 7 and score < 100:
        letter += "+"
    elif letter not in ("A", "F") and score % 10 <= 2:
        letter += "-"
    return letter

for s in [100, 97, 93, 90, 89, 81, 80, 77, 72, 65, 60, 59, 0]:
    print(s, grade(s))

for n in range(1, 31):
    if n % 15 == 0:
        out = "FizzBuzz"
    elif n % 3 == 0:
        out = "Fizz"
    elif n % 5 == 0:
        out = "Buzz"
    else:
        out = str(n)
    print(out, end=" " if n % 10 else "\n")

def shipping_cost(weight, express, country):
    if weight <= 0:
        return None
    if country == "domestic":
        cost = 5 if weight < 1 else 5 + (weight - 1) * 2
    else:
        if weight < 1:
            cost = 15
        elif weight < 5:
            cost = 25
        else:
            cost = 25 + (weight - 5) * 4
    if express:
        cost *= 2
    return cost

for args in [(0.5, False, "domestic"), (3, True, "domestic"), (0.2, False, "intl"), (4, True, "intl"), (10, False, "intl"), (0, True, "intl")]:
    print(args, shipping_cost(*args))

def leap(year):
    if year % 400 == 0:
        return True
    elif year % 100 == 0:
        return False
    elif year % 4 == 0:
        return True
    return False

print([y for y in range(1896, 1925) if leap(y)], leap(2000), leap(1900), leap(2024), leap(2023))
x = 0
if x:
    print("never")
elif not x:
    print("x is falsy")
if []: print("empty list is true?")
else: print("empty list is false")
