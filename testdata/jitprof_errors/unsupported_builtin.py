# A CPython built-in that jitprof lacks stops the run at its use, naming it;
# it is not a NameError the program could catch and go on from.
print("runs until the built-in is reached")
def grow(data):
    buf = bytearray(data)
    return buf
try:
    grow(b"abc")
except NameError:
    print("not caught: an unsupported built-in stops the run")
finally:
    print("not run either")
