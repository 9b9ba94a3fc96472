scores = [("ann", 88), ("bob", 95), ("cy", 88), ("dee", 72), ("eve", 95), ("fay", 60)]
print(sorted(scores, key=lambda s: s[1]))
print(sorted(scores, key=lambda s: s[1], reverse=True))
print(sorted(scores, key=lambda s: (-s[1], s[0])))
print(sorted([3, 1, 2], reverse=True), sorted("banana"), sorted({3: "c", 1: "a"}), sorted((2.5, -1, 0)))
print(min(scores, key=lambda s: s[1]), max(scores, key=lambda s: s[1]), max("apple", "pear", key=len))

# Stable sort: sort by secondary key first, then primary.
people = [("smith", "john"), ("doe", "jane"), ("smith", "anna"), ("doe", "adam"), ("brown", "zed")]
by_first = sorted(people, key=lambda p: p[1])
by_last = sorted(by_first, key=lambda p: p[0])
print(by_last)

# Implementations of classic sorts agree with sorted().
def insertion_sort(xs):
    xs = xs[:]
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > key:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key
    return xs

def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:]

def quicksort(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return quicksort([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quicksort([x for x in xs if x > pivot])

data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 27]
print(insertion_sort(data), merge_sort(data) == sorted(data), quicksort(data) == sorted(data), data)

# Sort words by length then alphabetically; sort with mixed int/float keys.
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(set(words), key=lambda w: (len(w), w)))
print(sorted([2, 1.5, -3, 0.0, 1], key=abs), sorted(["10", "9", "100"], key=int))
nums = [5, 2, 9]
nums.sort(key=lambda n: -n)
print(nums, sorted([[3, 1], [1, 2], [1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([{1}, 2])
except TypeError as e:
    print("TypeError:", e)
