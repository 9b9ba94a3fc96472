# typing at run time: imports for annotations, subscripted aliases and their
# reprs, TypeVar, Generic, NewType, NamedTuple (function form; the class form has its own test), cast,
# built-in generic aliases (list[int]) and PEP 560 bases (list[int], Generic[T]).
import typing as t
from typing import List, Optional, Dict, Union, TypeVar, Generic, Iterator, NamedTuple, Callable, Any, cast
print(repr(t.List[int]), repr(t.Optional[int]), repr(t.Union[int,str]), repr(t.Dict[str, t.List[int]]), repr(t.Callable[[int],str]), repr(t.Tuple[int,...]), repr(t.Any), repr(t.TypeVar('T')), repr(t.TypeVar('U', bound=int, covariant=True)))
print(repr(list[int]), repr(dict[str, list[int]]), repr(tuple[int, ...]), repr(type[int]), list[int](range(3)), list[int].__origin__, list[int].__args__)
T=t.TypeVar('T')
class Box(t.Generic[T]):
    def __init__(s, v): s.v=v
print(repr(Box[int]), Box[int](3).v, Box.__mro__, Box.__orig_bases__ if hasattr(Box,'__orig_bases__') else None)
print(t.cast(int, 'x'), t.TYPE_CHECKING, repr(t.Iterator[int]), repr(t.Optional[t.List[int]]), repr(t.Union[int, None]))
UserId = t.NewType('UserId', int); print(UserId(5), repr(UserId))
try:
    t.List()
except TypeError as e: print(e)
print(isinstance([], t.List), repr(t.Literal['a', 1]), repr(t.Callable[..., int]), repr(t.Sequence[str]), repr(t.Set[int]), repr(t.FrozenSet[int]), repr(t.Type[int]), repr(t.Deque[int]), repr(t.DefaultDict[str,int]))
P = t.NamedTuple('P', [('x', int), ('y', float)]); print(P(1, 2.0))
print(t.List, t.Dict, t.Callable, t.Optional, t.Union, t.Iterable)
class Stack(list[int]):
    pass
s = Stack([1, 2]); s.append(3); print(s, Stack.__mro__, Stack.__orig_bases__)
def f(x: List[int], y: Optional[Dict[str, Any]] = None) -> Iterator[int]:
    yield from x
print(list(f([1, 2])))
Vector = List[float]
def scale(k: float, v: Vector) -> Vector:
    return [k * x for x in v]
print(scale(2.0, [1.0, 2.5]), Vector)
import collections
print(collections.deque[int], repr(t.Optional[t.Union[int, str]]), t.Union[int, t.Union[str, int]])
