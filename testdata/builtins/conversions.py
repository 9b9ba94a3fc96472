print(int(3.7), int(-3.7), int("12"), int(" -5 "), int(True), int("1010", 2), int(2 ** 70 + 0.0))
print(float(3), float("2.5"), float("-inf"), float(" 1e3 "), float(False), float(2 ** 60))
print(str(10), str(-0.5), str(None), str(True), str([1, 2]), str((1,)), str({"a": 1}), str("x"))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(-1), bool({}))
print(list("abc"), list((1, 2)), list({"x": 1, "y": 2}), list(range(3)), list({5}), list(""), list())
print(tuple([1, 2]), tuple("hi"), tuple(range(2)), tuple({"k": 0}), tuple())
print(set([3, 1, 3, 2]), set("aab") == {"a", "b"}, set(), set(range(3)), set((1, 1)))
print(dict([("a", 1), ("b", 2)]), dict(a=1), dict({"x": 1}, y=2), dict(zip([1, 2], "ab")), dict(), dict([]))
print(frozenset("aa") == frozenset({"a"}), sorted(frozenset([3, 1])))
print(chr(65), ord("A"), chr(ord("a") + 25), [ord(c) for c in "Hi!"], str(ord("z")), int(str(42)))

# Round-tripping data between types.
record = {"name": "widget", "sizes": [3, 1, 2], "tags": ("a", "b", "a")}
sizes = tuple(sorted(record["sizes"]))
tags = sorted(set(record["tags"]))
flat = list(record.items())
print(sizes, tags, flat, dict(flat) == record)
csv = ",".join(str(x) for x in record["sizes"])
back = [int(x) for x in csv.split(",")]
print(repr(csv), back, back == record["sizes"])
pairs = list(zip("abc", range(3)))
print(pairs, dict(pairs), list(dict(pairs).items()) == pairs)

# Parsing numbers of different shapes.
for text in ["42", "4.2", "4e2", "-0", "0x2A", "seven", "", "  7  "]:
    try:
        value = int(text)
        kind = "int"
    except ValueError:
        try:
            value = float(text)
            kind = "float"
        except ValueError:
            value = None
            kind = "not a number"
    print(repr(text), kind, repr(value))
print(bool("False"), str(1 == 1), int(float("3.9")), float(int(3.9)), list(str(123)), tuple(str(4.5)))
