# coding: utf-8
# Classic benchmark: pyperformance bm_pidigits (Benchmarks Game spigot for
# the digits of pi; big integer arithmetic, generators, itertools).
# Changed: the pyperf Runner harness is replaced by main(), which computes
# 600 digits (instead of DEFAULT_DIGITS) and prints them 50 per line.
"""
Calculating some of the digits of π.

This benchmark stresses big integer arithmetic.

Adapted from code on:
http://benchmarksgame.alioth.debian.org/
"""

import itertools


DEFAULT_DIGITS = 2000
icount = itertools.count
islice = itertools.islice


def gen_x():
    return map(lambda k: (k, 4 * k + 2, 0, 2 * k + 1), icount(1))


def compose(a, b):
    aq, ar, as_, at = a
    bq, br, bs, bt = b
    return (aq * bq,
            aq * br + ar * bt,
            as_ * bq + at * bs,
            as_ * br + at * bt)


def extract(z, j):
    q, r, s, t = z
    return (q * j + r) // (s * j + t)


def gen_pi_digits():
    z = (1, 0, 0, 1)
    x = gen_x()
    while 1:
        y = extract(z, 3)
        while y != extract(z, 4):
            z = compose(z, next(x))
            y = extract(z, 3)
        z = compose((10, -10 * y, 0, 1), z)
        yield y


def calc_ndigits(n):
    return list(islice(gen_pi_digits(), n))


def main():
    n = 600
    digits = calc_ndigits(n)
    print(len(digits), sum(digits))
    text = "".join(str(d) for d in digits)
    for i in range(0, n, 50):
        print(text[i:i + 50], i + 50)
    print(list(islice(gen_x(), 3)))
    print(compose((1, 2, 3, 4), (5, 6, 7, 8)), extract((1, 2, 3, 4), 3))


main()
