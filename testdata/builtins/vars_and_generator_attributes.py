# vars(obj) and the generator attributes programs ask for (gi_running, __name__).
def g():
    yield g_obj.gi_running
g_obj = g()
print(g_obj.gi_running, list(g_obj), g_obj.gi_running, g_obj.__name__)
class A:
    k = 1
    def __init__(self):
        self.a = 1
o = A()
v = vars(o)
print(v, sorted(k for k in vars(A) if not k.startswith("__")))
v["b"] = 2
print(o.b)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
