# __self__ of a method of a built-in value is its receiver.
m = (5).__add__
print(m.__self__, m(1), [1, 2].append.__self__, "ab".upper.__self__)
d = {}
setter = d.__setitem__
setter("k", 1)
print(setter.__self__ is d, d)
