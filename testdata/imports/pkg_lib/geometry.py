from . import util
from .util import clamp
from pkg_lib import VERSION

print("pkg_lib.geometry: loading as", __name__)


def area(w, h):
    return clamp(w, 0, 100) * clamp(h, 0, 100)


def describe(points):
    return " -> ".join(util.fmt_point(p) for p in points)


def version():
    return "%d.%d" % VERSION
