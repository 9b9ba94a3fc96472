# Named locals copied from unpacked items (nbody's `for ([x1, y1], m) in
# pairs`) live in registers typed by their uses; the copy checks each item's
# type and leaves compiled code when one is an int, a bool, None or a string.


def energy(pairs):
    e = 0.0
    for ([x1, y1], m1), ([x2, y2], m2) in pairs:
        dx = x1 - x2
        dy = y1 - y2
        e += m1 * m2 * (dx * dx + dy * dy)
    return e


def describe(pairs):
    try:
        return energy(pairs)
    except TypeError as exc:
        return "TypeError: " + str(exc)


def main():
    good = [(([1.0, 2.0], 0.5), ([3.5, -1.0], 2.0)), (([0.25, 0.75], 1.5), ([2.0, 2.0], 0.125))]
    ints = [(([1, 2], 3), ([4, 5], 6))] + good
    mixed = good + [(([True, 2.0], 1.0), ([0.5, False], 2))]
    bad = good + [(([None, 2.0], 1.0), ([0.5, 1.0], 2.0))]
    text = good + [((["a", 2.0], 1.0), (["b", 1.0], 2.0))]
    r = None
    # Floats only first (compiled with float feedback), then the others.
    for k in range(60):
        r = describe(good * 5)
    print(r)
    for k in range(150):
        r = (describe(good * 5), describe(ints), describe(mixed), describe(bad), describe(text))
        if k % 73 == 0:
            print(k, r)
    print(r)


main()
