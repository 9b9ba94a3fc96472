# Many calls of small functions from fixed call sites: measures the cost of a
# call and return where the callee does almost nothing (an if/else on an int),
# which is where per-call bookkeeping (a profiler's call counts) shows most.
# Size = calls (default 12,000,000); prints a checksum.
import sys


def step_down(x):
    if x > 0:
        x = x - 1
    else:
        x = x + 2
    return x


def step_up(x):
    if x > 1:
        x = x - 1
    else:
        x = x + 3
    return x


def wrap(x):
    if x > 1000:
        return x - 1000
    return x


def mix(x, k):
    if k & 1:
        return x + 1
    return x


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12000000
    t = 0
    for k in range(n // 4):
        t = step_down(t)
        t = step_up(t)
        t = mix(t, k)
        t = wrap(t + k % 7)
    print(f"small_calls {n}: {t}")


main()
