# sys.exc_info() and sys.exception() (3.11) inside and outside handlers,
# nested handlers, re-raise, generators and functions called from a handler.
import sys


class AppError(Exception):
    pass


def show(tag):
    t, v, tb = sys.exc_info()
    name = t.__name__ if t is not None else None
    print(tag, name, repr(v), tb is None or type(tb).__name__ == "traceback",
          sys.exception() is v)


show("outside")
try:
    raise ValueError("bad value")
except ValueError:
    show("in handler")
    try:
        raise AppError("inner", 2)
    except AppError as e:
        show("nested")
        print(sys.exc_info()[1] is e)
    show("back to outer")
show("after")


def helper():
    return sys.exc_info()[0]


for i in range(3):
    try:
        if i % 2:
            raise KeyError(i)
        1 / i
    except (KeyError, ZeroDivisionError):
        print(i, helper().__name__, sys.exception().args)
    print(i, sys.exc_info() == (None, None, None))


def gen():
    try:
        raise IndexError("in gen")
    except IndexError:
        yield sys.exc_info()[0].__name__
        yield sys.exception().args[0]


print(list(gen()))

try:
    try:
        raise TypeError("first")
    except TypeError:
        raise
except TypeError as e:
    print("reraised", sys.exception() is e, sys.exc_info()[1].args)

try:
    sys.exc_info(1)
except TypeError as e:
    print("arity:", e)
