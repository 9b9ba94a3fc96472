print("this line must not run: the whole file is rejected first")


def f():
    from math import *
    return pi
