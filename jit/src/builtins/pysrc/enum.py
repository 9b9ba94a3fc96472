"""enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

CPython builds enums with a metaclass (EnumMeta); jitprof has none, so
the work is split: `__init_subclass__` turns the class's plain attributes
into members once the class exists, `__new__` looks a value up
(`Color(1)`), `__class_getitem__` a name (`Color['RED']`), and the class
methods `__jitprof_class_iter__`, `__jitprof_class_len__`,
`__jitprof_class_contains__` and `__jitprof_class_repr__` answer `for m in
Color`, `len(Color)`, `m in Color` and `repr(Color)` (see
`Vm::class_hook`)."""

__all__ = [
    "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique",
    "EnumMeta", "EnumType",
]


class auto:
    """A member value to be chosen by `_generate_next_value_`."""

    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None

    def __repr__(self):
        return "auto(%r)" % self.value


def _is_descriptor(obj):
    return (
        hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")
        or isinstance(obj, (staticmethod, classmethod, property))
        or type(obj).__name__ in ("function", "builtin_function_or_method")
    )


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_private(cls_name, name):
    pattern = "_%s__" % (cls_name.lstrip("_"),)
    return name.startswith(pattern) and not name.endswith("__")


class EnumMeta:
    """Stands for CPython's metaclass; using it as one is unsupported."""


EnumType = EnumMeta


_FINISHED = set()


class Enum:
    """Create a collection of name/value pairs: `class Color(Enum): RED = 1`."""

    def __new__(cls, value, *args, **kwargs):
        if args or kwargs:
            raise TypeError("Enum functional API (Enum('Name', ...)) is not supported")
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        raise TypeError(
            "error in %s._missing_: returned %r instead of None or a valid member"
            % (cls.__name__, result)
        )

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    def __init_subclass__(cls, **kwds):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        own = [
            (k, v) for k, v in cls.__dict__.items()
            if not (_is_dunder(k) or _is_sunder(k) or _is_private(cls.__name__, k) or _is_descriptor(v))
        ]
        if own and any(getattr(b, "_member_names_", None) for b in cls.__mro__[1:]):
            raise TypeError(
                "%s: cannot extend enumeration %r"
                % (cls.__name__, [b for b in cls.__mro__[1:] if getattr(b, "_member_names_", None)][0].__name__)
            )
        data_type = None
        for b in cls.__mro__[1:]:
            if b in (int, str, float, tuple, bytes):
                data_type = b
                break
        # A member's __init__ runs once, when it is made; afterwards
        # `Color(value)` is a lookup, and must not run it again.
        member_init = cls.__init__
        last_values = []
        for name, value in own:
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            args = value if isinstance(value, tuple) else (value,)
            if data_type is None:
                member = object.__new__(cls)
                member._value_ = value
            else:
                if data_type is tuple:
                    args = (args,)
                member = data_type.__new__(cls, *args)
                member._value_ = data_type(*args) if data_type is not tuple else args[0]
            member._name_ = name
            member_init(member, *args)
            alias = None
            for existing in cls._member_map_.values():
                if existing._value_ == member._value_:
                    alias = existing
                    break
            if alias is not None:
                member = alias
            else:
                cls._member_names_.append(name)
            cls._member_map_[name] = member
            try:
                cls._value2member_map_.setdefault(member._value_, member)
            except TypeError:
                pass
            setattr(cls, name, member)
        if "__init__" in cls.__dict__:
            cls.__init__ = Enum.__init__
        cls.__members__ = dict(cls._member_map_)
        _FINISHED.add(cls)

    @classmethod
    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @classmethod
    def __jitprof_class_iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    @classmethod
    def __jitprof_class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __jitprof_class_contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, "EnumType")
            )
        return isinstance(member, cls) and member._name_ in cls._member_map_

    @classmethod
    def __jitprof_class_repr__(cls):
        if issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v_repr = type(self)._value_repr_ if hasattr(type(self), "_value_repr_") else repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ["__class__", "__doc__", "__module__", "name", "value"]


class ReprEnum(Enum):
    """Members keep the `str()` and `format()` of their data type."""


class IntEnum(int, ReprEnum):
    """Members are also ints."""

    def __str__(self):
        return repr(int(self))

    def __format__(self, format_spec):
        return format(int(self), format_spec)

    def __hash__(self):
        return hash(int(self))


class StrEnum(str, ReprEnum):
    """Members are also strs."""

    def __str__(self):
        return self._value_

    def __format__(self, format_spec):
        return format(self._value_, format_spec)

    def __hash__(self):
        return hash(self._value_)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


class Flag(Enum):
    """Members combine with `|`, `&`, `^` and `~`."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high_bit = _high_bit(max(last_values))
        return 2 ** (high_bit + 1)

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        all_bits = 0
        for m in cls._member_map_.values():
            all_bits |= m._value_
        if value & ~all_bits:
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        return cls._make_pseudo(value)

    @classmethod
    def _make_pseudo(cls, value):
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
        if issubclass(cls, int):
            member = int.__new__(cls, value)
        else:
            member = object.__new__(cls)
        member._value_ = value
        names = []
        named = 0
        for m in cls:
            if m._value_ and m._value_ & value == m._value_:
                names.append(m._name_)
                named |= m._value_
        if names and value & ~named:
            # An IntFlag keeps bits no member has (CPython's KEEP).
            names.append(str(value & ~named))
        member._name_ = "|".join(names) if names else None
        cls._value2member_map_[value] = member
        return member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__)
            )
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        for m in self.__class__:
            if m._value_ and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return len(list(iter(self)))

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__:
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)

    def __repr__(self):
        if self._name_ is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)


class IntFlag(int, Flag):
    """Flags that are also ints: they combine with ints too, and keep bits
    that are no member's (CPython's KEEP boundary)."""

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))
        return cls._make_pseudo(value)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) | int(other))

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) & int(other))

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) ^ int(other))

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __str__(self):
        return repr(int(self))

    def __format__(self, format_spec):
        return format(int(self), format_spec)

    def __hash__(self):
        return hash(int(self))


def unique(enumeration):
    """A class decorator: no two names may share a value."""
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in %r: %s" % (enumeration, alias_details))
    return enumeration
