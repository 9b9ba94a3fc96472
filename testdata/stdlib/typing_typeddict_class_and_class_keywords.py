# typing.TypedDict's class form (calling the class makes a plain dict;
# annotations, __total__ and the required/optional keys inherited), and
# class keywords passed to __init_subclass__ (PEP 487). jitprof once
# stopped at both as unsupported.
from typing import TypedDict


class Movie(TypedDict):
    name: str
    year: int


class Extended(Movie, total=False):
    rating: float


m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__, m["name"], isinstance(m, dict))
e = Extended(name="x", year=1, rating=9.5)
print(e, Movie.__annotations__, Extended.__total__, Movie.__total__)
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__))
m2 = Movie({"name": "y", "year": 2})
print(m2, Movie.__name__)

class Base:
    def __init_subclass__(cls, flag=None, **kw):
        print("init_subclass", cls.__name__, flag, sorted(kw.items()))


class C(Base, flag=3, other="o"):
    pass


class D(C):
    pass


try:
    class E(x=1):
        pass
except TypeError as err:
    print("TypeError:", err)
