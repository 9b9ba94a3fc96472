print("this line must not run: the whole file is rejected first")
def show(*args, sep=" "):
    return sep.join(args)

show(sep="-", "a")
