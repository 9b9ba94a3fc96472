# Regression: CPython folds constant expressions at compile time (ast_opt.c),
# so a set display of folded constants is built from a frozenset constant and
# iterates in that constant's order. Folding uses CPython's size limits and
# never folds an operation that raises.
print({10**20, 2**61, 2**64+3})
print({-1, -2, 2**61 - 1, 2**61, 0})
print((1, -2.5, "a" * 3, 2**100, not 0), -9223372036854775808, 2**-1, 7 // 2, -7 % 3)
print(2 ** 200, 1 << 127, 1 << 129, len("ab" * 2000), ~5, +True, -0.0, 0.1 + 0.2)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("caught", e)
print("%s-%d" % ("x", 3), "=" * 10)
