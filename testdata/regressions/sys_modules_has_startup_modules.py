# sys.modules holds sys, builtins and __main__ from the start, and every
# module once imported ('builtins' was missing).
import sys

print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
import math

print("math" in sys.modules, sys.modules["math"] is math)
print(sys.modules["__main__"].__name__, sys.modules["sys"] is sys)
import builtins

print(sys.modules["builtins"] is builtins, builtins.len("abcd"), builtins.__name__)
print(builtins.max is max, builtins.int is int)
import functools

print(sys.modules["functools"] is functools)
