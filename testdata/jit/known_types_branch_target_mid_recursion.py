# A compare-and-branch whose target only its jump reaches hands what it
# knows to the target's code: after `if n < 2` the other branch knows n is
# an int (when the compare left compiled code for anything else) and does
# not check it again at `n - 1` and `n - 2`. The type of the argument
# changes mid-recursion here, and between calls.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def mixed(n):
    if n < 1:
        return 0
    if n == 6:
        return mixed(n - 0.5) + 1
    return mixed(n - 1) + 1


def count(n, acc):
    if n <= 0:
        return acc
    return count(n - 1, acc + n)


print(sum(fib(i) for i in range(18)))
print(fib(10.0), fib(7.5), fib(True), fib(False), fib(-3))
print(fib(2**62 + 1) if False else fib(12))
for i in range(300):
    mixed(i % 12)
print(mixed(11), mixed(11.0), mixed(20))
print(count(50, 0), count(50.5, 0), count(40, 0.5), count(30, 2**70))
try:
    fib("x")
except TypeError as e:
    print("TypeError", e)
try:
    fib(None)
except TypeError as e:
    print("TypeError", e)
print(fib(15))
