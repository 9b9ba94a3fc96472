# RecursionError raised at the limit while compiled code calls compiled code
# directly, caught at different depths, then the program goes on calling.
import sys


def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n


def plain(n):
    return plain(n + 1) + 1


# Warm up so the functions are compiled before the limit is hit.
for lim in (60, 100, 250, 1000):
    sys.setrecursionlimit(lim)
    print("limit", lim, "reached", [probe(0) for _ in range(300)][-1])


def guarded(n, catch_at):
    # Only the frame at depth `catch_at` catches: the deeper ones unwind.
    if n == catch_at:
        try:
            return guarded(n + 1, catch_at)
        except RecursionError as e:
            return "caught at %d: %s" % (n, e)
    return guarded(n + 1, catch_at)


sys.setrecursionlimit(200)
for catch_at in (0, 50, 150):
    for _ in range(100):
        r = guarded(0, catch_at)
    print(r)

for _ in range(3):
    try:
        plain(0)
    except RecursionError as e:
        print("plain:", e)


# After the errors the same functions work at full depth.
def depth(n):
    return 0 if n == 0 else depth(n - 1) + 1


sys.setrecursionlimit(1000)
print("depth", [depth(990) for _ in range(5)][-1])
sys.setrecursionlimit(50)
try:
    depth(100)
except RecursionError:
    print("lowered limit respected")
sys.setrecursionlimit(1000)
print("depth again", depth(900))
