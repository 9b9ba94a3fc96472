from . import DEFAULT_SIDES
from ..util import clamp
from .. import geometry


def perimeter(side, sides=DEFAULT_SIDES):
    return side * clamp(sides, 3, 12)


def bounding_area(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return geometry.area(max(xs) - min(xs), max(ys) - min(ys))


def too_far_up():
    try:
        from ... import something
    except ImportError as e:
        return type(e).__name__ + ": " + str(e)
