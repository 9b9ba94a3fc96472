ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SCALES = [(10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")]

def words(n):
    if n < 0:
        return "minus " + words(-n)
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, rest = divmod(n, 10)
        return TENS[tens] + ("-" + ONES[rest] if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return ONES[hundreds] + " hundred" + (" and " + words(rest) if rest else "")
    for value, name in SCALES:
        if n >= value:
            big, rest = divmod(n, value)
            sep = ", " if rest >= 100 else " and " if rest else ""
            return words(big) + " " + name + (sep + words(rest) if rest else "")
    return "?"

for n in [0, 7, 13, 20, 42, 99, 100, 101, 250, 999, 1000, 1001, 1234, 90000, 100005, 1000000, 7654321, -15, 2 ** 31]:
    print(f"{n:>12,} {words(n)}")

def roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out

print(" ".join(roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]))

def ordinal(n):
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"

print(", ".join(ordinal(n) for n in [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000]))
def human_size(n):
    for unit in ["B", "KiB", "MiB", "GiB", "TiB"]:
        if n < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} {unit}"
        n /= 1024
print([human_size(n) for n in [0, 1023, 1024, 1536, 10 ** 6, 5 * 1024 ** 3, 2 ** 50]])
