# Decorators on functions and methods, plain and with arguments,
# functools.wraps, class decorators, and decorated generators.
import functools

def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        print(f"-> {f.__name__}{args}")
        r = f(*args, **kwargs)
        print(f"<- {f.__name__} = {r!r}")
        return r
    return wrapper

def repeat(times):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*a, **k):
            return [f(*a, **k) for _ in range(times)]
        return wrapper
    return deco

@trace
def add(a, b=1):
    """Adds."""
    return a + b

@repeat(3)
def greet(name):
    return "hi " + name

print(add(2, b=5), add.__name__, add.__doc__, add.__wrapped__(1, 1))
print(greet("bob"), greet.__name__)

class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        functools.update_wrapper(self, f) if hasattr(functools, "update_wrapper") else None
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))

def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        cls.registered = True
        return cls
    return deco

REG = {}
@register(REG)
class Plugin:
    def __repr__(self):
        return "<Plugin>"
    @trace
    def run(self, x):
        return x * 10
    @staticmethod
    @repeat(2)
    def twice():
        return "s"
    @classmethod
    @functools.lru_cache(maxsize=None)
    def expensive(cls, n):
        print("computing", n)
        return n ** 2

p = REG["Plugin"]()
print(p.run(4), Plugin.registered, Plugin.twice(), Plugin.expensive(9), Plugin.expensive(9))

def counted(gen):
    @functools.wraps(gen)
    def wrapper(*a):
        n = 0
        for v in gen(*a):
            n += 1
            yield v
        print("yielded", n)
    return wrapper

@counted
def evens(limit):
    yield from range(0, limit, 2)
print(list(evens(9)), evens.__name__)
