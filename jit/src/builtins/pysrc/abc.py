"""Abstract base classes: `ABC`, `abstractmethod`, `register`.

CPython builds these on a metaclass (`ABCMeta`); jitprof has no
metaclasses, so `ABC` does the metaclass's two jobs itself: its `__new__`
refuses to instantiate a class with abstract methods left, and
`isinstance`/`issubclass` ask `_jitprof_subclasscheck` (see
`builtins::functions::class_matches`) after the ordinary check fails, which
follows `__subclasshook__`, `register()` and the subclasses as
`ABCMeta.__subclasscheck__` does. `metaclass=ABCMeta` itself stops the run
as unsupported."""

import _jitprof


def abstractmethod(funcobj):
    """Mark a method abstract: a class that still has it cannot be made."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if isinstance(value, property):
        value = value.fget
    return getattr(value, "__isabstractmethod__", False)


_abstract_cache = {}


def _abstract_methods(cls):
    """Names of the abstract methods `cls` has not overridden, sorted."""
    names = _abstract_cache.get(cls)
    if names is None:
        seen = set()
        for base in cls.__mro__:
            for name, value in base.__dict__.items():
                if _is_abstract(value):
                    seen.add(name)
        names = sorted([n for n in seen if _is_abstract(getattr(cls, n, None))])
        _abstract_cache[cls] = names
    return names


_registries = {}


class ABCMeta:
    """Stands for CPython's metaclass; `metaclass=ABCMeta` is unsupported,
    use `ABC` as a base instead."""

    def __init__(self, *args, **kwargs):
        _jitprof.unsupported("abc.ABCMeta as a metaclass (use abc.ABC as a base)")


class ABC:
    """A helper base class: `class Shape(ABC)`."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        missing = _abstract_methods(cls)
        if missing:
            s = "s" if len(missing) > 1 else ""
            raise TypeError(
                "Can't instantiate abstract class "
                + cls.__name__
                + " with abstract method"
                + s
                + " "
                + ", ".join(missing)
            )
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Make `subclass` a virtual subclass of `cls`."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        _registries.setdefault(cls, []).append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def _jitprof_subclasscheck(cls, subclass):
        """`issubclass(subclass, cls)` after the ordinary check said no."""
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        for rcls in _registries.get(cls, ()):
            if issubclass(subclass, rcls):
                return True
        for scls in cls.__subclasses__():
            if scls is not subclass and issubclass(subclass, scls):
                return True
        return False


def get_cache_token():
    return len(_registries)
