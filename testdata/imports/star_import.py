from stars_lib.with_all import *
from stars_lib.without_all import *
from stars_lib import *

data = [4, 1, 7, 3, 9, 2]
print(mean(data), median(data), median(data[:5]))
print(_scale([1, 2, 3], 10))
print(GREETING, shout("hey"), shout("ok"), count)
print(helper(), with_all.PRECISION)


probes = [
    ("mean", lambda: mean),
    ("not_exported", lambda: not_exported),
    ("PRECISION", lambda: PRECISION),
    ("_secret", lambda: _secret),
    ("_whisper", lambda: _whisper),
    ("_tu", lambda: _tu),
    ("without_all", lambda: without_all),
]
for name, get in probes:
    try:
        get()
        print(name, "bound")
    except NameError as e:
        print(name, "NameError:", e)

# A later assignment rebinds the star-imported global as usual.
GREETING = "hello"
print(GREETING)


def uses_globals():
    return mean([1, 2]), GREETING, count


print(uses_globals())
