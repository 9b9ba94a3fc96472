print("this line runs: an import is resolved when it executes")
try:
    import sqlite3
except ImportError:
    print("not caught: an unsupported module stops the run")
finally:
    print("not run either")
