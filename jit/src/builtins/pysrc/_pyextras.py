"""Parts of functools, collections, heapq and string that jitprof writes in
Python; the modules themselves are Rust (`mod_functools.rs`,
`mod_collections/`, `mod_heapq.rs`, `mod_string.rs`) and take these names
from here when they are made."""


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""

    class K(object):
        __module__ = "functools"
        __qualname__ = "KeyWrapper"
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


_NOT_FOUND = object()


class cached_property:
    """functools.cached_property (CPython 3.11's, without the lock): a
    non-data descriptor that stores the computed value in the instance
    dict, which then hides it."""

    __module__ = "functools"

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it."
            )
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


class ChainMap:
    """A ChainMap groups several mappings into one view: lookups search
    them in order, writes and deletes go to the first."""

    __module__ = "collections"

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = dict(other.items())
        if isinstance(other, dict):
            return dict(self.items()) == other
        return NotImplemented

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kwds):
        self.maps[0].update(other, **kwds)

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into a single sorted output (heapq.merge): the
    algorithm of CPython's heapq.py, so ties come out in the same order."""
    from heapq import heapify, heappop, heapreplace

    h = []
    h_append = h.append

    if reverse:
        _heapify = _heapify_max
        _heappop = _heappop_max
        _heapreplace = _heapreplace_max
        direction = -1
    else:
        _heapify = heapify
        _heappop = heappop
        _heapreplace = heapreplace
        direction = 1

    if key is None:
        for order, it in enumerate(map(iter, iterables)):
            try:
                next = it.__next__
                h_append([next(), order * direction, next])
            except StopIteration:
                pass
        _heapify(h)
        while len(h) > 1:
            try:
                while True:
                    value, order, next = s = h[0]
                    yield value
                    s[0] = next()
                    _heapreplace(h, s)
            except StopIteration:
                _heappop(h)
        if h:
            value, order, next = h[0]
            yield value
            yield from next.__self__
        return

    for order, it in enumerate(map(iter, iterables)):
        try:
            next = it.__next__
            value = next()
            h_append([key(value), order * direction, value, next])
        except StopIteration:
            pass
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                key_value, order, value, next = s = h[0]
                yield value
                value = next()
                s[0] = key(value)
                s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        key_value, order, value, next = h[0]
        yield value
        yield from next.__self__


# The max-heap helpers CPython's heapq keeps private (for merge(reverse=True)).


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def _heapify_max(x):
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup_max(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapreplace_max(heap, item):
    returnitem = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return returnitem


class Template:
    """string.Template: `$name`, `${name}` and `$$` substitution. CPython's
    uses a regular expression; this scans the same grammar (identifiers
    `[_a-zA-Z][_a-zA-Z0-9]*`, ASCII) and reports the same errors."""

    __module__ = "string"
    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        out = []
        i = 0
        n = len(t)
        while i < n:
            c = t[i]
            if c != "$":
                out.append(c)
                i += 1
                continue
            j = i + 1
            if j < n and t[j] == "$":
                out.append("$")
                i = j + 1
                continue
            braced = j < n and t[j] == "{"
            k = j + 1 if braced else j
            e = k
            if e < n and (t[e] == "_" or ("a" <= t[e].lower() <= "z")):
                e += 1
                while e < n and (t[e] == "_" or t[e].isascii() and t[e].isalnum()):
                    e += 1
            name = t[k:e]
            if name and (not braced or (e < n and t[e] == "}")):
                end = e + 1 if braced else e
                if safe:
                    try:
                        out.append(str(mapping[name]))
                    except KeyError:
                        out.append(t[i:end])
                else:
                    out.append(str(mapping[name]))
                i = end
                continue
            if safe:
                out.append("$")
                i += 1
                continue
            # CPython reports the position just after the delimiter.
            at = i + 1
            lines = t[:at].splitlines(keepends=True)
            if not lines:
                colno = 1
                lineno = 1
            else:
                colno = at - len("".join(lines[:-1]))
                lineno = len(lines)
            raise ValueError(
                "Invalid placeholder in string: line %d, col %d" % (lineno, colno)
            )
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._scan(_template_mapping(mapping, kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._scan(_template_mapping(mapping, kws), True)


def _template_mapping(mapping, kws):
    """Template's names: the keywords, then the mapping."""
    if mapping is None:
        return kws
    if kws:
        return _ChainMapping(kws, mapping)
    return mapping


class _ChainMapping:
    """Keywords first, then the mapping (Template's ChainMap use)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        if key in self.first:
            return self.first[key]
        return self.second[key]
