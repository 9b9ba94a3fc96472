# Generator methods: send, throw (caught and uncaught), close running finally, return values.
def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("caught", e)
            x = 100
        total += x

g = acc()
print(next(g), g.send(5), g.send(10), g.throw(ValueError("bad")))
g.close()
try:
    g.send(1)
except StopIteration:
    print("stopped")

def fin():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
h = fin()
print(next(h))
h.close()
print("closed")

def ret():
    yield 1
    return "done"
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("return value", e.value)
try:
    r.throw(KeyError("k"))
except KeyError as e:
    print("after finish:", repr(e))
