limit = 100
composites = {m for n in range(2, 11) for m in range(n * n, limit + 1, n)}
primes = [n for n in range(2, limit + 1) if n not in composites]
print(primes, len(primes))
twins = [(p, p + 2) for p in primes if p + 2 in primes]
print(twins)
goldbach = {n: [(p, n - p) for p in primes if p <= n - p and (n - p) in primes] for n in range(4, 31, 2)}
for n, ways in goldbach.items():
    print(n, len(ways), ways[:3])

# Perfect squares, cubes and both.
squares = {n * n for n in range(1, 32)}
cubes = {n ** 3 for n in range(1, 11)}
print(sorted(squares & cubes), len(squares - cubes), min(cubes - squares))

# Digits-based filters.
armstrong = [n for n in range(1, 1000) if n == sum(int(d) ** len(str(n)) for d in str(n))]
print(armstrong)
harshad = [n for n in range(1, 60) if n % sum(int(d) for d in str(n)) == 0]
print(harshad)
print([n for n in range(1, 200) if str(n) == str(n)[::-1] and n in primes or n in (11, 101)])

# Amicable pairs below 1500.
def divisor_sum(n):
    return sum(d for d in range(1, n // 2 + 1) if n % d == 0)
sums = {n: divisor_sum(n) for n in range(2, 1500)}
amicable = sorted({tuple(sorted((a, b))) for a, b in sums.items() if b != a and sums.get(b) == a})
print(amicable)
print([n for n, s in sums.items() if s == n], [n for n in range(2, 30) if sums[n] > n])
