print("this line runs: an imported file is compiled when it is imported")


def load():
    try:
        import broken_lib.bad_syntax
    except SyntaxError:
        print("CPython catches it here; jitprof stops the run")


load()
