# round() uses round-half-to-even and works on the exact binary value.
for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(repr(x), repr(round(x)), repr(round(x, 2)), repr(round(x, 1)))

for n in [1234, 1250, 1350, -1250, 15, 25, 99999]:
    print(n, round(n, -1), round(n, -2), round(n, -3), round(n, 2))

print(repr(round(123.456, -1)), repr(round(123.456, -2)), repr(round(-123.456, 1)), repr(round(5e-324, 5)))
print(repr(round(1e300, 2)), repr(round(0.0)), repr(round(-0.0)), repr(round(-0.0, 1)), repr(round(-0.4)))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, 1)).__name__)

# Splitting a bill: work in cents to avoid float trouble.
def split_bill(total_cents, people):
    base, extra = divmod(total_cents, people)
    shares = []
    for i in range(people):
        shares.append(base + (1 if i < extra else 0))
    return shares

for total, people in [(10000, 3), (999, 4), (1, 5), (12345, 7)]:
    shares = split_bill(total, people)
    print(total, people, shares, sum(shares) == total)

# Truncation vs floor vs round.
def floor(x):
    i = int(x)
    return i - 1 if x < i else i

def ceil(x):
    i = int(x)
    return i + 1 if x > i else i

for x in [2.7, -2.7, 3.0, -3.0, 0.2, -0.2]:
    print(repr(x), int(x), floor(x), ceil(x), round(x))

# Rounding accumulates into an error; show it.
prices = [19.99, 5.01, 3.333, 7.777, 0.005]
print(repr(sum(prices)), repr(round(sum(prices), 2)), repr(sum(round(p, 2) for p in prices)))
for bad in [float("inf"), float("nan")]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(round(float("inf"), 2)), repr(round(float("nan"), 1)))
