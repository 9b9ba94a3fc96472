samples = [
    ValueError(),
    ValueError("one"),
    ValueError("two", 2),
    KeyError("key"),
    KeyError("a", "b"),
    KeyError(),
    IndexError(5),
    Exception("x", [1, 2], None),
    RuntimeError(""),
    TypeError(None),
    ZeroDivisionError("custom"),
    StopIteration(42),
    AssertionError("msg"),
    SystemExit(3),
]
for e in samples:
    print(type(e).__name__, "| str:", repr(str(e)), "| args:", e.args, "| repr:", repr(e))

# Catching and inspecting.
def check_age(age):
    if not isinstance(age, int):
        raise TypeError("age must be an int", type(age).__name__)
    if age < 0:
        raise ValueError("age must be non-negative", age)
    return age

for value in [30, -5, "old", 2.5]:
    try:
        print("valid:", check_age(value))
    except (TypeError, ValueError) as e:
        message, detail = e.args
        print(type(e).__name__, "|", message, "|", repr(detail), "|", e)

# KeyError str() shows the repr of the key; other exceptions show the message.
d = {"apple": 1}
for key in ["banana", 42, ("t", 1), "", "it's"]:
    try:
        d[key]
    except KeyError as e:
        print("KeyError", str(e), e.args[0] == key)

# Exceptions are values: store them and raise later.
errors = [ValueError("first"), KeyError("second"), ZeroDivisionError("third")]
caught = []
for err in errors:
    try:
        raise err
    except Exception as e:
        caught.append((type(e).__name__, str(e), e is err))
print(caught)
print(isinstance(errors[1], LookupError), ValueError("a").args == ("a",), str(ValueError(1, 2)))
