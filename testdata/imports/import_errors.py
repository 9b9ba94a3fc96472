import textutil_lib

attempts = [
    "import no_such_module_xyz",
    "import pkg_lib.missing_sub",
    "import textutil_lib.sub",
    "from pkg_lib import not_there",
    "from . import sibling",
]


def try_import(which):
    try:
        if which == 0:
            import no_such_module_xyz
        elif which == 1:
            import pkg_lib.missing_sub
        elif which == 2:
            import textutil_lib.sub
        elif which == 3:
            from pkg_lib import not_there
        else:
            from . import sibling
    except ModuleNotFoundError as e:
        return "ModuleNotFoundError", str(e)
    except ImportError as e:
        # The message ends with the module's path, which differs per checkout.
        return "ImportError", str(e).split(" (")[0]
    return "imported?"


for i, text in enumerate(attempts):
    print(text, "->", try_import(i))

print(issubclass(ModuleNotFoundError, ImportError))
try:
    import another_missing_one as m
except ImportError as e:
    print(type(e).__name__, e.args)

# The failed imports left nothing behind; the good ones still work.
import pkg_lib
print(hasattr(pkg_lib, "missing_sub"), pkg_lib.VERSION)
from textutil_lib import VOWELS
print(VOWELS)
