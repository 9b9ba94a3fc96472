print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"), ord("\x00"))
print(chr(97), chr(65), chr(48), repr(chr(32)), repr(chr(10)), chr(233), chr(8364), chr(128512), repr(chr(0)))
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1)))
print("".join(chr(c) for c in range(0x391, 0x3AA) if c != 0x3A2))
print([chr(c) for c in range(0x2190, 0x2195)], repr(chr(0x7F)), repr(chr(0x85)), repr(chr(0xA0)), repr(chr(0xAD)))

# Letter arithmetic: column labels like a spreadsheet.
def column_label(n):
    label = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        label = chr(ord("A") + rem) + label
    return label

def column_number(label):
    n = 0
    for ch in label:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n

for n in [1, 2, 26, 27, 52, 53, 702, 703, 16384]:
    lab = column_label(n)
    print(n, lab, column_number(lab))

# Simple hash of a string, character by character.
def djb2(s):
    h = 5381
    for ch in s:
        h = (h * 33 + ord(ch)) % 2 ** 32
    return h
print([djb2(w) for w in ["", "a", "hello", "Hello", "日本"]])

# Character classes by code point ranges.
def kind(ch):
    c = ord(ch)
    if 48 <= c <= 57:
        return "digit"
    if 65 <= c <= 90 or 97 <= c <= 122:
        return "ascii letter"
    if c < 32 or c == 127:
        return "control"
    if c < 128:
        return "ascii symbol"
    return "non-ascii"
print([(ch, kind(ch)) for ch in "a1 Z~\té"])
print(chr(ord("a") ^ 32), chr(ord("Q") | 32), "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in "shout it!"))
for bad in [lambda: chr(0x110000), lambda: ord(""), lambda: ord(65), lambda: chr("a")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
