# Regression (--jit=eager --jit-regalloc=off): an int operator template (`a & b`, compiled
# before it ever ran) whose guard failed on instances left to the
# interpreter, which pushed `__and__`'s frame; at its return the interpreter
# entered the caller's compiled code at the next instruction, which took the
# failed guard's "a and b are ints" for granted: `a ^ b` xor-ed the
# instances' words into an int.


class V:
    def __init__(self, x):
        self.x = x

    def __and__(self, o):
        return V(self.x & o.x)

    def __or__(self, o):
        return V(self.x | o.x)

    def __xor__(self, o):
        return V(self.x ^ o.x)

    def __lshift__(self, o):
        return V(self.x << (o.x % 5))

    def __rshift__(self, o):
        return None


def f(n):
    for i in range(n):
        a, b = V(i + 7), V(i % 5 + 1)
        r = [a & b, a | b, a ^ b, a << b, a >> b]
        print([type(v).__name__ for v in r], [v.x for v in r[:4]])


f(3)
