transactions = [
    ("2024-01-02", "deposit", 500.00, "salary"),
    ("2024-01-03", "withdraw", 45.20, "groceries"),
    ("2024-01-05", "withdraw", 1200.00, "rent"),
    ("2024-01-05", "withdraw", 60.00, "utilities"),
    ("2024-01-07", "fee", 2.50, "atm"),
    ("2024-01-09", "deposit", 900.00, "freelance"),
    ("2024-01-10", "transfer", 100.00, "savings"),
    ("2024-01-12", "withdraw", 0.00, "noop"),
    ("2024-01-15", "STOP", 0, ""),
    ("2024-01-16", "deposit", 1.00, "never seen"),
]
balance = 250.00
overdraft_limit = -100.0
by_category = {}
rejected = []
for date, kind, amount, memo in transactions:
    if kind == "STOP":
        print(date, "statement closed")
        break
    if amount == 0:
        print(date, "skipping empty transaction")
        continue
    if kind == "deposit":
        delta = amount
    elif kind in ("withdraw", "fee", "transfer"):
        delta = -amount
    else:
        print("unknown kind", kind)
        continue
    if balance + delta < overdraft_limit:
        rejected.append((date, memo, amount))
        print(date, f"REJECTED {memo} ({amount:.2f})")
        continue
    balance = round(balance + delta, 2)
    by_category[memo] = by_category.get(memo, 0) + delta
    flag = " OVERDRAWN" if balance < 0 else ""
    print(date, f"{kind:<9}{delta:>9.2f}  balance {balance:>8.2f}{flag}")
else:
    print("no STOP marker")

print("final balance:", balance)
print("rejected:", rejected)
spent = sorted(((-v, k) for k, v in by_category.items() if v < 0), reverse=True)
for amount, memo in spent:
    print(f"  {memo:<10} {amount:8.2f}")
print("income:", sum(v for v in by_category.values() if v > 0))
