# IntFlag keeps bits that are no member's (CPython's KEEP boundary) and combines
# with ints; a Flag or IntFlag value of no member has the repr <F: 0>.
import enum
class F(enum.IntFlag):
    A = 1
    B = 2
print(repr(F.A|8), repr(F(9)), repr(8|F.A), repr(F.A & 3), repr(F.A ^ 1), type(F.A + 1), repr(~F.A), repr(F(8)), F.A|F.B, F.A in (F.A|F.B))
class G(enum.Flag):
    X = 1
    Y = 2
print(repr(G.X|G.Y), repr(G.X & G.Y), repr(~G.X))
