# Indexing a sequence with an int beyond 64 bits raises IndexError "cannot
# fit 'int' into an index-sized integer" (CPython converts the index to
# Py_ssize_t first); the runtime used to clamp it and report "out of range".
for s in ("abc", b"abc", [1, 2], (1, 2), range(3)):
    for i in (2**64, -(2**64), 2**63, -(2**63) - 1):
        try:
            s[i]
        except IndexError as e:
            print(type(s).__name__, "get", e)
l = [1, 2]
for i in (2**64, -(2**64)):
    try:
        l[i] = 0
    except IndexError as e:
        print("list set", e)
    try:
        del l[i]
    except IndexError as e:
        print("list del", e)
print(l)
