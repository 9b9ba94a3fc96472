# A function rebound while compiled callers are running: the next call goes
# to the new function, never to the old compiled code.


def helper(x):
    return x + 1


def caller(n):
    total = 0
    for i in range(n):
        total += helper(i)
        if i == n // 2:
            rebind()
    return total


def rebind():
    global helper

    helper = lambda x: x * 100


print("rebound mid-loop", caller(1000))
print("after", caller(10))


# Rebinding from inside the callee, deep in a recursion.
def walk(n):
    if n == 0:
        return 0
    if n == 37:
        swap()
    return step(n) + walk(n - 1)


def step(n):
    return 1


def swap():
    global step
    step = lambda n: 1000


for _ in range(300):
    walk(10)
print("swap deep", walk(60), walk(60))


# A method replaced on the class while an instance's method runs.
class Counter:
    def bump(self, k):
        return k + 1

    def run(self, n):
        acc = 0
        for i in range(n):
            acc += self.bump(i)
            if i == 500:
                Counter.bump = lambda self, k: -k
        return acc


print("method replaced", Counter().run(1000))


# A function whose argument count changes under the same name.
def f(a):
    return a


def g(n):
    out = 0
    for i in range(n):
        out += f(i) if i < 400 else f(i, 1)
    return out


def two(a, b):
    return a * b


for _ in range(2):
    try:
        print(g(500))
    except TypeError as e:
        print("TypeError:", e)
    f = two
