"""Regular expressions (jitprof's re): CPython 3.11's API, patterns and
matches, over the built-in engine _re, which parses patterns with re.error's
messages and matches what CPython's sre matches.

Patterns are str (bytes patterns are not supported yet)."""

import enum
import _re

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807

# The flags in the order a flag's repr names them.
_FLAG_ORDER = (
    ('ASCII', 256), ('IGNORECASE', 2), ('LOCALE', 4), ('UNICODE', 32),
    ('MULTILINE', 8), ('DOTALL', 16), ('VERBOSE', 64), ('TEMPLATE', 1),
    ('DEBUG', 128),
)


def _flag_names(value, order):
    # 're.A|re.B', in the order given, and any other bits in hex.
    names = []
    for name, bit in order:
        if value & bit:
            names.append('re.' + name)
            value &= ~bit
    if value:
        names.append(hex(value))
    return '|'.join(names)


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    def __repr__(self):
        value = int(self)
        if value == 0:
            return 're.NOFLAG'
        return _flag_names(value, _FLAG_ORDER)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
TEMPLATE = T = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """A pattern (or a replacement template) that does not parse: the
    message without its position (msg), the pattern, and where in it (pos,
    and as lineno and colno, from 1), when known."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            self.lineno = pattern.count('\n', 0, pos) + 1
            self.colno = pos - pattern.rfind('\n', 0, pos)
            if '\n' in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


# The order in which a pattern's repr names its flags (sre's).
_PATTERN_FLAG_ORDER = (
    ('TEMPLATE', 1), ('IGNORECASE', 2), ('LOCALE', 4), ('MULTILINE', 8),
    ('DOTALL', 16), ('UNICODE', 32), ('VERBOSE', 64), ('DEBUG', 128),
    ('ASCII', 256),
)


def _subject(string):
    if isinstance(string, str):
        return string
    if isinstance(string, bytes):
        raise TypeError("cannot use a string pattern on a bytes-like object")
    raise TypeError("expected string or bytes-like object, got '%s'"
                    % type(string).__name__)


class Pattern:
    """A compiled regular expression (made by re.compile)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Pattern' instances")

    def _find(self, string, pos, endpos, mode, must_advance=False):
        return _re.search(self.pattern, self._given, string, pos, endpos,
                          mode, must_advance)

    def _match(self, string, pos, endpos, mode):
        string = _subject(string)
        spans = self._find(string, pos, endpos, mode)
        if spans is None:
            return None
        return _new_match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        """A match at ``pos`` (the start), or None."""
        return self._match(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        """A match of all of ``string[pos:endpos]``, or None."""
        return self._match(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        """The first match anywhere in ``string[pos:endpos]``, or None."""
        return self._match(string, pos, endpos, 0)

    def _spans(self, string, pos, endpos, limit=0):
        # Every match's spans, left to right, from _re in batches: each
        # search starts where the last match ended; a match may be empty,
        # but not at the end of an empty one (sre's must_advance).
        string = _subject(string)
        n = len(string)
        pos = min(max(pos, 0), n)
        endpos = min(max(endpos, 0), n)
        if limit < 0:
            return
        must_advance = False
        batch = 16
        while pos <= endpos:
            if limit:
                batch = min(batch, limit)
            found = _re.spans(self.pattern, self._given, string, pos,
                              must_advance, endpos, batch)
            yield from found
            if len(found) < batch:
                return
            if limit:
                limit -= len(found)
                if not limit:
                    return
            last = found[-1]
            must_advance = last[1] == last[0]
            pos = last[1]
            batch = min(batch * 4, 1024)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        """Every match's text (or its group's, or a tuple of its groups'
        when the pattern has more than one), left to right."""
        string = _subject(string)
        n = len(string)
        return _re.findall(self.pattern, self._given, string,
                           min(max(pos, 0), n), min(max(endpos, 0), n))

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        """An iterator of every match, left to right."""
        string = _subject(string)
        n = len(string)
        endpos = min(max(endpos, 0), n)
        for spans in self._spans(string, pos, endpos):
            yield _new_match(self, string, pos, endpos, spans)

    def split(self, string, maxsplit=0):
        """``string`` cut at each match (at most ``maxsplit``), with the
        pattern's groups between the pieces."""
        string = _subject(string)
        if maxsplit < 0:
            return [string]
        return _re.split(self.pattern, self._given, string, maxsplit)

    def subn(self, repl, string, count=0):
        """``sub`` and the number of replacements made."""
        string = _subject(string)
        if not callable(repl):
            template = _template(self, repl)
            if count < 0:
                return string, 0
            return _re.sub(self.pattern, self._given, string, template, count)
        pieces = []
        last = 0
        n = 0
        for spans in self._spans(string, 0, _MAXSIZE, count):
            pieces.append(string[last:spans[0]])
            item = repl(_new_match(self, string, 0, len(string), spans))
            if item is not None:
                pieces.append(item)
            last = spans[1]
            n += 1
        pieces.append(string[last:])
        return ''.join(pieces), n

    def sub(self, repl, string, count=0):
        """``string`` with each match (at most ``count``) replaced by
        ``repl``: a template (``\\1``, ``\\g<name>``, escapes) or a
        function of the match."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        raise NotImplementedError("jitprof's re has no Pattern.scanner")

    def __repr__(self):
        flags = self.flags
        # A str pattern's UNICODE flag goes without saying.
        flags &= ~32
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if not flags:
            return 're.compile(%s)' % text
        return 're.compile(%s, %s)' % (text, _flag_names(flags, _PATTERN_FLAG_ORDER))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _text(string, spans, g, default):
    start = spans[2 * g]
    if start < 0:
        return default
    return string[start:spans[2 * g + 1]]


class Match:
    """A match of a pattern (made by the pattern's methods)."""

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 're.Match' instances")

    def _index(self, g):
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return g
        elif isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def group(self, *groups):
        """The text of group 0 (the whole match) or of the groups given
        (None for one that matched nothing); a tuple for several."""
        if not groups:
            return _text(self.string, self._spans, 0, None)
        if len(groups) == 1:
            return _text(self.string, self._spans, self._index(groups[0]), None)
        return tuple([_text(self.string, self._spans, self._index(g), None)
                      for g in groups])

    def __getitem__(self, g):
        return _text(self.string, self._spans, self._index(g), None)

    def groups(self, default=None):
        """Every group's text, ``default`` for those that matched nothing."""
        return tuple([_text(self.string, self._spans, g, default)
                      for g in range(1, self.re.groups + 1)])

    def groupdict(self, default=None):
        """The named groups' texts by name."""
        return {name: _text(self.string, self._spans, g, default)
                for name, g in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        g = self._index(group)
        return (self._spans[2 * g], self._spans[2 * g + 1])

    @property
    def regs(self):
        return tuple([(self._spans[2 * g], self._spans[2 * g + 1])
                      for g in range(self.re.groups + 1)])

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        for name, g in self.re.groupindex.items():
            if g == self.lastindex:
                return name
        return None

    def expand(self, template):
        """``template`` with the match's groups put in, as ``sub`` does."""
        return _expand(self, _template(self.re, template))

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (
            self._spans[0], self._spans[1], self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _new_pattern(pattern, flags):
    if isinstance(pattern, bytes):
        # Stops the run: jitprof does not match bytes yet (_re says so).
        _re.compile(pattern, flags, error)
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    if flags & LOCALE:
        raise ValueError("cannot use LOCALE flag with a str pattern")
    if flags & ASCII and flags & UNICODE:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    groups, names, all_flags = _re.compile(pattern, flags, error)
    if all_flags & ASCII and all_flags & UNICODE:
        raise ValueError("ASCII and UNICODE flags are incompatible")
    if not all_flags & 256:
        # A str pattern is UNICODE unless ASCII (an int, as CPython's).
        all_flags |= 32
    p = object.__new__(Pattern)
    p.pattern = pattern
    p.flags = all_flags
    p.groups = groups
    p.groupindex = dict(names)
    p._given = flags
    return p


def _new_match(pattern, string, pos, endpos, spans):
    m = object.__new__(Match)
    m.re = pattern
    m.string = string
    n = len(string)
    m.pos = min(max(pos, 0), n)
    m.endpos = min(max(endpos, 0), n)
    m._spans = spans
    m.lastindex = spans[-1] or None
    return m


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = _new_pattern(pattern, int(flags))
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    """The pattern compiled, for matching."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """A match at the start of ``string``, or None."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """A match of all of ``string``, or None."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """The first match anywhere in ``string``, or None."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """``string`` with the matches replaced by ``repl``."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """``sub`` and the number of replacements made."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """``string`` cut at the matches."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Every match's text (or groups), left to right."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """An iterator of every match, left to right."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Empty the cache of compiled patterns."""
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    """``pattern`` with every character that is special in a pattern
    escaped."""
    if isinstance(pattern, str):
        return ''.join(['\\' + c if c in _SPECIAL else c for c in pattern])
    raise TypeError("jitprof's re.escape takes str")


# Replacement templates: a list of texts and group numbers.

_ESCAPES = {
    'a': '\a', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
    'v': '\v', '\\': '\\',
}


def _template(pattern, repl):
    if not isinstance(repl, str):
        raise TypeError("expected str instance, %s found" % type(repl).__name__)
    parts = []
    literal = []
    i = 0
    n = len(repl)
    groups = pattern.groups
    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", repl, start)
        c = repl[i]
        i += 1
        if c == 'g':
            if i >= n or repl[i] != '<':
                raise error("missing <", repl, i)
            i += 1
            close = repl.find('>', i)
            if close < 0:
                if i >= n:
                    raise error("missing group name", repl, i)
                raise error("missing >, unterminated name", repl, i)
            name = repl[i:close]
            if not name:
                raise error("missing group name", repl, i)
            if name.isdecimal() and name.isascii():
                index = int(name)
                if index > groups:
                    raise error("invalid group reference %d" % index, repl, i)
            elif name.isidentifier():
                index = pattern.groupindex.get(name)
                if index is None:
                    raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, repl, i)
            i = close + 1
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
        elif c == '0':
            # An octal escape of up to three digits.
            value = 0
            j = i
            while j < n and j < i + 2 and repl[j] in '01234567':
                value = value * 8 + int(repl[j])
                j += 1
            i = j
            literal.append(chr(value))
        elif c in '123456789':
            # A group reference, or three octal digits.
            if (i + 1 < n and c in '01234567' and repl[i] in '01234567'
                    and repl[i + 1] in '01234567'):
                value = int(repl[i - 1:i + 2], 8)
                if value > 0o377:
                    raise error("octal escape value \\%s outside of range 0-0o377"
                                % repl[i - 1:i + 2], repl, start)
                literal.append(chr(value))
                i += 2
                continue
            index = int(c)
            if i < n and repl[i] in '0123456789':
                index = index * 10 + int(repl[i])
                i += 1
            if index > groups:
                raise error("invalid group reference %d" % index, repl, start + 1)
            parts.append(''.join(literal))
            literal = []
            parts.append(index)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, repl, start)
        else:
            literal.append('\\' + c)
    parts.append(''.join(literal))
    return parts


def _expand(m, template):
    out = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
        else:
            text = m.group(part)
            if text is not None:
                out.append(text)
    return ''.join(out)
