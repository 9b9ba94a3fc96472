name = "Ada"
age = 36
pi = 3.14159265
items = ["x", "y"]
data = {"k": "v", "n": 3}
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {items!r} {items} {data['k']} {data['n'] * 2}")
print(f"{age + 1} {age * 2:5d} {pi:.2f} {pi:10.4f}| {pi:<10.1f}| {-pi:+.3f} {age:x} {age:#o} {age:08b}")
print(f"{'single'} {len(name)} {name.upper()} {'yes' if age > 30 else 'no'} {items[-1] + data['k']}")
print(f"{name=} {age=} {pi=:.3f} {items[0]=} {age * 2 = }")
print(f"{{literal braces}} {{{age}}} {'{'}")
width, precision = 12, 3
print(f"[{pi:{width}.{precision}f}] [{name:>{width}}] [{name:^{width}}] [{name:*<{width}}]")
print(f"{3 > 2} {None} {True!r} {[1, 2][1]} {(lambda x: x * 2)(21)} {'a' 'b'}")
print(f"{1e10} {1e-10} {1/3} {2**100} {-0.0} {float('inf')}")
print(f"{'%d' % 5} {'{}'.format(6)} {f'{7}'} {f'{name:>{age // 6}}'}")
print(f"multi {name}"
      f" line {age}")

# A small report.
products = [("Widget", 4, 3.5), ("Gadget", 12, 10.0), ("Thingamajig", 1, 199.99)]
print(f"{'Product':<12}{'Qty':>5}{'Price':>10}{'Total':>11}")
for prod, qty, price in products:
    print(f"{prod:<12}{qty:>5}{price:>10.2f}{qty * price:>11,.2f}")
grand = sum(q * p for _, q, p in products)
print(f"{'Grand total':<27}{grand:>11,.2f}")
print(f"{grand:e} {grand:.3g} {grand:%} {0.256:.1%} {1234567:,} {1234567:_} {255:#X}")
for n in [0, 7, -7, 1234]:
    print(f"|{n:5}|{n:<5}|{n:^5}|{n:+5}|{n: 5}|{n:=+6}|{n:05}|")
