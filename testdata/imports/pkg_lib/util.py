print("pkg_lib.util: loading, __package__ =", repr(__package__))


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def fmt_point(p):
    return "(%g, %g)" % p
