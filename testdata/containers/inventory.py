inventory = {}
prices = {"widget": 2.5, "gadget": 10.0, "doohickey": 0.75, "sprocket": 4.2}

def receive(item, qty):
    inventory[item] = inventory.get(item, 0) + qty

def ship(item, qty):
    have = inventory.get(item, 0)
    if qty > have:
        print(f"cannot ship {qty} {item}: only {have} in stock")
        return False
    inventory[item] = have - qty
    if inventory[item] == 0:
        del inventory[item]
    return True

log = [
    ("receive", "widget", 100), ("receive", "gadget", 5), ("ship", "widget", 30),
    ("ship", "gadget", 6), ("receive", "doohickey", 250), ("ship", "gadget", 5),
    ("receive", "sprocket", 12), ("ship", "doohickey", 249), ("ship", "widget", 70),
    ("receive", "widget", 8),
]
shipped = {}
for action, item, qty in log:
    if action == "receive":
        receive(item, qty)
    elif ship(item, qty):
        shipped[item] = shipped.get(item, 0) + qty

print("inventory:", inventory)
print("shipped:", shipped)
value = 0.0
for item in sorted(inventory):
    line = inventory[item] * prices[item]
    value += line
    print(f"  {item:<10} {inventory[item]:>4} x {prices[item]:>6.2f} = {line:>8.2f}")
print(f"  total value: {value:.2f}")
revenue = sum(prices[i] * q for i, q in shipped.items())
print("revenue:", round(revenue, 2))
low = [item for item, qty in inventory.items() if qty < 10]
print("reorder:", low)
best = max(shipped, key=shipped.get)
print("best seller:", best, shipped[best])
print("out of stock:", sorted(set(prices) - set(inventory)))
