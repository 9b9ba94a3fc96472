"""The parts of the typing module that programs use at run time: the names
they import for annotations (which jitprof never evaluates), subscripted
aliases with CPython's reprs (`typing.List[int]`, `typing.Optional[str]`),
TypeVar, Generic, Protocol, NewType, cast, overload and friends, and
NamedTuple and TypedDict (both forms)."""

from _generic_alias import GenericAlias as _BuiltinAlias, type_repr as _type_repr
import collections as _collections
import _jitprof

TYPE_CHECKING = False


def _args_repr(args):
    return ", ".join([_type_repr(a) for a in args])


class _GenericAlias:
    """`typing.List[int]` and friends: an alias of `origin` with `args`."""

    def __init__(self, origin, args, name):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self.__parameters__ = tuple([a for a in args if isinstance(a, TypeVar)])

    def __repr__(self):
        if self._name is None:
            return _type_repr(self.__origin__) + "[" + _args_repr(self.__args__) + "]"
        return "typing." + self._name + "[" + _args_repr(self.__args__) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, params, self._name)

    def __mro_entries__(self, bases):
        if self.__origin__ is Generic or self.__origin__ is Protocol:
            for b in bases:
                if b is not self and isinstance(b, _GenericAlias) and issubclass(
                    b.__origin__ if isinstance(b.__origin__, type) else object, Generic
                ):
                    return ()
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _Alias:
    """An unsubscripted alias of a class: `typing.List` is `list`'s."""

    def __init__(self, origin, name, nparams=-1):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == "Callable" and len(params) == 2:
            if isinstance(params[0], list):
                pass
            elif params[0] is not ...:
                raise TypeError(
                    "Callable[args, result]: args must be a list. Got " + _type_repr(params[0])
                )
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in ("List", "Dict", "Set", "FrozenSet", "Tuple", "Type"):
            lower = self.__origin__.__name__
            raise TypeError(
                "Type " + self._name + " cannot be instantiated; use " + lower + "() instead"
            )
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


class _SpecialForm:
    """`Any`, `Union`, `Optional`, `ClassVar`, ...: names with no class."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(repr(self) + " is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate " + repr(self))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass " + repr(self))


class _UnionAlias:
    def __init__(self, args):
        self.__origin__ = Union
        self.__args__ = args
        self.__parameters__ = tuple([a for a in args if isinstance(a, TypeVar)])

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[1] is type(None):
            return "typing.Optional[" + _type_repr(args[0]) + "]"
        return "typing.Union[" + _args_repr(args) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _flatten_union(params):
    out = []
    for p in params:
        if p is None:
            p = type(None)
        if isinstance(p, _UnionAlias):
            items = p.__args__
        else:
            items = (p,)
        for it in items:
            if it not in out:
                out.append(it)
    return tuple(out)


def _union(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    if not params:
        raise TypeError("Cannot take a Union of no types.")
    args = _flatten_union(params)
    if len(args) == 1:
        return args[0]
    return _UnionAlias(args)


def _optional(form, param):
    if isinstance(param, tuple):
        raise TypeError("typing.Optional requires a single type.")
    return _union(form, (param, None))


def _wrap(form, param):
    if isinstance(param, tuple) and len(param) != 1 and form._name != "Annotated":
        raise TypeError(repr(form) + " accepts only single type.")
    return _GenericAlias(form, param, form._name)


def _literal(form, params):
    return _GenericAlias(form, params, "Literal")


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
TypeAlias = _SpecialForm("TypeAlias")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
ClassVar = _SpecialForm("ClassVar", _wrap)
Final = _SpecialForm("Final", _wrap)
Literal = _SpecialForm("Literal", _literal)
Annotated = _SpecialForm("Annotated", _wrap)
TypeGuard = _SpecialForm("TypeGuard", _wrap)
Required = _SpecialForm("Required", _wrap)
NotRequired = _SpecialForm("NotRequired", _wrap)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            prefix = "+"
        elif self.__contravariant__:
            prefix = "-"
        else:
            prefix = "~"
        return prefix + self.__name__


class ParamSpec:
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return "~" + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """The base of generic classes: `class Box(Generic[T])`."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError(
                        "Parameters to " + cls.__name__ + "[...] must all be type variables or parameter specification variables."
                    )
            return _GenericAlias(cls, params, cls.__name__)
        return _GenericAlias(cls, params, None)


class Protocol(Generic):
    """A structural base class; checked by type checkers, not at run time."""

    __slots__ = ()


def cast(typ, val):
    """Return the value unchanged (the type is for type checkers)."""
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @typing.overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @typing.overload-ed."
        )

    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: " + repr(arg)[:100])


def assert_type(val, typ):
    return val


def reveal_type(obj):
    import sys

    print("Runtime type is " + repr(type(obj).__name__), file=sys.stderr)
    return obj


class NewType:
    """`UserId = NewType('UserId', int)`: calling it returns its argument."""

    def __init__(self, name, tp):
        self.__name__ = name
        self.__qualname__ = name
        self.__supertype__ = tp
        self.__module__ = _jitprof.caller_module_name()

    def __repr__(self):
        return self.__module__ + "." + self.__qualname__

    def __call__(self, x):
        return x


def NamedTuple(typename, fields=None, **kwargs):
    """The function form: `NamedTuple('P', [('x', int), ('y', int)])`."""
    if fields is None:
        fields = list(kwargs.items())
    names = [n for n, t in fields]
    nt = _collections.namedtuple(typename, names)
    nt.__module__ = _jitprof.caller_module_name()
    return nt


class _NamedTupleBase(tuple):
    """What `class P(NamedTuple): x: int` derives from here (CPython makes
    the class with a metaclass, which jitprof lacks): the class is made as
    usual, then takes the namedtuple's parts (`__new__`, the fields'
    properties, `_fields`, `_make`, `_replace`, ...) for its annotated
    fields, a field's class value being its default. Its own methods stay.
    One difference remains: `P.__bases__` names this class, not tuple."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        if _NamedTupleBase not in cls.__bases__:
            return
        own = cls.__dict__
        fields = list(own.get("__annotations__", {}))
        defaults = []
        for f in fields:
            if f in own:
                defaults.append(own[f])
            elif defaults:
                with_default = [g for g in fields[: fields.index(f)] if g in own]
                raise TypeError(
                    "Non-default namedtuple field %s cannot follow default field%s %s"
                    % (f, "s" if len(with_default) > 1 else "", ", ".join(with_default))
                )
        nt = _collections.namedtuple(cls.__name__, fields, defaults=defaults or None)
        for name, value in nt.__dict__.items():
            if name in ("__doc__", "__module__", "__slots__"):
                continue
            if name in fields or name not in own:
                setattr(cls, name, value)


def _namedtuple_class_syntax(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_class_syntax


def TypedDict(typename, fields=None, **kwargs):
    """The function form: `TypedDict('Movie', {'name': str})` makes dicts."""
    return dict


class _TypedDictBase(dict):
    """What `class Movie(TypedDict): name: str` derives from here (CPython
    makes it with a metaclass, which jitprof lacks): calling the class makes
    a plain dict, and the class keeps its keys' annotations, inherited
    ones included, `__total__`, `__required_keys__` and `__optional_keys__`.
    Not done: isinstance() against it raises TypeError in CPython."""

    def __new__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        own = cls.__dict__.get("__annotations__", {})
        annotations, required, optional = {}, set(), set()
        for base in cls.__bases__:
            if issubclass(base, _TypedDictBase) and base is not _TypedDictBase:
                annotations.update(base.__annotations__)
                required |= base.__required_keys__
                optional |= base.__optional_keys__
        annotations.update(own)
        for key in own:
            (required if total else optional).add(key)
        cls.__annotations__ = annotations
        cls.__total__ = total
        cls.__required_keys__ = frozenset(required)
        cls.__optional_keys__ = frozenset(optional)


def _typeddict_class_syntax(bases):
    return (_TypedDictBase,)


TypedDict.__mro_entries__ = _typeddict_class_syntax


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    _jitprof.unsupported("typing.get_type_hints (annotations are not evaluated)")


def get_origin(tp):
    return getattr(tp, "__origin__", None)


def get_args(tp):
    return getattr(tp, "__args__", ())


Hashable = _Alias(object, "Hashable")
Sized = _Alias(object, "Sized")
List = _Alias(list, "List")
Dict = _Alias(dict, "Dict")
Set = _Alias(set, "Set")
FrozenSet = _Alias(frozenset, "FrozenSet")
Tuple = _Alias(tuple, "Tuple")
Type = _Alias(type, "Type")
Callable = _Alias(object, "Callable")
Iterable = _Alias(object, "Iterable")
Iterator = _Alias(object, "Iterator")
Generator = _Alias(object, "Generator")
Reversible = _Alias(object, "Reversible")
Container = _Alias(object, "Container")
Collection = _Alias(object, "Collection")
Sequence = _Alias(object, "Sequence")
MutableSequence = _Alias(object, "MutableSequence")
Mapping = _Alias(object, "Mapping")
MutableMapping = _Alias(object, "MutableMapping")
AbstractSet = _Alias(object, "AbstractSet")
MutableSet = _Alias(object, "MutableSet")
KeysView = _Alias(object, "KeysView")
ValuesView = _Alias(object, "ValuesView")
ItemsView = _Alias(object, "ItemsView")
Awaitable = _Alias(object, "Awaitable")
Coroutine = _Alias(object, "Coroutine")
AsyncIterable = _Alias(object, "AsyncIterable")
AsyncIterator = _Alias(object, "AsyncIterator")
Deque = _Alias(_collections.deque, "Deque")
DefaultDict = _Alias(_collections.defaultdict, "DefaultDict")
OrderedDict = _Alias(_collections.OrderedDict, "OrderedDict")
Counter = _Alias(_collections.Counter, "Counter")
Text = str
SupportsInt = _Alias(object, "SupportsInt")
SupportsFloat = _Alias(object, "SupportsFloat")
SupportsIndex = _Alias(object, "SupportsIndex")
SupportsAbs = _Alias(object, "SupportsAbs")
SupportsRound = _Alias(object, "SupportsRound")
