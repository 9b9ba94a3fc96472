"""JSON encoding (jitprof's json.encoder): JSONEncoder.

As in CPython, a whole document without indent (JSONEncoder.encode, and so
json.dumps) is encoded by the built-in _json, and anything else here, with
strings quoted by _json. The two word one error differently (an infinite
float with allow_nan=False), as CPython's C and Python encoders do."""

import _json

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii

INFINITY = float('inf')


class JSONEncoder(object):
    """Encodes Python values as JSON text: dicts as objects, lists and
    tuples as arrays, str as strings, int and float as numbers, True,
    False and None as true, false and null. Anything else goes through
    default(), which a subclass (or the default= argument) replaces to
    return something that can be encoded, or raises TypeError."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """What to encode in place of ``o``, which is not one of the types
        JSON has; this one raises TypeError."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """The JSON text of ``o``."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """The JSON text of ``o`` in pieces, as an iterator (made as it is
        read, so errors come from reading it)."""
        if _one_shot and self.indent is None:
            options = (self.check_circular, self.default, self.ensure_ascii,
                       self.allow_nan, self.key_separator,
                       self.item_separator, self.sort_keys, self.skipkeys)
            return [_json.encode(o, options)]
        if _one_shot:
            out = []
            _make_writer(self)(o, out, 0)
            return out
        return self._iterencode(o)

    def _iterencode(self, o):
        out = []
        _make_writer(self)(o, out, 0)
        yield from out


def _make_writer(encoder):
    """A function that appends the JSON text of a value to a list, with the
    encoder's options."""
    markers = {} if encoder.check_circular else None
    if encoder.ensure_ascii:
        quote = encode_basestring_ascii
    else:
        quote = encode_basestring
    allow_nan = encoder.allow_nan
    default = encoder.default
    indent = encoder.indent
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    item_separator = encoder.item_separator
    key_separator = encoder.key_separator
    sort_keys = encoder.sort_keys
    skipkeys = encoder.skipkeys
    float_repr = float.__repr__
    int_repr = int.__repr__

    def floatstr(o):
        # NaN is the one float unequal to itself.
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(o)
        if not allow_nan:
            raise ValueError(
                "Out of range float values are not JSON compliant: " +
                repr(o))
        return text

    def enter(o):
        if markers is None:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def start(o, opening, out, level):
        # Open container o: its marker, its bracket, the separator of its
        # items, and the level inside it.
        marker = enter(o)
        out.append(opening)
        if indent is None:
            return marker, item_separator, level
        level += 1
        newline = '\n' + indent * level
        out.append(newline)
        return marker, item_separator + newline, level

    def end(marker, closing, out, level):
        if indent is not None:
            out.append('\n' + indent * (level - 1))
        out.append(closing)
        if marker is not None:
            del markers[marker]

    def array(items, out, level):
        if not items:
            out.append('[]')
            return
        marker, separator, level = start(items, '[', out, level)
        first = True
        for item in items:
            if first:
                first = False
            else:
                out.append(separator)
            value(item, out, level)
        end(marker, ']', out, level)

    def obj(dct, out, level):
        if not dct:
            out.append('{}')
            return
        marker, separator, level = start(dct, '{', out, level)
        items = sorted(dct.items()) if sort_keys else dct.items()
        first = True
        for key, item in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = floatstr(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int_repr(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                out.append(separator)
            out.append(quote(key))
            out.append(key_separator)
            value(item, out, level)
        end(marker, '}', out, level)

    def value(o, out, level):
        if isinstance(o, str):
            out.append(quote(o))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int_repr(o))
        elif isinstance(o, float):
            out.append(floatstr(o))
        elif isinstance(o, (list, tuple)):
            array(o, out, level)
        elif isinstance(o, dict):
            obj(o, out, level)
        else:
            marker = enter(o)
            value(default(o), out, level)
            if marker is not None:
                del markers[marker]

    return value
