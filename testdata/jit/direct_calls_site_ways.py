# Call sites that see more callees than they remember inline (functions and
# method classes in turn, five or six of them), a method replaced on its
# class mid-run, and an instance attribute shadowing a method: every call
# reaches the callee CPython's would.


class A:
    def f(self, x):
        return x + 1


class B:
    def f(self, x):
        return x * 2


class C:
    def f(self, x):
        return x - 3


class D(A):
    pass


class E:
    def f(self, x):
        return -x


class F(B):
    def f(self, x):
        return super().f(x) + 100


def g0(x):
    return x


def g1(x):
    return x + 10


def g2(x):
    return x * 3


def g3(x):
    return x - 7


def g4(x):
    return x // 2


objs = [A(), B(), C(), D(), E(), F()]
funcs = [g0, g1, g2, g3, g4]


def methods(n, width):
    t = 0
    for i in range(n):
        t += objs[i % width].f(i)
    return t


def calls(n, width):
    t = 0
    for i in range(n):
        t += funcs[i % width](i)
    return t


for width in (1, 2, 4, 5, 6):
    print("methods", width, methods(600, width))
for width in (1, 3, 4, 5):
    print("calls", width, calls(600, width))


def replace():
    C.f = lambda self, x: x * 1000


print("before", methods(300, 6))
replace()
print("after", methods(300, 6))
objs[0].f = lambda x: 5
print("shadowed", methods(300, 6))
