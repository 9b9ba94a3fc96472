def open_account(owner, balance=0):
    history = []

    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            return "deposit must be positive"
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("declined", amount))
            return f"insufficient funds: {balance} < {amount}"
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def statement():
        lines = [f"Account of {owner}"]
        for kind, amount in history:
            lines.append(f"  {kind:<9}{amount:>7}")
        lines.append(f"  balance  {balance:>7}")
        return "\n".join(lines)

    return {"deposit": deposit, "withdraw": withdraw, "statement": statement,
            "balance": lambda: balance}

ann = open_account("Ann", 100)
bob = open_account("Bob")
print(ann["deposit"](50), ann["withdraw"](30), ann["withdraw"](500), ann["deposit"](-5))
print(bob["deposit"](20), bob["withdraw"](20), bob["balance"]())

def transfer(src, dst, amount):
    result = src["withdraw"](amount)
    if isinstance(result, str):
        return "transfer failed: " + result
    dst["deposit"](amount)
    return "ok"

print(transfer(ann, bob, 70))
print(transfer(bob, ann, 1000))
print(ann["statement"]())
print(bob["statement"]())
print(ann["balance"]() + bob["balance"]())

# Interest applied through a closure over a rate table.
def interest_calculator(rates):
    def apply(account, years):
        for year in range(years):
            bal = account["balance"]()
            rate = rates[min(year, len(rates) - 1)]
            gain = bal * rate // 100
            if gain:
                account["deposit"](gain)
        return account["balance"]()
    return apply

grow = interest_calculator([1, 2, 5])
print(grow(ann, 4), grow(bob, 2))
print(ann["statement"]().splitlines()[-3:])
