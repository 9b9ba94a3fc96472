# slice.indices(length), and a sequence class that slices through it.
s=slice(1,None,2); print(s.indices(10), slice(None,None,-1).indices(5), slice(-3, 100).indices(7))
try: slice(1,2,0).indices(3)
except ValueError as e: print(e)
try: slice(1,2).indices(-1)
except ValueError as e: print(e)
class Seq:
    def __init__(s, n): s.n = n
    def __len__(s): return s.n
    def __getitem__(s, k):
        if isinstance(k, slice): return list(range(*k.indices(s.n)))
        return k
print(Seq(10)[2:8:3], Seq(5)[::-2])
