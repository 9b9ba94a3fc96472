words = ["hello", "WORLD", "python Programming", "it's a dog's life", "123abc", "", "mIxEd CaSe", "o'neil mcdonald"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()))

for w in ["abc", "ABC", "Abc", "A1", "a1", "123", "", " ", "Title Case", "title case", "ÉCOLE", "straße"]:
    print(repr(w), w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isdigit(), w.isalnum(), w.isspace())

print("straße".upper(), "ǅ".lower(), "İ".lower() == "i̇", "ß".casefold(), "Straße".casefold() == "STRASSE".casefold())
print("ﬁne".upper(), len("ﬁne".upper()))

# Normalize user names for a case-insensitive lookup.
users = {}
for name in ["Alice", "BOB", "alice", "Carol", "bob", "ALICE"]:
    key = name.lower()
    users[key] = users.get(key, 0) + 1
print(users)

# Title-case a heading but keep small words lowercase.
small = {"a", "an", "the", "of", "and", "in", "on"}
def headline(text):
    out = []
    for i, word in enumerate(text.split()):
        if i > 0 and word.lower() in small:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:].lower())
    return " ".join(out)

for title in ["the lord OF the rings", "a tale of two cities", "war and peace", "IN the mood"]:
    print(headline(title))

# Count character classes.
text = "Hello, World! 42 is The Answer."
counts = {"upper": 0, "lower": 0, "digit": 0, "space": 0, "other": 0}
for ch in text:
    if ch.isupper():
        counts["upper"] += 1
    elif ch.islower():
        counts["lower"] += 1
    elif ch.isdigit():
        counts["digit"] += 1
    elif ch.isspace():
        counts["space"] += 1
    else:
        counts["other"] += 1
print(counts)
