# Functions are objects with attributes; builtins types have methods to look up.
def tally():
    tally.calls += 1
    return tally.calls

tally.calls = 0
print(tally(), tally(), tally.calls, getattr(tally, "calls"), hasattr(tally, "calls"), hasattr(tally, "nope"))
setattr(tally, "calls", 100)
print(tally(), getattr(tally, "missing", "default"), tally.__name__)

setattr(tally, "label", "counter function")
print(tally.label, getattr(tally, "label"))

# Dynamic method lookup on strings and lists.
text = "Hello World"
for method in ["upper", "lower", "title", "swapcase", "strip", "split"]:
    fn = getattr(text, method)
    print(method, repr(fn()))
print(hasattr(text, "upper"), hasattr(text, "append"), hasattr([], "append"), hasattr({}, "keys"), hasattr("s", "join"))
items = [3, 1, 2]
getattr(items, "append")(0)
getattr(items, "sort")()
print(items, getattr(items, "index")(2), getattr([], "pop", None) is not None)

# Dispatch on command names via getattr with a default.
def handle(obj, command, *args):
    method = getattr(obj, command, None)
    if method is None or not callable(method):
        return f"unknown command {command!r} for {type(obj).__name__}"
    return method(*args)

print(handle("a-b-c", "split", "-"), handle("abc", "center", 7, "*"), handle([1, 2], "count", 2), handle({}, "fly"))
for bad in [lambda: getattr(tally, "nope"), lambda: setattr(5, "x", 1), lambda: "s".missing, lambda: getattr("s", 1)]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)

# Configurable plugins stored as function attributes.
def plugin_a(x):
    return x + 1
def plugin_b(x):
    return x * 3
plugin_a.priority = 2
plugin_b.priority = 1
plugin_b.enabled = False
for p in sorted([plugin_a, plugin_b], key=lambda f: getattr(f, "priority", 99)):
    enabled = getattr(p, "enabled", True)
    print(p.__name__, p.priority, enabled, p(10) if enabled else "skipped")
