# Float arithmetic computed straight into the destination's XMM register in
# register-allocated loops: the destination equal to either operand or both,
# `x = y - x` (the destination is the right operand), division by a register
# that becomes zero (ZeroDivisionError caught inside the loop, the
# destination unchanged), and float constants kept in registers.


def shapes(n):
    x = 1.5
    y = 0.25
    z = 3.0
    for i in range(n):
        x = y - x
        y = y * y
        y = 0.5 + y * 0.25
        z = z / 1.5 + x
        x = x + x
        z = x * z - z
    return x, y, z


def zero_divisor(n):
    q = 10.0
    d = 3.0
    caught = 0
    for i in range(n):
        d = d - 1.0
        try:
            q = q / d
        except ZeroDivisionError:
            caught += 1
            d = 2.5
        q = q + 1.0
    return q, d, caught


def constants(n):
    t = 0.0
    u = 1.0
    for i in range(n):
        t = t + 0.5 * u - 0.25
        u = u * 0.999 + 0.001
    return t, u


def main():
    r = None
    for k in range(200):
        r = (shapes(10 + k % 4), zero_divisor(9), constants(30))
        if k % 67 == 0:
            print(k, r)
    print(r)


main()
