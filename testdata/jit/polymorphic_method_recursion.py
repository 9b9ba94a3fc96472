# A method call site that sees two classes in turn misses its one-entry
# cache on every call. The miss path now pushes the method's frame directly
# (it used to build a bound method and bind arguments through the generic
# call path on every such call); deep recursion through it must still work.
import sys

sys.setrecursionlimit(100000)


class A:
    def down(self, n, other):
        return 0 if n == 0 else 1 + other.down(n - 1, self)


class B(A):
    def down(self, n, other):
        return 0 if n == 0 else 2 + other.down(n - 1, self)


print(A().down(30000, B()))
print(B().down(9, A()))
