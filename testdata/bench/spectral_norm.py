# Spectral norm (Computer Language Benchmarks Game), written like
# pyperformance's bm_spectral_norm: small functions, zip(), generator
# expressions passed to sum(), list comprehensions and tuple unpacking.
# Measures call overhead, float division/multiply and iteration protocols.
# Size = matrix dimension n (default 320); 10 power iterations.
import sys


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def eval_times_u(func, u):
    return [func((i, u)) for i in range(len(list(u)))]


def part_A_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(i, j) * u_j
    return partial_sum


def part_At_times_u(i_u):
    i, u = i_u
    partial_sum = 0
    for j, u_j in enumerate(u):
        partial_sum += eval_A(j, i) * u_j
    return partial_sum


def eval_AtA_times_u(u):
    return eval_times_u(part_At_times_u, eval_times_u(part_A_times_u, u))


def dot(a, b):
    return sum(x * y for x, y in zip(a, b))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = eval_AtA_times_u(u)
        u = eval_AtA_times_u(v)
    vBv = dot(u, v)
    vv = dot(v, v)
    return (vBv / vv) ** 0.5


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 320
    print("spectral_norm(%d) = %.9f" % (n, spectral_norm(n)))


main()
