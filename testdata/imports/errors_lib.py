"""Exceptions defined in a module other than __main__ (see
exception_type_names_in_tracebacks.py)."""


class LibError(Exception):
    pass


class Outer:
    class Nested(LibError):
        pass


def boom(kind):
    if kind == "nested":
        raise Outer.Nested("nested one")
    raise LibError("plain one")
