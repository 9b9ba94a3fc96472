# Subscripts by constant indices, compiled with the item at a constant
# offset: the bounds check against the length at every size, including empty
# lists and tuples, an index at the length, large constants, stores, and
# negative constants (still normalised from the end).


def loads(seq):
    out = []
    for probe in range(4):
        try:
            if probe == 0:
                out.append(seq[0])
            elif probe == 1:
                out.append(seq[2])
            elif probe == 2:
                out.append(seq[-1])
            else:
                out.append(seq[100000])
        except IndexError as e:
            out.append(str(e))
    return out


def stores(xs):
    done = []
    for probe in range(3):
        try:
            if probe == 0:
                xs[0] = 1.5
            elif probe == 1:
                xs[3] = 2
            else:
                xs[-2] = None
            done.append(probe)
        except IndexError as e:
            done.append(str(e))
    return done, xs


def main():
    r = None
    for k in range(120):
        r = (loads([]), loads([7]), loads([1, 2, 3]), loads((4, 5)), loads((4, 5, 6, 7)),
             loads(list(range(100001))), stores([]), stores([0]), stores([0, 1, 2, 3]))
        if k % 59 == 0:
            print(k, r)
    print(r)


main()
