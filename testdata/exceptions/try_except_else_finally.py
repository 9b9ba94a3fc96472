def attempt(label, fn):
    print("--", label)
    try:
        print("  try start")
        result = fn()
        print("  try end, result", repr(result))
    except ZeroDivisionError as e:
        print("  except ZeroDivisionError:", e)
        result = "div0"
    except (KeyError, IndexError) as e:
        print("  except lookup:", type(e).__name__, e)
        result = "lookup"
    else:
        print("  else runs only without an exception")
        result = ("ok", result)
    finally:
        print("  finally always runs")
    return result

print(attempt("fine", lambda: 10 // 3))
print(attempt("divide", lambda: 1 / 0))
print(attempt("key", lambda: {}["k"]))
print(attempt("index", lambda: [][1]))
try:
    attempt("uncaught", lambda: int("nope"))
except ValueError as e:
    print("caught outside:", e)

# Finally runs on return, break and continue.
def with_return():
    try:
        return "from try"
    finally:
        print("cleanup before return")

print(with_return())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)

# Nested try blocks.
def nested(x):
    try:
        try:
            return 10 / x
        except ZeroDivisionError:
            print("inner handler")
            raise ValueError("x must not be zero")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer handler:", e)
        return None
    finally:
        print("outer finally")

print(nested(4))
print(nested(0))
