# Keyword arguments in a class statement (`class Q(P, tag='q')`) go to the
# base's __init_subclass__; they used to stop the run as unsupported.
registry = {}


class Plugin:
    def __init_subclass__(cls, /, name=None, priority=0, **kw):
        super().__init_subclass__(**kw)
        registry[name or cls.__name__.lower()] = (cls, priority)


class Csv(Plugin, name='csv', priority=2):
    pass


class Json(Plugin, priority=1):
    pass


class JsonLines(Json):
    pass


for key in sorted(registry):
    cls, prio = registry[key]
    print(key, cls.__name__, prio)

try:
    class Bad(Plugin, name='bad', colour='red'):
        pass
except TypeError as e:
    print('TypeError:', e)


class NoHook:
    pass


try:
    class Child(NoHook, flag=True):
        pass
except TypeError as e:
    print('TypeError:', e)


class Explicit(metaclass=type):
    pass


print(type(Explicit).__name__, 'bad' in registry)
