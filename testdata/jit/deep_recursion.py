# Deep recursion (a JIT's native frames must not overflow the stack first),
# RecursionError caught from unbounded recursion, mutual recursion.
import sys

sys.setrecursionlimit(5000)


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


print(depth_sum(4000))
print(depth_sum(100), depth_sum(0))


def count_down(n, acc):
    if n <= 0:
        return acc
    return count_down(n - 1, acc + [n] if n % 1000 == 0 else acc)


print(count_down(3900, []))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(is_even(3000), is_odd(3001), is_even(2999), is_odd(10))


# Unbounded recursion: caught, and the interpreter keeps working afterwards.
def forever(n):
    return forever(n + 1) + 1


for attempt in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("attempt", attempt, "caught", type(e).__name__)

print(depth_sum(3500))


# Unbounded recursion through a method and through a lambda.
class Node:
    def __init__(self):
        self.next = self

    def length(self):
        return 1 + self.next.length()


try:
    Node().length()
except RecursionError as e:
    print("method caught", type(e).__name__)

f = lambda n: f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("lambda caught", type(e).__name__)

# Recursion with exception unwinding from the bottom.
def dive(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        return dive(n - 1)
    finally:
        unwound.append(n) if n % 1000 == 0 else None


unwound = []
try:
    dive(3000)
except ValueError as e:
    print("unwound", e, unwound)


# Ackermann (small), with recursion depth changing quickly.
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


print(ack(2, 3), ack(2, 50), ack(3, 3))


# Recursion whose type changes at the bottom.
def build(n):
    if n == 0:
        return 0.5
    if n == 1:
        return "s"
    return build(n - 2) * 2 if n % 2 else build(n - 2) + build(n - 2)


print(repr(build(20)), repr(build(9)))
print(sys.getrecursionlimit())
