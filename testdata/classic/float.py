# Classic benchmark: pyperformance bm_float (artificial float benchmark
# originally used by Factor: Point objects with __slots__).
# Changed: the pyperf Runner harness is replaced by main(), which runs
# benchmark() for a few sizes (at most POINTS) and prints the results.
"""
Artificial, floating point-heavy benchmark originally used by Factor.
"""

from math import sin, cos, sqrt


POINTS = 100000


class Point(object):
    __slots__ = ('x', 'y', 'z')

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points):
    next = points[0]
    for p in points[1:]:
        next = next.maximize(p)
    return next


def benchmark(n):
    points = [None] * n
    for i in range(n):
        points[i] = Point(i)
    for p in points:
        p.normalize()
    return maximize(points)


def main():
    p = Point(1)
    print(p)
    print(repr(p.x), repr(p.y), repr(p.z))
    p.normalize()
    print(p)
    try:
        p.w = 1.0
    except AttributeError as e:
        print("AttributeError", e)
    for n in (1, 2, 10, 1000, POINTS // 2):
        print(n, benchmark(n))


main()
