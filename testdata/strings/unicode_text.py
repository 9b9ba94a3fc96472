words = ["café", "naïve", "日本語", "Ελληνικά", "emoji 😀!", "straße", "ÅNGSTRÖM"]
for w in words:
    print(w, len(w), repr(w), w.upper(), w.lower(), w[::-1], [ord(c) for c in w[:3]])

print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("back\\slash"))
print(repr("tab\there"), repr("new\nline"), repr("cr\r"), repr("nul\x00"), repr("bell\x07"), repr("del\x7f"))
print(repr("\u00e9"), repr("\u200b"), repr("\xa0"), repr("\U0001F600"), repr("\u2028"), repr("\x1b[0m"))
print("\u03b1", chr(955), chr(0x20AC), ord("€"), hex(ord("😀")), repr(chr(0x10FFFF)), repr(chr(0xE000)))
print(str("quote's"), "tab\tsep", "é" == "\xe9", "e\u0301" == "é", len("e\u0301"))

# Count characters outside ASCII.
text = "Größenwahn – naïve café, 50€ ☕"
non_ascii = [ch for ch in text if ord(ch) > 127]
print(len(text), len(non_ascii), non_ascii)
print("".join(ch if ord(ch) < 128 else "?" for ch in text))

# Sorting is by code point.
names = ["Zoë", "zoe", "Émile", "Eve", "ågot", "Adam", "émile"]
print(sorted(names))
print(sorted(names, key=lambda n: n.lower()))
print(max("hello wörld"), min("Hello"), "ä" > "z", "Z" < "a")

# Simple transliteration table.
table = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e"}
def translit(s):
    return "".join(table.get(ch, ch) for ch in s)
for w in ["Größe", "Müller", "Straße", "café", "plain"]:
    print(w, "->", translit(w))
print("αβγ".upper(), "ΣΊΣΥΦΟΣ".lower(), "ﬀ".upper(), "İstanbul".lower(), len("İstanbul".lower()))
