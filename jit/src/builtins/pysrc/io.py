# The io module as jitprof provides it: io.StringIO, an in-memory text
# file (what programs print into to build a report: hexiom's print_pos,
# doctest-style output capture). Written in Python like CPython's _pyio
# version; the text is kept as a list of appended pieces, joined when read,
# so that many small writes (print(..., file=buf)) stay linear.

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(
                "initial_value must be str or None, not %s" % type(initial_value).__name__
            )
        self._chunks = [initial_value] if initial_value else []
        self._len = len(initial_value)
        self._pos = 0
        self._closed = False

    def _check(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _value(self):
        if len(self._chunks) > 1:
            self._chunks = ["".join(self._chunks)]
        return self._chunks[0] if self._chunks else ""

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        if n == 0:
            return 0
        if self._pos == self._len:
            self._chunks.append(s)
            self._len += n
        else:
            v = self._value()
            if self._pos > self._len:
                v = v + "\0" * (self._pos - self._len)
            v = v[: self._pos] + s + v[self._pos + n :]
            self._chunks = [v]
            self._len = len(v)
        self._pos += n
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        self._check()
        return self._value()

    def read(self, size=-1):
        self._check()
        v = self._value()
        if size is None or size < 0:
            r = v[self._pos :]
        else:
            r = v[self._pos : self._pos + size]
        self._pos += len(r)
        return r

    def readline(self, size=-1):
        self._check()
        v = self._value()
        end = v.find("\n", self._pos)
        end = len(v) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        r = v[self._pos : end]
        self._pos += len(r)
        return r

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = self._len
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._len:
            self._chunks = [self._value()[:size]]
            self._len = size
        return size

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()
