import textutil_lib
import textutil_lib as tu
from textutil_lib import slugify, word_count as wc
import sys

print("main: __name__ is", __name__)
print(textutil_lib is tu)
print(textutil_lib.__name__, tu.__name__)
print(type(textutil_lib).__name__)

titles = ["Hello, World!", "  Python 3.11 -- imports ", "a_b c"]
for t in titles:
    print(repr(slugify(t)))

counts = wc("the cat and the hat and the bat")
for k in sorted(counts):
    print(k, counts[k])

print([tu.vowel_ratio(w) for w in ["queue", "rhythm", "", "Audio"]])

# The module's globals are shared by every name bound to it.
print("calls:", textutil_lib.calls, tu.calls)
textutil_lib.VOWELS = "aeiouy"
print(tu.vowel_ratio("rhythm"))

# A module runs once: importing again binds the same object.
import textutil_lib as again
print(again is textutil_lib, again.calls)


def late_import():
    import textutil_lib as inner
    from textutil_lib import vowel_ratio
    return inner is tu, vowel_ratio("sky")


print(late_import())
print(hasattr(tu, "slugify"), hasattr(tu, "missing"))
print(tu.__doc__)
print(len(sys.argv), tu.calls)

if __name__ == "__main__":
    print("main guard: true in the main program")
