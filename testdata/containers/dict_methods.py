stock = {"apple": 3, "banana": 0, "cherry": 12}
print(stock, len(stock), stock["apple"], stock.get("durian"), stock.get("durian", -1))
print(list(stock.keys()), list(stock.values()), list(stock.items()))
print(stock.keys(), stock.values(), stock.items())
print("apple" in stock, 3 in stock, "banana" not in stock)
print(stock.setdefault("durian", 7), stock.setdefault("apple", 100), stock)
print(stock.pop("banana"), stock.pop("missing", "n/a"), stock)
stock.update({"apple": 4, "elder": 1})
stock.update([("fig", 2)], grape=9)
print(stock)
print(stock.popitem(), stock)
del stock["cherry"]
print(stock)
stock["apple"] += 10
stock["zucchini"] = 0
print(stock, list(stock))
copy = stock.copy()
copy["apple"] = 0
print(stock["apple"], copy["apple"])
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"), dict(a=1, b=2), dict([(1, "one"), (2, "two")]))
print(dict(zip("abc", range(3))), {**{"a": 1}, "b": 2, **{"a": 3}})
stock.clear()
print(stock, bool(stock))

# Insertion order survives deletes and re-inserts.
d = {}
for k in "hello world":
    d[k] = d.get(k, 0) + 1
print(d)
del d["l"]
d["l"] = "back"
print(list(d.items()))

# Phone book with merging.
book = {"ann": "555-1234", "bob": "555-9876"}
updates = {"bob": "555-0000", "cy": "555-4444"}
for name, number in updates.items():
    if name in book:
        print("updating", name, book[name], "->", number)
    else:
        print("adding", name, number)
    book[name] = number
for name in sorted(book):
    print(name.ljust(5), book[name])
print(sorted(book.items(), key=lambda kv: kv[1]))
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, {"k": [1]} == {"k": [1]})
for bad in [lambda: {}["missing"], lambda: {}.pop("x"), lambda: {}.popitem(), lambda: {[1]: 2}]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e, e.args)
