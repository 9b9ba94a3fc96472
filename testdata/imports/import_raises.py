# An exception raised while an imported module runs propagates to the
# importer, with traceback entries in both files.
print("main: before import")


def load():
    import boom_lib.config
    return boom_lib.config


try:
    load()
except ValueError as e:
    print("caught:", e)

# A module whose code raised is not kept: importing it again runs it again.
import boom_lib.config
print("not reached")
