# gc (collect, enable, disable, isenabled) as harnesses use it, and sys.intern.
import gc, sys
print(gc.isenabled())
gc.disable()
print(gc.isenabled(), gc.collect() >= 0)
gc.enable()
print(gc.isenabled())
s = sys.intern("".join(["ab", "c"]))
print(s is sys.intern("abc"), s)
try:
    gc.collect(5)
except ValueError as e:
    print(e)
