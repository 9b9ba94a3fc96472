"""JSON decoding (jitprof's json.decoder): JSONDecoder and JSONDecodeError.

As in CPython, the options are Python and the scanning is done by the
built-in _json, whose messages and positions are those of CPython's C
scanner."""

import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """A JSON document that does not parse: the message without its
    position (msg), the document (doc), and where in it (pos, and as
    lineno and colno, from 1)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}


def scanstring(s, end, strict=True):
    """The JSON string whose text starts at s[end] (after its opening
    quote), decoded, and the index after its closing quote."""
    return _json.scanstring(s, end, strict, JSONDecodeError)


def _make_scanner(context):
    # The options are read once, as CPython's C scanner reads them; float
    # and int are passed as None: the scanner makes those itself.
    options = (
        context.strict,
        context.object_hook,
        context.object_pairs_hook,
        None if context.parse_float is float else context.parse_float,
        None if context.parse_int is int else context.parse_int,
        context.parse_constant,
        JSONDecodeError,
    )
    scan = _json.scan_once

    def scan_once(string, idx):
        return scan(string, idx, options)
    return scan_once


class JSONDecoder(object):
    """Decodes JSON text: objects to dicts, arrays to lists, strings to
    str, numbers to int or float, true, false and null to True, False and
    None; also NaN, Infinity and -Infinity (outside the JSON standard) to
    floats. The hooks given to the constructor replace any of these."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = _make_scanner(self)

    def decode(self, s, _w=None):
        """The value of the JSON document that is all of ``s`` (but
        whitespace around it)."""
        obj, end = self.raw_decode(s, idx=_json.skip_whitespace(s, 0))
        end = _json.skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """The value of the JSON document at ``s[idx]``, and the index
        where it ends; what follows it is left alone."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
