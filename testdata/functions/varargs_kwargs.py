def total(*numbers):
    print("got", numbers, type(numbers).__name__)
    return sum(numbers)

print(total(), total(1), total(1, 2, 3))
values = [4, 5, 6]
print(total(*values), total(0, *values, 10), total(*range(5)))

def tag(name, *children, **attrs):
    attr_text = "".join(f' {k}="{v}"' for k, v in attrs.items())
    inner = "".join(children)
    return f"<{name}{attr_text}>{inner}</{name}>"

print(tag("p", "hello"))
print(tag("a", "click", href="/home", title="Home"))
print(tag("div", tag("span", "x", id="s1"), tag("b", "y"), cls="box"))

def show(**kwargs):
    for key in kwargs:
        print(f"  {key} = {kwargs[key]!r}")
    return len(kwargs)

options = {"verbose": True, "level": 3}
print(show(**options))
print(show(name="x", **options, extra=[1, 2]))
print(show())

def merge(first, *rest, sep=", ", **fmt):
    parts = [str(first)] + [str(r) for r in rest]
    text = sep.join(parts)
    if fmt.get("upper"):
        text = text.upper()
    return fmt.get("prefix", "") + text

print(merge("a"), merge("a", "b", "c"), merge(1, 2, sep="-"), merge("x", "y", upper=True, prefix="> "))

def forward(*args, **kwargs):
    return merge(*args, **kwargs)
print(forward("q", "r", sep="|"))

# Argument unpacking from tuples and dicts together.
point = (3, 4)
style = {"sep": " @ ", "prefix": "pt "}
print(merge(*point, **style))
def area(width, height):
    return width * height
for dims in [(2, 3), {"width": 4, "height": 5}]:
    print(area(*dims) if isinstance(dims, tuple) else area(**dims))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
try:
    area(*[1, 2, 3])
except TypeError as e:
    print("TypeError:", e)
