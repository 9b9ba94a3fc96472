def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

print([factorial(n) for n in range(10)], factorial(40))
print([fib(n) for n in range(20)], fib(300))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)

moves = []
hanoi(3, "A", "C", "B", moves)
print(len(moves), moves)
big = []
hanoi(10, "A", "C", "B", big)
print(len(big), big[:3], big[-1])

def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([items[i]] + rest)
    return out

print(permutations([1, 2, 3]), len(permutations(list("abcde"))))

def flatten(obj):
    if isinstance(obj, (list, tuple)):
        result = []
        for x in obj:
            result.extend(flatten(x))
        return result
    return [obj]

print(flatten([1, [2, [3, [4, [5]]]], (6, 7), [], [[[]]], "str"]))

def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]

print(power_set(["a", "b", "c"]))

def depth(tree):
    if not isinstance(tree, list) or not tree:
        return 0
    return 1 + max(depth(child) for child in tree)

print(depth([]), depth([1]), depth([1, [2, [3]], [4]]), depth([[[[[]]]]]))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print([ackermann(m, n) for m in range(3) for n in range(4)], ackermann(2, 3))

def count_down(n):
    return [] if n < 0 else [n] + count_down(n - 1)

print(count_down(5), len(count_down(400)))
