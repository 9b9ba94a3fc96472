# Float arithmetic loop: measures unboxed-float friendliness -- a midpoint
# rule integral of 4/(1+x*x) (approximates pi) and a damped harmonic
# oscillator integrated with semi-implicit Euler, both in `while`/`for`
# loops over local float variables.  No chaotic maps, so the printed
# values are stable.  Size = number of steps (default 2_500_000).
import sys


def integrate_pi(n):
    h = 1.0 / n
    total = 0.0
    i = 0
    while i < n:
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
        i += 1
    return total * h


def oscillator(n):
    x = 1.0
    v = 0.0
    k = 4.0
    c = 0.005
    dt = 0.001
    energy_sum = 0.0
    for _ in range(n):
        a = -k * x - c * v
        v += a * dt
        x += v * dt
        energy_sum += 0.5 * v * v + 0.5 * k * x * x
    return x, v, energy_sum / n


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2500000
    pi = integrate_pi(n)
    x, v, e = oscillator(n)
    print("float_loop(%d): pi=%.12f x=%.9e v=%.9e e=%.9e" % (n, pi, x, v, e))


main()
