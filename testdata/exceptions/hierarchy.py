def trigger(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "index":
        return [1, 2][5]
    if kind == "key":
        return {"a": 1}["b"]
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("1.5")
    if kind == "attr":
        return (1).missing
    if kind == "name":
        return undefined_variable
    if kind == "overflow":
        return float(10 ** 400)
    if kind == "assert":
        assert False, "boom"
    if kind == "stop":
        return next(iter([]))
    if kind == "runtime":
        raise RuntimeError("custom runtime")
    if kind == "notimpl":
        raise NotImplementedError("later")
    return "no error"

kinds = ["zero", "index", "key", "type", "value", "attr", "name", "overflow", "assert", "stop", "runtime", "notimpl", "none"]
for kind in kinds:
    try:
        trigger(kind)
        print(kind, "-> nothing raised")
    except ArithmeticError as e:
        print(kind, "-> ArithmeticError branch:", type(e).__name__, e, e.args)
    except LookupError as e:
        print(kind, "-> LookupError branch:", type(e).__name__, e, e.args)
    except RuntimeError as e:
        print(kind, "-> RuntimeError branch:", type(e).__name__, e, e.args)
    except Exception as e:
        print(kind, "-> Exception branch:", type(e).__name__, e, e.args)

pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
    (IndexError, LookupError), (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (StopIteration, Exception), (Exception, BaseException),
    (SystemExit, Exception), (KeyboardInterrupt, Exception), (KeyError, Exception), (ValueError, TypeError),
    (AssertionError, Exception), (AttributeError, Exception), (bool, int), (TypeError, BaseException),
]
for sub, base in pairs:
    print(sub.__name__, "is subclass of", base.__name__, issubclass(sub, base))
e = KeyError("k")
print(isinstance(e, LookupError), isinstance(e, Exception), isinstance(e, IndexError), isinstance(e, (TypeError, KeyError)))

# The first matching handler wins, in order.
try:
    [][0]
except Exception:
    print("generic handler first")
except IndexError:
    print("never reached")
try:
    raise SystemExit(5)
except Exception:
    print("SystemExit is not an Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__, e.args)
