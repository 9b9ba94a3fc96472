import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
vals = [0.0, -0.0, 0.5, 1, 2, 3.7, -2.5, 10, 1e-300, 1e300, 2**60]
for name in ["sqrt", "exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
             "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "fabs", "erf", "erfc", "gamma", "lgamma",
             "degrees", "radians", "floor", "ceil", "trunc", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp",
             "cbrt", "exp2"]:
    f = getattr(math, name)
    out = []
    for v in vals + [math.inf, -math.inf, math.nan]:
        try:
            out.append(f(v))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, out)

for x in [-3.5, -1.5, 0.1, 0.5, 4.5, 7.25, 30.1, 171.5, 180.0, -0.5, -2.0000001, 1e-25]:
    for f in (math.gamma, math.lgamma):
        try:
            print(f.__name__, x, f(x))
        except (ValueError, OverflowError) as e:
            print(f.__name__, x, type(e).__name__, e)

pairs = [(2, 3), (2.0, 0.5), (-2, 3), (-2, 0.5), (0, -1), (10, 400), (1.5, -2), (7, 0), (math.inf, 2), (0.5, math.inf), (-1, math.inf), (math.nan, 0)]
for name in ["pow", "atan2", "fmod", "copysign", "remainder", "hypot", "nextafter", "ldexp", "log"]:
    f = getattr(math, name)
    out = []
    for a, b in pairs:
        try:
            out.append(f(a, int(b) if name == "ldexp" and math.isfinite(b) else b))
        except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, out)

print(math.log(10**400), math.log2(2**2000 + 1), math.log10(10**500), math.log(10**400, 10), math.log(2**1000, 2))
print(math.floor(-2**70 + 0.5), math.ceil(1e20), math.trunc(-7.9), math.floor(10**30), math.ceil(True))
print(math.factorial(0), math.factorial(20), math.factorial(30), len(str(math.factorial(1000))))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18, 27), math.gcd(2**100, 6**50), math.gcd(0, 0))
print(math.lcm(), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-3, 7))
print(math.comb(10, 3), math.comb(5, 7), math.comb(100, 50), math.perm(5), math.perm(10, 3), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10**40), math.isqrt(2**101 - 1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 30)), math.prod([1.5, 2]), math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([math.inf, 1]), math.fsum([1e308, 1e308, -1e308]) if False else 0)
print(math.hypot(3, 4), math.hypot(), math.hypot(5), math.hypot(1, 2, 3, 4), math.hypot(1e-320, 1e-320), math.hypot(math.inf, math.nan))
print(math.dist((0, 0), (3, 4)), math.dist((1, 2, 3), (4, 6, 8)), math.dist((1.5,), (-2.5,)))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.frexp(0.0), math.frexp(-8), math.ldexp(0.5, 1024), math.ldexp(1.0, -1080), math.modf(-3.25), math.modf(math.inf))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e308), math.nextafter(1.0, 2.0), math.nextafter(0.0, -1.0))
print(math.remainder(10, 3), math.remainder(11, 4), math.remainder(-5.5, 2), math.fmod(-7, 3), math.fmod(7, -3))

for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.factorial(-1),
            lambda: math.factorial(2.5), lambda: math.exp(1000), lambda: math.sqrt("x"), lambda: math.floor(math.inf),
            lambda: math.floor(math.nan), lambda: math.comb(-1, 2), lambda: math.comb(3, -2), lambda: math.isqrt(-1),
            lambda: math.fsum([math.inf, -math.inf]), lambda: math.fsum([1e308, 1e308]), lambda: math.isclose(1, 2, rel_tol=-1),
            lambda: math.log(1, 1), lambda: math.ldexp(1.0, 2.5), lambda: math.dist((1, 2), (1,)), lambda: math.gcd(1.5),
            lambda: math.trunc("a"), lambda: math.sqrt(), lambda: math.atan2(1), lambda: math.pow(0, -1), lambda: math.acos(2),
            lambda: math.exp(10**400), lambda: math.factorial(10**20), lambda: math.log(-(10**400))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(math.dist([1, 2], [4, 6]), math.dist(range(3), (2, 2, 2)), math.perm(0), math.prod(iter([2, 2.5])))
for bad in [lambda: math.perm(-1), lambda: math.prod(), lambda: math.fsum(["a"]), lambda: math.floor("a"),
            lambda: math.isqrt(2.0), lambda: math.log("x"), lambda: math.log(2, 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
