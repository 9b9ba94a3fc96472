def withdraw(balance, amount):
    assert amount > 0, f"amount must be positive, got {amount}"
    assert amount <= balance, "insufficient funds"
    return balance - amount

def deposit(balance, amount):
    assert amount > 0, "deposit must be positive"
    return balance + amount

ledger = [("deposit", 50), ("withdraw", 30), ("withdraw", 70), ("deposit", 5), ("withdraw", -5)]
balance = 100
history = []
for kind, amount in ledger:
    before = balance
    if kind == "deposit":
        balance = deposit(balance, amount)
    else:
        balance = withdraw(balance, amount)
    history.append((kind, amount, before, balance))
    print(f"{kind:<8}{amount:>5} {before:>5} -> {balance:>5}")
print("history", history)
