# Compiled code keeps what it knows of a register's type across a call (the
# call leaves the caller's registers below the callee's alone): `n - 2`
# after `ident(n - 1)` is not checked again. The interpreter enters compiled
# code right after a call when the callee it ran returns, so that entry
# checks what the code after the call knows: a frame that left compiled
# code because n was a float (or anything else) must not come back in
# where n is taken for an int.


def ident(x):
    return x


def step(n):
    if n < 2:
        return n
    a = ident(n - 1)
    return a + (n - 2)


def deep(n):
    if n < 1:
        return n
    return deep(n - 1) + (n - 2)


class Num:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other

    def __sub__(self, other):
        return Num(self.v - other)

    def __add__(self, other):
        return self.v + (other.v if isinstance(other, Num) else other)

    def __radd__(self, other):
        return other + self.v


total = 0
for i in range(300):
    total += step(i % 20)
print("ints", total)
print("float", step(7.5))
print("bool", step(True), step(False))
print("Num", step(Num(9)))
print("big", step(2**70))
print("ints again", sum(step(i) for i in range(30)))

for i in range(200):
    deep(5)
print("deep", deep(30), deep(30.25), deep(Num(12)))
print("deep ints again", deep(25))
