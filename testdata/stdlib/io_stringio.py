# io.StringIO: print(file=...) into it, read back, seek, truncate, iterate,
# and the errors of a closed buffer or a non-str write.
import io

out = io.StringIO()
for y in range(3):
    print(" " * (2 - y), end="", file=out)
    for x in range(3 + y):
        print("%s " % ((x + y) % 7), end="", file=out)
    print(end="\n", file=out)
text = out.getvalue()
print(repr(text))
print(out.tell(), len(text))

buf = io.StringIO("line one\nline two\nlast")
print(buf.tell(), repr(buf.read(4)), repr(buf.readline()), buf.tell())
print([l for l in buf])
buf.seek(0)
print(buf.readlines())
buf.seek(5)
print(buf.write("ONE"), repr(buf.getvalue()))
print(buf.truncate(8), repr(buf.getvalue()), buf.tell())
buf.seek(0, io.SEEK_END)
buf.write("!")
print(repr(buf.getvalue()))
buf.seek(12)
buf.write("x")
print(repr(buf.getvalue()))

with io.StringIO() as s:
    s.writelines(["a", "b", "c"])
    print(s.getvalue(), s.closed, s.readable(), s.writable(), s.seekable())
print(s.closed)
for bad in (lambda: s.getvalue(), lambda: s.write("x"), lambda: io.StringIO().write(5),
            lambda: io.StringIO(3), lambda: io.StringIO().seek(-1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Log(io.StringIO):
    def write(self, s):
        return super().write(s.upper())


log = Log()
print("quiet", file=log)
print(repr(log.getvalue()))
print(io.StringIO("abc").read(None), io.StringIO("abc").read(-1), repr(io.StringIO().read()))
