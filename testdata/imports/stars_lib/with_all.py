__all__ = ["mean", "median", "_scale"]

PRECISION = 3


def mean(xs):
    return round(sum(xs) / len(xs), PRECISION)


def median(xs):
    s = sorted(xs)
    n = len(s)
    mid = n // 2
    return s[mid] if n % 2 else (s[mid - 1] + s[mid]) / 2


def _scale(xs, k):
    return [x * k for x in xs]


def not_exported():
    return "hidden"
