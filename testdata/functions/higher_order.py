def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x

def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed

def double(x):
    return x * 2

def inc(x):
    return x + 1

print(apply_n(double, 10, 1), apply_n(inc, 5, 0), apply_n(str.upper, 1, "abc"))
pipeline = compose(str, inc, double)
print(repr(pipeline(5)), compose()(42), compose(len, str.split)("a b c"))

def my_map(f, xs):
    return [f(x) for x in xs]

def my_filter(pred, xs):
    return [x for x in xs if pred(x)]

def my_reduce(f, xs, initial):
    acc = initial
    for x in xs:
        acc = f(acc, x)
    return acc

nums = list(range(1, 11))
print(my_map(double, nums))
print(my_filter(lambda n: n % 3 == 0, nums))
print(my_reduce(lambda a, b: a * b, nums, 1), my_reduce(max, [3, 9, 2], 0), my_reduce(lambda a, s: a + len(s), ["ab", "cde"], 0))

# Functions stored in data structures.
def shout(s):
    return s.upper() + "!"
def whisper(s):
    return s.lower() + "..."
def reverse(s):
    return s[::-1]

styles = [shout, whisper, reverse]
for style in styles:
    print(style.__name__, style("Hello There"))

handlers = {"greet": lambda who: f"hi {who}", "bye": lambda who: f"bye {who}"}
for cmd, arg in [("greet", "ann"), ("bye", "bob"), ("dance", "cy")]:
    handler = handlers.get(cmd)
    print(handler(arg) if handler else f"unknown command {cmd!r}")

# A simple event-sourced counter using functions as commands.
def make_cmd(kind, amount):
    if kind == "add":
        return lambda state: state + amount
    if kind == "mul":
        return lambda state: state * amount
    return lambda state: state

cmds = [make_cmd("add", 5), make_cmd("mul", 3), make_cmd("noop", 0), make_cmd("add", -1)]
state = 0
for c in cmds:
    state = c(state)
    print("state ->", state)
print(sorted([3, 1, 2], key=lambda v: -v), list(map(len, ["a", "bb", ""])), sum(map(abs, [-1, 2, -3])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(max, [1, 5], [4, 2], [3, 3])))
