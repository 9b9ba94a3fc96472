def mean(values):
    assert len(values) > 0, "mean of empty list"
    assert all(isinstance(v, (int, float)) for v in values), f"non-numeric value in {values!r}"
    return sum(values) / len(values)

for data in [[1, 2, 3], [], [1, "2"], [2.5]]:
    try:
        print(data, "->", mean(data))
    except AssertionError as e:
        print(data, "-> AssertionError:", e, e.args)

try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("no message:", repr(str(e)), e.args)

x = 5
assert x == 5, "not reached"
assert x, x
try:
    assert x > 10, ("tuple", x)
except AssertionError as e:
    print("tuple message:", e, e.args)

# Invariant checks in a small queue implementation.
def make_queue(capacity):
    items = []
    def push(v):
        assert len(items) < capacity, f"queue full ({capacity})"
        items.append(v)
    def pop():
        assert items, "queue empty"
        return items.pop(0)
    return push, pop

push, pop = make_queue(2)
ops = [("push", 1), ("push", 2), ("push", 3), ("pop", None), ("pop", None), ("pop", None)]
for op, arg in ops:
    try:
        if op == "push":
            push(arg)
            print("pushed", arg)
        else:
            print("popped", pop())
    except AssertionError as e:
        print(op, "failed:", e)

checked = 0
for n in range(1, 50):
    assert (n * (n + 1)) // 2 == sum(range(n + 1))
    checked += 1
print("checked", checked, "triangular numbers")
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(type(e).__name__, e)
