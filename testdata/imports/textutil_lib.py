"""Small text helpers, imported by the programs in this directory."""

print("textutil_lib: loading as", __name__)

VOWELS = "aeiou"
calls = 0
_private_counter = 0


def slugify(text):
    global calls
    calls += 1
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)


def word_count(text):
    global calls
    calls += 1
    counts = {}
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def vowel_ratio(word):
    n = sum(1 for c in word.lower() if c in VOWELS)
    return round(n / len(word), 3) if word else 0.0


if __name__ == "__main__":
    print("textutil_lib run as a program: this must not print on import")
