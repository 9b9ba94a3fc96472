def outer():
    x = "outer"
    log = []
    def middle():
        nonlocal x
        x = "middle"
        y = 1
        def inner():
            nonlocal x, y
            x = "inner"
            y += 10
            log.append((x, y))
        inner()
        inner()
        log.append(("middle sees y", y))
        return y
    result = middle()
    return x, result, log

print(outer())

# nonlocal refers to the nearest enclosing function scope that binds the name.
def a():
    v = "a"
    def b():
        v = "b"
        def c():
            nonlocal v
            v = v + "+c"
            return v
        r = c()
        return r, v
    inner_result = b()
    return inner_result, v
print(a())

# Three levels of counters sharing state.
def level1():
    total = 0
    def level2(k):
        def level3(step):
            nonlocal total
            total += step
            return total
        for _ in range(k):
            level3(k)
        return total
    level2(2)
    level2(3)
    return total
print(level1())

# A closure capturing a parameter and a loop-assigned local.
def builder(base):
    parts = []
    def add(word):
        nonlocal base
        base = base + 1
        parts.append(f"{base}:{word}")
        return len(parts)
    def get():
        return " ".join(parts)
    return add, get

add, get = builder(10)
for w in "red green blue".split():
    add(w)
print(get())

# Global vs nonlocal in the same nest.
flag = "global"
def g1():
    flag = "g1"
    def g2():
        global flag
        flag = "set by g2"
    g2()
    return flag
print(g1(), flag)
