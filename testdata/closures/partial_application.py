def partial(fn, *fixed, **fixed_kw):
    def call(*args, **kwargs):
        merged = dict(fixed_kw)
        merged.update(kwargs)
        return fn(*fixed, *args, **merged)
    return call

def power(base, exp):
    return base ** exp

square = partial(power, exp=2)
cube = lambda b: power(b, 3)
two_to = partial(power, 2)
print([square(base=n) for n in range(5)], [cube(n) for n in range(5)], [two_to(n) for n in range(8)])

def fmt(template, *args, sep=" "):
    return template.format(*args) + sep
hello = partial(fmt, "Hello, {}!")
print(repr(hello("world")), repr(hello("you", sep="?")))

def curry3(f):
    return lambda a: lambda b: lambda c: f(a, b, c)

volume = curry3(lambda l, w, h: l * w * h)
print(volume(2)(3)(4), volume(1)(1)(1))
by_two = volume(2)
print(by_two(5)(5), by_two(1)(10))

def make_adder(n):
    def add(x):
        return x + n
    return add

adders = {n: make_adder(n) for n in (1, 10, 100)}
print({k: f(5) for k, f in adders.items()})

def pipeline(*steps):
    def run(value):
        trace = [value]
        for step in steps:
            value = step(value)
            trace.append(value)
        return value, trace
    return run

process = pipeline(str.strip, str.lower, lambda s: s.replace(" ", "-"), len)
print(process("  Hello Big World  "))

def scale(factor):
    return lambda xs: [x * factor for x in xs]
def offset(delta):
    return lambda xs: [x + delta for x in xs]
transform = pipeline(scale(2), offset(-1), sorted, lambda xs: xs[::-1])
print(transform([3, 1, 2]))
price_with_vat = partial(round, ndigits=2)
print(price_with_vat(19.999), price_with_vat(2.675), partial(max, 0)(-5, -3), partial(sorted, key=len)(["ccc", "a", "bb"]))
