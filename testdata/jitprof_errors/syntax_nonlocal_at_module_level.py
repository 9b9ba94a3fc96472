print("this line must not run: the whole file is rejected first")
def bump():
    return 1
nonlocal counter
