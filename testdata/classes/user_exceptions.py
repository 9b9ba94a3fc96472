# User-defined exception classes: hierarchies, extra attributes, args,
# str/repr, chaining, and an uncaught one with its traceback.
class AppError(Exception):
    """Base of the application's errors."""

class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason

class RetryableError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
    def __str__(self):
        return f"gave up after {self.attempts} attempts"

class Quiet(AppError):
    pass

for exc in [ConfigError("port", "not a number"), RetryableError(3), Quiet(), Quiet("a", 1)]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args, isinstance(e, Exception))

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ConfigError("db", "lookup failed") from e
except ConfigError as e:
    print(e.key, e.reason, type(e.__cause__).__name__, e.__cause__)

class Stop(Exception):
    def __init__(self, value):
        super().__init__(value)
        self.value = value
def search(tree, target, path=()):
    for k, v in tree.items():
        if k == target:
            raise Stop(path + (k,))
        if isinstance(v, dict):
            search(v, target, path + (k,))
try:
    search({"a": {"b": {"c": 1}}, "d": 2}, "c")
except Stop as s:
    print("found", s.value)
print(AppError.__doc__, issubclass(ConfigError, AppError), ConfigError.__mro__[1].__name__)

def validate(n):
    if n < 0:
        raise ConfigError("n", f"negative: {n}")
    return n
print(validate(3))
validate(-1)
