import pkg_lib.geometry
from pkg_lib.geometry import area, describe
import pkg_lib.shapes.polygon as poly
from pkg_lib import shapes
from pkg_lib.shapes import polygon
import pkg_lib

print(pkg_lib.__name__, pkg_lib.__package__, pkg_lib.VERSION)
print(pkg_lib.geometry.__name__, pkg_lib.geometry.__package__)
print(poly.__name__, poly.__package__, shapes.__package__)
print(poly is polygon, shapes.polygon is poly, pkg_lib.shapes is shapes)
print(pkg_lib.geometry.util is pkg_lib.util)

print(area(3, 4), area(500, 2), area(-1, 9))
print(describe([(0, 0), (1.5, 2), (3, -1)]))
print(pkg_lib.geometry.version())

square = [(0, 0), (4, 0), (4, 3), (0, 3)]
print(poly.perimeter(5), poly.perimeter(5, 6), poly.perimeter(2, 40))
print(poly.bounding_area(square))
print(shapes.area(2, 2), shapes.DEFAULT_SIDES)
print(poly.too_far_up())

# Submodules are attributes of their package once imported.
print(hasattr(pkg_lib, "util"), hasattr(pkg_lib, "shapes"), hasattr(shapes, "nothing"))

import pkg_lib.util as u2
print(u2.clamp(15, 0, 10), u2 is pkg_lib.util)
print(sorted(name for name in ("geometry", "shapes", "util") if hasattr(pkg_lib, name)))
