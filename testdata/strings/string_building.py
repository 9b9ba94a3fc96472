# Build strings different ways and compare.
parts = []
for i in range(1, 6):
    parts.append(str(i) * i)
print(parts, "".join(parts), "-".join(parts))

s = ""
for ch in "abc":
    s = s + ch.upper() + ch
print(s, len(s))
print("=" * 20, "ab" * 3, 3 * "xy", "x" * 0, "x" * -2, repr("" * 100))

# Run-length encoding and decoding.
def rle_encode(text):
    if not text:
        return ""
    out = []
    current = text[0]
    count = 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            out.append(str(count) + current)
            current = ch
            count = 1
    out.append(str(count) + current)
    return "".join(out)

def rle_decode(code):
    out = []
    number = ""
    for ch in code:
        if ch.isdigit():
            number += ch
        else:
            out.append(ch * int(number))
            number = ""
    return "".join(out)

for text in ["aaabccddddd", "abc", "", "zzzzzzzzzzzz", "aabbaa"]:
    enc = rle_encode(text)
    print(repr(text), repr(enc), rle_decode(enc) == text)

# String comparison is lexicographic by code point.
print("apple" < "apples", "Apple" < "apple", "10" < "9", "abc" == "ab" + "c", "a" * 3 == "aaa")
print(sorted(["banana", "Apple", "cherry", "apple", "10", "9", ""]))
print(sorted(["banana", "Apple", "cherry", "apple"], key=str.lower))
print(sorted(["banana", "Apple", "cherry", "apple"], key=len, reverse=True))

# Wrap text to a width greedily.
def wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    if line:
        lines.append(line)
    return lines

para = "The quick brown fox jumps over the lazy dog and keeps running far into the distant hills"
for width in [15, 30]:
    for ln in wrap(para, width):
        print("|" + ln.ljust(width) + "|")
print(str(12) + str(3.5) + str(None) + str(True) + str([1, "a"]) + str((1,)))
