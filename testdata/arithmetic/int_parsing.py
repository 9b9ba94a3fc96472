# args: 42 -17 0x1F 1_000 abc
import sys

inputs = sys.argv[1:]
print(len(inputs), inputs)
for text in inputs:
    try:
        print(repr(text), "->", int(text))
    except ValueError as e:
        print(repr(text), "-> ValueError:", e)

print(int("  42  "), int("+7"), int("-0"), int("0042"), int("1_000_000"), int("\t9\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o17", 8), int("1010", 2))
print(int("0b101", 0), int("0x10", 0), int("0o10", 0), int("10", 0), int("z", 36), int("Zz", 36))
print(int(3.99), int(-3.99), int(True), int("-" + "9" * 25))
for text, base in [("12", 2), ("0x", 16), ("1__0", 10), ("", 10), (" ", 10), ("1.5", 10), ("010", 0), ("9", 8)]:
    try:
        print(int(text, base))
    except ValueError as e:
        print("ValueError:", e)
for text in ["3.14", "  -2.5e3 ", "1e-3", "inf", "-Infinity", "nan", "1_0.5", "0x10", "", "abc", "1e"]:
    try:
        print(repr(text), repr(float(text)))
    except ValueError as e:
        print(repr(text), "ValueError:", e)

# Parse a small CSV-ish table of numbers.
rows = ["3, 4, 5", "10,20 , x", " -1,  -2,-3", "7"]
for row in rows:
    cells = [c.strip() for c in row.split(",")]
    total = 0
    bad = []
    for c in cells:
        if c.lstrip("-").isdigit():
            total += int(c)
        else:
            bad.append(c)
    print(cells, total, bad)
