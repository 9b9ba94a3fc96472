print("{} {} {}".format("a", "b", "c"))
print("{2} {1} {0} {0}".format("a", "b", "c"))
print("{name} is {age}".format(name="Eve", age=29))
print("{0} {name} {1}".format(1, 2, name="mid"))
point = (3, -4)
config = {"host": "localhost", "port": 8080}
print("x={0[0]} y={0[1]}".format(point))
print("{c[host]}:{c[port]}".format(c=config))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"))
print("{:08.3f} {:+d} {:,} {:x} {:#b} {:.1%} {:e}".format(3.14159, 5, 1000000, 255, 5, 0.123, 12345.0))
print("{0:{1}} | {0:>{1}} | {2:.{3}f}".format("ab", 6, 2.71828, 2))
print("{!r} {!s} {!r}".format("hi", "hi", 1.5))
print("{{}} {{{}}}".format("braces"))
print("{0}{0}{0}".format("ha"), "{:-^20}".format(" title "), "{:.3}".format("truncate"))

# A receipt template reused for many rows.
row = "{qty:>3} x {item:<12} @ {price:>7.2f} = {total:>8.2f}"
cart = [("apple", 6, 0.45), ("bread", 1, 2.99), ("cheese", 2, 7.5), ("water 6-pack", 3, 3.25)]
total = 0.0
for item, qty, price in cart:
    line_total = qty * price
    total += line_total
    print(row.format(qty=qty, item=item, price=price, total=line_total))
print("{:>40.2f}".format(total))
print("{label}: {value:.1f}%".format(label="tax rate", value=8.25))

# Format strings are data: pick one at runtime.
templates = {"short": "{0}", "long": "{0} ({1})", "full": "{0} ({1}) <{2}>"}
person = ("Ann Lee", "engineer", "ann@example.com")
for style in ["short", "long", "full"]:
    print(style, "->", templates[style].format(*person))
print("{} has {} items".format(*("cart", 3)), "{x}-{y}".format(**{"x": 1, "y": 2}))
for fmt, args in [("{} {}", (1,)), ("{5}", (1,)), ("{:d}", ("x",)), ("{0} {}", (1, 2)), ("{:>x}", (1.5,))]:
    try:
        print(fmt.format(*args))
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
