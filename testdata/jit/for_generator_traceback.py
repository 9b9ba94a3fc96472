# An exception escaping a generator that a compiled `for` loop resumes
# (jit/for_generator.rs): the traceback names the loop's line and the
# generator's, as the interpreter's does.


def items(n, zero_at):
    for i in range(n):
        yield 100 // (zero_at - i)


def consume(n, zero_at):
    s = 0
    for x in items(n, zero_at):
        s += x
    return s


print(consume(600, 10**6))
print(consume(600, 599))
