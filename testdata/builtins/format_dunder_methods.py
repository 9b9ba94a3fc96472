# __format__ as a method: int, float and str format their value (a subclass
# calling super().__format__(spec) from its own), object.__format__ takes
# only an empty spec, and the argument must be a str.
class Money(float):
    def __format__(self, spec):
        return "$" + super().__format__(spec)
class P:
    def __format__(self, spec):
        return "P" + object.__format__(self, "") if not spec else "P:" + spec
print(f"{Money(2.5):.2f}", format(Money(1), "08.3f"), f"{P()}"[:1], f"{P():x}")
print(int.__format__(255, "x"), (255).__format__("#x"), float.__format__(1.5, ".3f"), str.__format__("ab", ">5"), object.__format__(3, ""))
try:
    object.__format__(P(), "x")
except TypeError as e:
    print(e)
print((5).real, (5).imag, (5).numerator, (5).denominator, (2.5).real, (2.5).imag)
for f, a in [(int.__format__, (5, 1)), (object.__format__, (1,)), (object.__format__, (1, 2)), (float.__format__, (1.5, "q"))]:
    try:
        print(f(*a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bool.__format__(True, ""), bool.__format__(True, "d"), format(True, "^6"), str.__format__("x", ""), list.__format__([1], ""))
class S(str):
    def __format__(self, spec):
        return "<" + super().__format__(spec) + ">"
print(f"{S('hi'):>4}", format(S("a")))
