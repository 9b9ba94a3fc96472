# A class statement whose base is not a class calls the base's type as the
# metaclass, as CPython does (the error message used to differ).
try:
    class A(5):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class B(object, 5):
        pass
except TypeError as e:
    print("TypeError:", e)


class Meta:
    def __init__(self, *args):
        if args:
            print("Meta.__init__ got", args[0], args[1][0] is m, sorted(k for k in args[2] if not k.startswith("__")))


m = Meta()


class C(m):
    y = 1

    def f(self):
        pass


print(type(C).__name__)

try:
    class D(None):
        pass
except TypeError as e:
    print("TypeError:", e)
