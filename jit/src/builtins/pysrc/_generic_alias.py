"""Generic aliases of built-in classes, CPython's types.GenericAlias:
`list[int]`, `dict[str, list[int]]`, `collections.deque[str]`. Made by
subscripting the class (see `Vm::class_getitem`)."""


def type_repr(obj):
    """How an alias shows a class, the ellipsis, or anything else."""
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join([type_repr(a) for a in obj]) + "]"
    return repr(obj)


class GenericAlias:
    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = tuple(
            [a for a in args if type(a).__name__ == "TypeVar"]
        )

    def __repr__(self):
        if not self.__args__:
            inner = "()"
        else:
            inner = ", ".join([type_repr(a) for a in self.__args__])
        return type_repr(self.__origin__) + "[" + inner + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return GenericAlias(self.__origin__, self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)
