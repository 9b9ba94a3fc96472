# typing.NamedTuple as a base class needs class annotations: unsupported.
from typing import NamedTuple
print("before")
class Point(NamedTuple):
    x: int
    y: int = 0
