store = "CORNER MARKET"
items = [
    ("Organic bananas", 1.29, 3, "kg"),
    ("Whole milk 1L", 0.99, 2, "ea"),
    ("Sourdough bread", 4.5, 1, "ea"),
    ("Coffee beans 500g", 11.95, 1, "ea"),
    ("Eggs (dozen)", 3.49, 2, "ea"),
    ("Olive oil", 8.75, 1, "ea"),
]
tax_rates = {"food": 0.05, "other": 0.2}
categories = {"Olive oil": "other", "Coffee beans 500g": "other"}
width = 42
print(store.center(width))
print("Receipt #000123".center(width, "-"))
subtotal = 0.0
tax = 0.0
for name, price, qty, unit in items:
    line = price * qty
    subtotal += line
    rate = tax_rates[categories.get(name, "food")]
    tax += line * rate
    label = name if len(name) <= 22 else name[:21] + "~"
    print(f"{label:<22}{qty:>3} {unit:<2}{price:>6.2f}{line:>9.2f}")
print("-" * width)
print(f"{'Subtotal':<30}{subtotal:>12.2f}")
print(f"{'Tax':<30}{tax:>12.2f}")
total = round(subtotal + tax, 2)
print(f"{'TOTAL':<30}{total:>12.2f}")
paid = 50
change = round(paid - total, 2)
print(f"{'Cash':<30}{paid:>12.2f}")
print(f"{'Change':<30}{change:>12.2f}")

# Break the change into notes and coins (in cents to avoid float issues).
cents = round(change * 100)
denominations = [2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
breakdown = []
for d in denominations:
    count, cents = divmod(cents, d)
    if count:
        breakdown.append(f"{count} x {d / 100:.2f}")
print("Change given as:", "; ".join(breakdown))
print("=" * width)
print(f"{'Items: ' + str(sum(q for _, _, q, _ in items)):^{width}}")
print("Thank you!".center(width))
