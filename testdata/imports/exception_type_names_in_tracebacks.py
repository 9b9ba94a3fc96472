# Regression: a traceback named an exception's class by its bare name;
# CPython names it by its qualified name, after its module unless that is
# __main__ or builtins: `errors_lib.LibError`, `f.<locals>.Local`.
import errors_lib


def local_class():
    class Local(Exception):
        pass

    return Local


for kind in ["plain", "nested"]:
    try:
        errors_lib.boom(kind)
    except errors_lib.LibError as e:
        print(type(e).__qualname__, type(e).__module__, repr(e))
try:
    raise local_class()("from a function")
except Exception as e:
    print(type(e).__qualname__, repr(e))
try:
    errors_lib.boom("nested")
except errors_lib.LibError as e:
    raise local_class()("chained") from e
