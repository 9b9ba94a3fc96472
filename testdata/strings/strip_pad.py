samples = ["  padded  ", "\t\ttabs\n", "xxhixx", "...dots...", "", "   ", "no-padding"]
for s in samples:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x.")))

print(repr("www.example.com".strip("cmowz.")), repr("<<<tag>>>".lstrip("<")), repr("<<<tag>>>".rstrip(">")))
print(repr("abc".center(9)), repr("abc".center(8, "*")), repr("abc".center(2)), repr("abcd".center(9, "-")))
print(repr("abc".ljust(6)), repr("abc".ljust(6, ".")), repr("abc".rjust(6)), repr("abc".rjust(6, "0")))
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+42".zfill(6)), repr("abc".zfill(5)), repr("12345".zfill(3)))
print(repr("x".center(4)), repr("xy".center(5)), repr("xyz".center(6, "~")))

# A boxed banner.
def banner(lines, width):
    out = ["+" + "-" * (width + 2) + "+"]
    for line in lines:
        out.append("| " + line.center(width) + " |")
    out.append("+" + "-" * (width + 2) + "+")
    return "\n".join(out)

print(banner(["Welcome", "to the", "show!"], 11))

# Price list with dot leaders.
items = [("Coffee", "2.50"), ("Blueberry muffin", "3.25"), ("Tea", "1.75"), ("Bagel", "12.00")]
for name, price in items:
    print(name.ljust(20, ".") + price.rjust(7))

# Clean up user input.
raw_inputs = ["  Yes ", "NO", "\ty\n", "n  ", " maybe", "YES!"]
for r in raw_inputs:
    answer = r.strip().lower().rstrip("!")
    if answer in ("y", "yes"):
        verdict = True
    elif answer in ("n", "no"):
        verdict = False
    else:
        verdict = None
    print(repr(r), "->", verdict)
try:
    "abc".center(10, "ab")
except TypeError as e:
    print("TypeError:", e)
