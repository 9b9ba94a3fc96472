# Recursion deeper than compiled code's native depth limit (100000 nested
# compiled activations), with the recursion limit raised past it: the inline
# calls stop at the limit and the deeper calls take the Rust path, which
# counts them; exceptions raised at the bottom propagate through all of
# them, and RecursionError still comes at the recursion limit.
import sys

sys.setrecursionlimit(130000)


def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


print(down(120000))


def boom(n):
    if n == 0:
        raise ValueError("bottom")
    return boom(n - 1) + 1


try:
    boom(110000)
except ValueError as e:
    print("ValueError", e)


def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)

sys.setrecursionlimit(2000)
try:
    down(5000)
except RecursionError as e:
    print("RecursionError after lowering", e)
print(down(1500))
