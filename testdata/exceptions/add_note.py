# BaseException.add_note (3.11): __notes__ and notes printed after the message.
try:
    raise ValueError("base")
except ValueError as e:
    e.add_note("extra info")
    print(e.__notes__)
e = KeyError("k")
e.add_note("first")
e.add_note("second")
raise e
