prices = {"apple": 0.5, "bread": 2.25, "milk": 1.1}
discounts = {"bread": 0.1}

def line_price(item, qty):
    price = prices[item] * qty
    return price * (1 - discounts.get(item, 0))

def total(cart):
    amount = 0
    for item, qty in cart:
        amount += line_price(item, qty)
        print(f"added {qty} x {item}, running total {amount:.2f}")
    return amount

first = [("apple", 4), ("bread", 2)]
print("first checkout:", round(total(first), 2))
print("known items:", sorted(prices))
print("discounted:", [item for item in prices if item in discounts])
cart = [("apple", 4), ("milk", 2), ("cheese", 1), ("bread", 1)]
print("second checkout:", total(cart))
