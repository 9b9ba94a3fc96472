# send() and throw() on a generator suspended in `yield from` reach the
# sub-generator (they were dropped / raised in the outer one); close() closes
# the sub-generator first; function __dict__ after functools.wraps.
import functools


def inner():
    r = yield 1
    print('inner got', r)
    yield 2
    return 'inner-done'


def outer():
    v = yield from inner()
    print('outer got', v)
    return v + '!'


o = outer()
print(next(o), o.send('hello'))
try:
    next(o)
except StopIteration as e:
    print('final', e.value)


def sub():
    try:
        yield 1
    except ValueError:
        yield 'sub caught'
    return 'sub-ret'


def dele():
    r = yield from sub()
    yield r


d = dele()
next(d)
print(d.throw(ValueError))
print(next(d))


def closing_sub():
    try:
        yield 1
    finally:
        print('sub closed')


def closing_outer():
    try:
        yield from closing_sub()
    finally:
        print('outer closed')


c = closing_outer()
next(c)
c.close()


def uncaught_sub():
    yield 1


def passes_through():
    try:
        yield from uncaught_sub()
    except KeyError as e:
        yield 'outer caught ' + repr(e)


p = passes_through()
next(p)
print(p.throw(KeyError('k')))


class Echo:
    """A sub-iterator with send and throw methods, not a generator."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration('echo-done')
        return self.n

    def send(self, v):
        return ('echo', v)

    def throw(self, e):
        return ('thrown', type(e).__name__)


def over_echo():
    r = yield from Echo()
    yield r


e = over_echo()
print(next(e), e.send('x'), e.throw(IndexError('i')), next(e), next(e), next(e))


def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w


@deco
def hello(x):
    """hello doc"""
    return x


hello.tag = 1
print(hello.__name__, hello.__doc__, sorted(hello.__dict__))
