# Integer `while` loop: measures the interpreter's core loop on local
# variables with small-int arithmetic, bit operations, comparisons and
# branches (a linear congruential generator mixed into an accumulator).
# All values stay below 2**32, so no bignums are needed.
# Size = number of iterations (default 2_000_000).
import sys


def run(n):
    i = 0
    x = 12345
    acc = 0
    odd = 0
    while i < n:
        x = (x * 1103515245 + 12345) % 2147483648
        acc = (acc + ((x >> 7) ^ i)) & 0xFFFFFFFF
        if (x >> 16) & 1:
            odd += 1
            acc = acc - (i % 7)
        else:
            acc = acc + (x // 3) % 1000
        i += 1
    return acc, odd, x


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
    acc, odd, x = run(n)
    print(f"int_loop({n}): acc={acc} odd={odd} x={x}")


main()
