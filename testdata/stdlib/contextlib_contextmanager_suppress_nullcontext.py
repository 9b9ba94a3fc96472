# contextlib (contextmanager, suppress, nullcontext, closing,
# ContextDecorator) stopped the run as an unsupported module.
from contextlib import contextmanager, suppress, nullcontext, closing, ContextDecorator
import contextlib

log = []


@contextmanager
def tag(name):
    """Wrap output in a tag."""
    log.append(f'<{name}>')
    try:
        yield name.upper()
    finally:
        log.append(f'</{name}>')


with tag('b') as t:
    log.append(t)
print(log, tag.__name__, tag.__doc__)


@contextmanager
def swallow(kind):
    try:
        yield
    except kind as e:
        print('swallowed', type(e).__name__, e)


with swallow(KeyError):
    {}['missing']
try:
    with swallow(KeyError):
        raise ValueError('not swallowed')
except ValueError as e:
    print('propagated', e)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)


@contextmanager
def twice():
    yield 1
    yield 2


try:
    with twice():
        pass
except RuntimeError as e:
    print('RuntimeError:', e)

with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('after suppress')
try:
    with suppress(KeyError):
        [][0]
except IndexError as e:
    print('IndexError:', e)

with nullcontext(42) as v:
    print('null', v)


class Resource:
    def close(self):
        print('closed')


with closing(Resource()) as r:
    print(type(r).__name__)


class timed(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self

    def __exit__(self, *exc):
        print('exit', exc[0])
        return False


@timed()
def work(x):
    return x * 2


print(work(21))


@tag('i')
def decorated():
    log.append('body')


log.clear()
decorated()
decorated()
print(log)
total = 0
for i in range(200):
    with tag('x') as name:
        total += len(name)
print(total, len(log), isinstance(suppress(), contextlib.AbstractContextManager))
