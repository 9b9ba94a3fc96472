"""JSON (RFC 8259) text to Python values and back (jitprof's json).

dumps() and dump() write JSON text, loads() and load() read it; their
options are CPython's, and so is the text they write and the errors they
raise. The work is in json.encoder and json.decoder."""

__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

from json.decoder import JSONDecoder, JSONDecodeError
from json.encoder import JSONEncoder

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def _encoder(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
             indent, separators, default, sort_keys, kw):
    # The shared encoder when every option is its default.
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan,
               indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Write ``obj`` as JSON text to the file-like ``fp`` (its ``write``),
    with the options of dumps()."""
    encoder = _encoder(skipkeys, ensure_ascii, check_circular, allow_nan,
                       cls, indent, separators, default, sort_keys, kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """``obj`` as JSON text (a str).

    skipkeys: leave out dict keys that are not str, int, float, bool or
    None (else TypeError). ensure_ascii: escape every character outside
    ASCII. check_circular: raise ValueError for a container inside itself
    (else RecursionError). allow_nan: write NaN and the infinities as
    JavaScript does (else ValueError). indent: a number of spaces or a
    string to indent nested values with, on lines of their own.
    separators: the (item, key) separators, (', ', ': ') by default and
    (',', ': ') with indent. default: a function giving what to encode for
    any other value. sort_keys: write dicts sorted by key. cls: the
    JSONEncoder subclass to use, with any other keyword arguments."""
    return _encoder(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                    indent, separators, default, sort_keys, kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def detect_encoding(b):
    """The encoding of JSON text in bytes: UTF-8, -16 or -32, by its byte
    order mark or by where its first characters' zero bytes are."""
    bstartswith = b.startswith
    if bstartswith((b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')):
        return 'utf-32'
    if bstartswith((b'\xfe\xff', b'\xff\xfe')):
        return 'utf-16'
    if bstartswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The value of the JSON document read from the file-like ``fp`` (its
    ``read``), with the options of loads()."""
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """The value of the JSON document ``s`` (str, bytes or bytearray).

    object_hook: called with each object's dict, its result used instead.
    object_pairs_hook: the same with the object's (key, value) pairs in a
    list. parse_float, parse_int, parse_constant: called with the text of
    each float, int, and NaN or Infinity or -Infinity. cls: the
    JSONDecoder subclass to use, with any other keyword arguments (such as
    strict=False, which allows control characters in strings)."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        # (jitprof has no bytearray.)
        if not isinstance(s, bytes):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(detect_encoding(s), 'surrogatepass')

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
