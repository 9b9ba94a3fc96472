# A class attribute added after an instance already held an attribute of
# that name: the instance attribute still wins. The class-attribute cache of
# a site that first saw an instance without it returned the class's value
# for every instance (`TypeObj::shadowed` was only set when an instance
# attribute was stored over an existing class attribute).
class C:
    pass


class D(C):
    pass


def get_k(o):
    return o.k


a, b = C(), C()
a.k = 1
C.k = 5
print([get_k(o) for o in [b, a, b, a]])

# The same through a subclass, the class attribute added on the base.
d1, d2 = D(), D()
d1.m = "instance"
C.m = "class"
print([get_k(o) for o in [b]], [o.m for o in [d2, d1, d2, d1]])

# In a hot loop.
e, f = C(), C()
e.n = 1
out = []
for i in range(600):
    if i == 300:
        C.n = 2
    if i >= 300:
        out.append(f.n + e.n * 10)
print(sum(out), out[:3])

# A name built at run time (not the interned one the class attribute uses).
def get_qq(o):
    return o.qq


g, h = C(), C()
setattr(g, "".join(["q", "q"]), "instance")
C.qq = "class"
print([get_qq(o) for o in [h, g, h, g]])
