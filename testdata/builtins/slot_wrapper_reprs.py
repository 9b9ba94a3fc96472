# The container slots of built-in types as CPython shows them: a slot wrapper
# (list.__len__), bound a method-wrapper; a method descriptor where CPython
# defines the slot as a method (list.__getitem__, dict.__contains__).
def norm(s):
    i = s.find(" at 0x")
    return s if i < 0 else s[:i] + " at 0x...>"
class Bag(list):
    pass
for t in (list, tuple, dict, str, bytes, set, frozenset, range, Bag):
    for n in ("__getitem__", "__setitem__", "__delitem__", "__len__", "__contains__", "__iter__"):
        if hasattr(t, n):
            print(t.__name__, n, getattr(t, n))
print(norm(repr([1].__len__)), norm(repr({}.__contains__)), norm(repr(Bag().__iter__)))
print(list.append, norm(repr([].append)))
