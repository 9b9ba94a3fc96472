def parse_port(text):
    try:
        port = int(text)
    except ValueError as e:
        raise ValueError(f"bad port {text!r}") from e
    if not 0 < port < 65536:
        raise ValueError(f"port out of range: {port}")
    return port

for text in ["8080", "http", "70000", "-1"]:
    try:
        print(text, "->", parse_port(text))
    except ValueError as e:
        cause = e.__cause__
        print(text, "->", type(e).__name__, e, "| cause:", type(cause).__name__ if cause is not None else None, cause)

def load(config, key):
    try:
        return config[key]
    except KeyError:
        raise LookupError("missing setting " + key) from None

try:
    load({}, "timeout")
except LookupError as e:
    print(type(e).__name__, e, e.__cause__)

# Re-raising a different exception while handling records context.
def convert(values):
    out = []
    for v in values:
        try:
            out.append(int(v))
        except ValueError:
            raise TypeError(f"cannot convert {v!r}")
    return out

try:
    convert(["1", "2", "three"])
except TypeError as e:
    print("TypeError:", e, "| context:", type(e.__context__).__name__, e.__context__)

# Explicit chaining with an exception instance.
root = KeyError("user_id")
try:
    try:
        raise root
    except KeyError as inner:
        raise RuntimeError("lookup failed") from inner
except RuntimeError as outer:
    print(outer, "caused by", repr(outer.__cause__), outer.__cause__ is root)
