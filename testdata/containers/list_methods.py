items = [5, 3, 8]
items.append(1)
items.extend([9, 2])
items.extend(range(2))
items.insert(0, 7)
items.insert(-1, 6)
items.insert(100, 4)
items.insert(-100, 0)
print(items, len(items))
print(items.pop(), items.pop(0), items.pop(-2), items)
items.remove(8)
print(items, items.index(9), items.count(0), items.count(42), items.index(0, 2))
copy = items.copy()
items.sort()
print(items, copy)
items.sort(reverse=True)
print(items)
items.reverse()
print(items)
copy.clear()
print(copy, len(copy))

# Sorting strings and with keys.
names = ["delta", "Alpha", "charlie", "Bravo", "echo"]
names.sort()
print(names)
names.sort(key=str.lower)
print(names)
names.sort(key=len)
print(names)

# A to-do list manager.
todo = []
def add(task):
    if task in todo:
        print("already have", repr(task))
    else:
        todo.append(task)

def done(task):
    if task in todo:
        todo.remove(task)
        print("finished", repr(task))
    else:
        print("no such task", repr(task))

for t in ["write report", "call bob", "buy milk", "call bob"]:
    add(t)
done("call bob")
done("walk dog")
add("walk dog")
todo.insert(0, "urgent: fix bug")
for i, t in enumerate(todo, 1):
    print(i, t)

for bad in [lambda: [].pop(), lambda: [1, 2].remove(3), lambda: [1].index(2), lambda: [1].pop(5)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
