# typing.TypedDict as a base class is unsupported: the run stops there
# rather than making something else.
from typing import TypedDict
print("before")
class Movie(TypedDict):
    name: str
    year: int
