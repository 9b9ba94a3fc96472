# str.find / startswith / endswith over the whole string (no start/end),
# which take a shorter path than a window, and str() of ints and strs:
# the same results as with bounds, for ASCII and non-ASCII text.
texts = ["", "a", "abc", "abcabc", "héllo wörld", "日本語のテキスト", "x日y日z", "EeE"]
needles = ["", "a", "b", "c", "abc", "é", "wö", "日", "語の", "z", "E", "xyz", "abcabcabc"]
for t in texts:
    row = []
    for n in needles:
        row.append((t.find(n), t.find(n, 0), t.find(n, 0, len(t)),
                    t.startswith(n), t.startswith(n, 0), t.endswith(n),
                    t.endswith(n, 0, len(t)), t.rfind(n)))
    print(repr(t), row)
print("abc".startswith(("x", "a")), "abc".endswith(("c", "x")), "abc".startswith(()))
print("".startswith(""), "".endswith(""), "".find(""), "a".find("", 1), "a".find("", 2))
for v in (0, 7, -7, 10 ** 18, -(2 ** 63), 2 ** 63, 10 ** 30, True, False, 2.5, None, "s", "日"):
    print(str(v), repr(str(v)), type(str(v)).__name__)
print(str(), str(b"ab", "ascii"), str(object=12), str(b"x"))
class S(str):
    pass
print(type(str(S("q"))).__name__, str(S("q")))
