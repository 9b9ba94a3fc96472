# A capture pattern that is not the last case makes the cases after it
# unreachable: a syntax error, as in CPython, before anything runs.
print("this line must not run")
match 1:
    case x:
        pass
    case 2:
        pass
