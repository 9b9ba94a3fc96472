# Closures capture variables, not values: all these see the final i.
funcs = []
for i in range(4):
    funcs.append(lambda: i)
print([f() for f in funcs])

# Binding the current value with a default argument.
funcs = []
for i in range(4):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])

# Comprehension variables are per-comprehension, but still late-bound.
adders = [lambda x: x + n for n in range(3)]
print([add(10) for add in adders])
adders = [(lambda n: lambda x: x + n)(n) for n in range(3)]
print([add(10) for add in adders])

# A factory function creates a fresh scope per call.
def make_adder(n):
    return lambda x: x + n
adders = [make_adder(n) for n in range(3)]
print([add(10) for add in adders])

# Reassigning the captured variable after creating the closure.
def outer():
    value = "before"
    def show():
        return value
    value = "after"
    return show
print(outer()())

def make_all():
    results = []
    for name in ["a", "b", "c"]:
        def greet():
            return "hello " + name
        results.append(greet)
    name = "z"
    return results
print([g() for g in make_all()])

# Rebinding a global after a closure is made is also visible.
greeting = "hi"
def speak():
    return greeting + "!"
print(speak())
greeting = "bye"
print(speak())

# Capturing a mutable object: mutation is visible, rebinding elsewhere is not.
def snapshot_demo():
    items = [1]
    get = lambda: list(items)
    items.append(2)
    keep = items
    items = ["new"]
    return get(), keep
print(snapshot_demo())
