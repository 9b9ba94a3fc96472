# A mapping pattern naming the same literal key twice is a syntax error, as
# in CPython.
print("this line must not run")
match {}:
    case {"k": 1, "k": 2}:
        pass
