# Regression guard for the merge of two JIT changes: enumerate fused with its
# unpack writes the loop variables to the frame while the loop's int and float
# locals live in registers; the loop must reload them at the instruction after
# the unpack (nested loops, a counter and an accumulator in registers).
def f(xs):
    total = 0
    acc = 0.0
    for j, x in enumerate(xs):
        total += j * 3
        acc += x * 1.5
        if j == 7:
            total -= 1
    return total, acc

def g(xs):
    t = 0
    for i in range(len(xs)):
        for k, v in enumerate(xs):
            t += k + i
            t ^= v
    return t

data = [float(i) for i in range(50)]
for _ in range(3):
    print(f(data), f((1.0, 2.0, 3.0)), g(list(range(20))))
