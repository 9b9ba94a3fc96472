# The container slots of built-in types as CPython shows them: a slot wrapper
# (list.__len__), bound a method-wrapper; a method descriptor where CPython
# defines the slot as a method (list.__getitem__, dict.__contains__). Then
# the operator slots (int.__add__, str.__mod__, object.__eq__) and the
# special methods that are plain methods (int.__round__).
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
for t, names in [
    (int, ("__add__", "__radd__", "__neg__", "__bool__", "__eq__", "__lt__", "__hash__",
           "__repr__", "__index__", "__int__", "__float__", "__pow__", "__floordiv__",
           "__truediv__", "__and__", "__lshift__", "__invert__", "__abs__", "bit_length")),
    (float, ("__mul__", "__truediv__", "__float__", "__neg__", "__eq__", "is_integer")),
    (str, ("__add__", "__mul__", "__mod__", "__eq__", "__hash__", "__repr__", "upper")),
    (object, ("__eq__", "__repr__", "__hash__", "__str__", "__setattr__")),
]:
    for n in names:
        if hasattr(t, n):
            print(t.__name__, n, getattr(t, n))
print(norm(repr((1).__add__)), norm(repr((2.5).__mul__)), norm(repr("s".__mod__)))
print(norm(repr((3).bit_length)), norm(repr((1.5).__neg__)), norm(repr("a".__eq__)))
