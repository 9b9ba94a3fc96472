# Lists, tuples, f-strings and formatted values built by compiled code's lean
# helper (BuildList, BuildTuple, BuildString, FormatValue) instead of stepping
# the interpreter: format specs, conversions, big ints, instances with
# __format__/__str__/__repr__, and format errors raised inside a loop.
class C:
    def __format__(self, spec):
        return "C<" + spec + ">"
    def __str__(self):
        return "Cstr"
    def __repr__(self):
        return "Crepr"
out = []
for i in range(30):
    x = i * 1.5
    out.append(f"{i}-{x:.2f}-{i:>4}-{C()}-{C()!r}-{'s'}-{-i}-{2**70}")
    t = (i, x, "a")
    l = [i, t, [x]]
    out.append(str(l) + str((i,)) + str([]))
try:
    f"{1:zz}"
except ValueError as e:
    out.append(str(e))
try:
    for i in range(3):
        s = f"{i:{'bad spec'}}"
except ValueError as e:
    out.append(str(e))
print("\n".join(out))
