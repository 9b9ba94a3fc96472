def summarize(numbers):
    count = len(numbers)
    total = sum(numbers)
    print("items:", count, "total:", total)
    if count > 3:
        return total / conut
    return total / count

batches = [[3, 4, 5], [1, 2], [10, 20, 30, 40]]
for batch in batches:
    avg = summarize(batch)
    print("average", avg)
    print("spread", max(batch) - min(batch))
print("all done")

# The rest shows the message format for caught NameErrors (no suggestion there).
try:
    print(undefined_thing)
except NameError as e:
    print(e)
