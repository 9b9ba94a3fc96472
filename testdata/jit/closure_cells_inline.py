# Closure cells read and written inline by compiled code (jit/gen_cells.rs):
# generator expressions reading the enclosing function's names at every
# item, nonlocal counters written in loops, cells of every type, and cells
# unbound (never assigned, or deleted), which raise NameError from the
# interpreter's path.


def gen_reads(n):
    pool = tuple(range(10))
    scale = 3
    out = 0
    for k in range(n):
        out += sum(pool[i] * scale for i in range(10))
        if k == n // 2:
            # The cells change under the generator expressions.
            pool = tuple(range(10, 20))
            scale = 0.5
    return out


print("gen_reads", gen_reads(300))


def counter(n):
    count = 0
    label = "c"

    def bump(by):
        nonlocal count, label
        count += by
        if count > 1000:
            label = None
        return count

    for i in range(n):
        bump(i % 4)
    return count, label


print("counter", counter(800))


def outer_writes(n):
    acc = 0
    seen = []

    def look():
        return acc, len(seen)

    last = None
    for i in range(n):
        acc = acc + i
        if i % 50 == 0:
            seen.append(i)
            acc = float(acc)
        last = look()
    return last


print("outer_writes", outer_writes(400))


def unbound_read(n):
    def read():
        return later

    got = 0
    for i in range(n):
        try:
            got += read()
        except NameError as e:
            if i == 0:
                print("NameError:", e)
        if i == n // 2:
            later = i
    return got


print("unbound_read", unbound_read(300))


def deleted(n):
    v = 1

    def read():
        return v

    total = 0
    for i in range(n):
        if i == n - 5:
            del v
        try:
            total += read()
        except NameError as e:
            total += 1000
    return total


print("deleted", deleted(300))


def own_cell_unbound(n):
    for i in range(n):
        if i == n - 1:
            try:
                print(x)
            except NameError as e:
                print("NameError:", e)

    def uses():
        return x

    return uses


own_cell_unbound(300)


def own_cell_read_early(n):
    out = 0
    for i in range(n):
        try:
            out += y
        except NameError as e:
            if i == 0:
                print("NameError:", e)
        if i == 10:
            y = 2

    def uses():
        return y

    return out + uses()


print("own_cell_read_early", own_cell_read_early(300))


def delete_twice():
    w = 1

    def uses():
        return w

    del w
    try:
        del w
    except NameError as e:
        print("NameError:", e)
    try:
        uses()
    except NameError as e:
        print("NameError:", e)


delete_twice()
