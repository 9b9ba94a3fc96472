# %-format fields the runtime lays out directly (str for %s, int for %d/%i/%u
# without precision) next to the ones that take the general path, with every
# flag and width, negative numbers, the i64 extremes and non-ASCII text.
ints = [0, 7, -7, 42, -1234567, 2**63 - 1, -(2**63), 10**20, True]
fmts = ["%d", "%i", "%u", "%5d", "%-5d|", "%05d", "%-05d|", "%+d", "% d", "%+05d", "% 5d",
        "%+-6d|", "%.3d", "%8.3d", "%x", "%#o", "%1d", "%0d", "%*d", "%-*d|"]
for f in fmts:
    row = []
    for i in ints:
        try:
            row.append(f % ((6, i) if "*" in f else i))
        except TypeError as e:
            row.append("TypeError: " + str(e))
    print(f, row)
strs = ["", "a", "héllo", "日本語", "x" * 40]
for f in ["%s", "%5s|", "%-5s|", "%.2s", "%7.3s|", "%r", "%05s"]:
    print(f, [f % (s,) for s in strs])
print("%s %s %s" % (1, 2.5, None), "%s" % [1, "a"], "%d%%" % 50)
print("<%s|%04d>" % ("alpha", 42), "%s-%d" % ("k", -3), "%(a)s %(b)d" % {"a": "x", "b": 5})
try:
    print("%d" % "s")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("a",))
except TypeError as e:
    print("TypeError:", e)
