# Metaclasses are not supported: the run stops at the class statement.
import abc
print("before")
class Shape(metaclass=abc.ABCMeta):
    pass
