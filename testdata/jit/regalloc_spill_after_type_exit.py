# A register-allocated `for` loop over a tuple (an iterator compiled code
# does not advance inline): the path that hands it to the general template
# must store the loop's register values first. It used to take them as
# already stored because an earlier exit path on the same instruction (an
# int item for a float loop variable) had stored them, and the sum lost every
# update made in registers.


def scaled_sum(xs):
    total = 0.0
    for x in xs:
        y = x * 2.0
        z = y * y + y - 0.5
        total += -z / 3.0
    return total


def counted(xs):
    n = 0
    acc = 1.5
    for x in xs:
        acc = acc * 0.5 + x
        n += 1
    return n, acc


def main():
    floats = [i * 0.125 for i in range(500)]
    print(scaled_sum(tuple(floats)))
    print(scaled_sum(iter(floats)))
    print(scaled_sum(floats))
    print(scaled_sum(f for f in floats[:50]))
    for k in range(5):
        print(counted(tuple(floats[: 100 + k])), counted(floats[k:]), counted(range(k, 300)))


main()
