print("this line runs: an import is resolved when it executes")
from broken_lib.stdlib_user import helper

print("not reached")
