# Assigning an instance's __class__ is not supported: jitprof stops with
# an unsupported-feature error rather than storing a plain attribute and
# going on with the old class (which it once did, silently).
class A:
    pass


class B:
    pass


a = A()
print("before")
a.__class__ = B
print("this line must not run")
