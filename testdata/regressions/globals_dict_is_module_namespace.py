# The dict globals() returns is the module's namespace: writes and deletes
# through it are seen by the module's code, and the code's stores show in it
# (rebinding an existing global through the dict used to be ignored).
x = 1


def read_x():
    return x


g = globals()
g["x"] = 5
print(x, read_x())
g["fresh"] = 7
print(fresh)
x = 9
print(g["x"], g is globals())
del g["fresh"]
try:
    print(fresh)
except NameError as e:
    print("NameError:", e)


def set_global(name, value):
    globals()[name] = value


set_global("x", 11)
print(x, read_x())
globals().update(x=12, other=13)
print(x, other)
print(globals().pop("other"), "other" in globals())
print(globals().setdefault("x", 0), globals().setdefault("newer", 14), newer)


def rebind():
    global x
    x = 20


rebind()
print(g["x"])
del x
print("x" in g)
try:
    read_x()
except NameError as e:
    print("NameError:", e)
g["x"] = 30
print(read_x())

# Shadowing and un-shadowing a builtin through the dict.
g["len"] = lambda s: -1
print(len("abc"))
del g["len"]
print(len("abc"))

# Module-level loop stores stay visible.
total = 0
for i in range(5):
    total += i
    print(g["total"], end=" ")
print()
print(sorted(k for k in g if not k.startswith("__")))
