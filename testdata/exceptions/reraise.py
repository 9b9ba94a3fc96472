attempts = []

def risky(n):
    attempts.append(n)
    if n % 3 == 0:
        raise ValueError(f"bad value {n}")
    return n * 10

def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("wrapper logging failure for", n)
        raise

for n in [1, 3, 4, 6]:
    try:
        print("result", wrapper(n))
    except ValueError as e:
        print("caller got:", e)
print(attempts)

# A bare raise inside nested handlers re-raises the current exception.
def classify(x):
    try:
        try:
            return 100 // x
        except ZeroDivisionError:
            print("  inner: zero, re-raising")
            raise
    except ArithmeticError as e:
        print("  outer: arithmetic problem:", e)
        return None

print(classify(7), classify(0))

# Translating exceptions at an API boundary.
def get_setting(settings, name):
    try:
        value = settings[name]
    except KeyError:
        raise KeyError(f"setting {name!r} is required") from None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"setting {name!r} must be an integer, got {value!r}") from None

settings = {"port": "80", "workers": "many"}
for name in ["port", "workers", "timeout"]:
    try:
        print(name, get_setting(settings, name))
    except (KeyError, ValueError) as e:
        print(name, type(e).__name__, e)

# An exception raised inside an except block replaces the original.
try:
    try:
        {}["x"]
    except KeyError:
        print(undefined_helper)
except NameError as e:
    print("NameError:", e, "| while handling", type(e.__context__).__name__)

# Raising a class instead of an instance.
try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args, str(e) == "")
