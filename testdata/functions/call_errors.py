def one(a):
    return a

def two(a, b):
    return a + b

def opt(a, b=2, *, c):
    return a + b + c

def star(*args):
    return args

ident = lambda x: x
number = 5
text = "abc"
nothing = None

def nested():
    def inner(x):
        return x
    return inner

calls = [
    ("one()", lambda: one()),
    ("one(1, 2)", lambda: one(1, 2)),
    ("two(1)", lambda: two(1)),
    ("two()", lambda: two()),
    ("two(1, 2, 3, 4)", lambda: two(1, 2, 3, 4)),
    ("two(1, a=1)", lambda: two(1, a=1)),
    ("two(1, c=3)", lambda: two(1, c=3)),
    ("opt(1)", lambda: opt(1)),
    ("opt(1, 2, 3)", lambda: opt(1, 2, 3)),
    ("opt(c=1)", lambda: opt(c=1)),
    ("star(x=1)", lambda: star(x=1)),
    ("nested()(1, 2)", lambda: nested()(1, 2)),
    ("ident()", lambda: ident()),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len([1], [2])),
    ("abs('x')", lambda: abs("x")),
    ("int([])", lambda: int([])),
    ("number()", lambda: number()),
    ("text(1)", lambda: text(1)),
    ("nothing()", lambda: nothing()),
    ("one(*5)", lambda: one(*5)),
    ("two(**[1])", lambda: two(**[1])),
]
for label, fn in calls:
    try:
        result = fn()
        print(label, "->", repr(result))
    except TypeError as e:
        print(label, "-> TypeError:", e)
print(one(a=1), two(b="x", a="y"), opt(1, c=3), opt(1, b=0, c=0), star(), star(1, *[2, 3]))
