# Private names (__x inside a class) were not mangled: obj._C__x failed and
# vars(obj) showed '__x' where CPython shows '_C__x'.
class Account:
    __count = 0
    __slots_demo = 'class private'

    def __init__(self, owner):
        self.__owner = owner
        self.__balance = 0
        Account.__count += 1

    def __audit(self, what):
        return f'{self.__owner}: {what}'

    def deposit(self, amount):
        self.__balance += amount
        return self.__audit(f'+{amount}')

    @classmethod
    def count(cls):
        return cls.__count

    def peek(self):
        return [getattr(self, n) for n in ('_Account__owner', '_Account__balance')]


a = Account('ann')
print(a.deposit(5), a.deposit(7), a._Account__balance, Account.count(), Account._Account__count)
print(sorted(vars(a)), a.peek(), hasattr(a, '__balance'), '_Account__audit' in vars(Account))
print(Account._Account__slots_demo, [k for k in vars(Account) if 'count' in k])


class _Hidden:
    def __init__(self):
        self.__v = 1
        self.__dunder__ = 2
        f = lambda: self.__v + 1
        self.__w = [self.__v * i for i in range(3)]
        self.g = f()


print(sorted(vars(_Hidden())), _Hidden().g)


class Sub(Account):
    def __init__(self):
        super().__init__('sub')
        self.__balance = 'sub-private'


s = Sub()
print(sorted(vars(s)), s._Sub__balance, s._Account__balance)
try:
    s.__balance
except AttributeError as e:
    print('AttributeError:', e)


class Slotted:
    __slots__ = ('__x', 'y')

    def __init__(self):
        self.__x = 3
        self.y = 4

    def get(self):
        return self.__x


sl = Slotted()
print(sl.get(), sl._Slotted__x, sl.y)
total = 0
for i in range(300):
    total += Account('x').deposit(i) is not None
print(total, Account.count())
