# CPython 3.11's fine-grained error locations under each traceback line:
# every step fails in a different kind of expression and its handler moves
# on to the next step, so the final report chains all of their tracebacks.


class Cart:
    def __init__(self):
        self.items = {"apple": 3}

    def chain(self):
        return self

    def total(self):
        return sum(self.items.values()) / 0


class Closing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return [][1]


def deco(f):
    return f.missing_attribute


def step_binop():
    a, b = 1, "x"
    try:
        return (a) + (b)
    except TypeError:
        step_subscript()


def step_subscript():
    d = {"k": 1}
    try:
        return d [ "nope" ] * 2
    except KeyError:
        step_method_chain()


def step_method_chain():
    try:
        return (Cart()
                .chain()
                .missing())
    except AttributeError:
        step_aug_attr()


def step_aug_attr():
    c = Cart()
    try:
        c.count += 1
    except AttributeError:
        step_assert()


def step_assert():
    n = 3
    try:
        assert not n > 2, "too many"
    except AssertionError:
        step_genexp()


def step_genexp():
    try:
        return sum(x for x in 5)
    except TypeError:
        step_wide()


def step_wide():
    try:
        label = "日本"; return label + 1
    except TypeError:
        step_multiline()


def step_multiline():
    try:
        return (1 +
                "b")
    except TypeError:
        step_with()


def step_with():
    try:
        with Closing():
            pass
    except IndexError:
        step_decorator()


def step_decorator():
    try:
        @deco
        def f():
            pass
    except AttributeError:
        step_floordiv()


def step_floordiv():
    values = [4, 0]
    try:
        return values[0] // values[1]
    except ZeroDivisionError:
        Cart().chain().total()


print("start")
step_binop()
