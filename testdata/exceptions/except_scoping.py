# The "as" name is deleted at the end of the except block.
e = "outer value"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", type(e).__name__, e)
try:
    print(e)
except NameError as err:
    print("after the handler:", err)

# Keep a reference by assigning to another name.
saved = None
try:
    int("bad")
except ValueError as exc:
    saved = exc
print("saved:", type(saved).__name__, saved)

# Handlers with tuples and ordering.
def classify(fn):
    try:
        fn()
    except (ValueError, TypeError) as e:
        return "value/type: " + type(e).__name__
    except (KeyError,) as e:
        return "key: " + str(e)
    except LookupError:
        return "other lookup"
    except:
        return "bare except caught something"
    return "fine"

print(classify(lambda: int("x")))
print(classify(lambda: len(3)))
print(classify(lambda: {}["k"]))
print(classify(lambda: [][3]))
print(classify(lambda: 1 / 0))
print(classify(lambda: None))

# A handler variable does not leak from a function either.
def handler_locals():
    try:
        raise KeyError("inner")
    except KeyError as problem:
        message = str(problem)
    try:
        return message, problem
    except UnboundLocalError as e:
        return message, "UnboundLocalError: " + str(e)
print(handler_locals())

# Exceptions in loops: each iteration handled separately.
results = []
for text in ["1", "x", "3", "", "5"]:
    try:
        results.append(int(text))
    except ValueError as e:
        results.append(None)
        last_error = str(e)
print(results, last_error)

# Try/except inside a function that returns from several places.
def lookup(table, key):
    try:
        value = table[key]
    except KeyError:
        return "missing"
    except TypeError:
        return "unhashable"
    else:
        return f"found {value}"
    finally:
        print("  looked up", repr(key))

table = {"a": 1, (1, 2): "tuple"}
for key in ["a", "b", (1, 2), [1, 2]]:
    print(lookup(table, key))
