def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)

def lcm(a, b):
    return abs(a * b) // gcd(a, b)

print([gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (-24, 36), (2 ** 40, 6 ** 20)]])
print([lcm(a, b) for a, b in [(4, 6), (21, 6), (7, 13), (-3, 5)]])

def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
        i += 1
    return [n for n in range(limit + 1) if is_prime[n]]

primes = sieve(120)
print(primes)
print(len(sieve(10000)), sum(sieve(1000)))

def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors

for n in [360, 97, 1001, 2 ** 10 * 3 ** 5, 600851475143]:
    f = factorize(n)
    print(n, f, " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items()))

def collatz_length(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

best = max(range(1, 3000), key=collatz_length)
print("longest collatz below 3000:", best, collatz_length(best))

perfect = [n for n in range(2, 10000) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print("perfect:", perfect)

# Modular inverse and a tiny RSA round trip.
p, q, e = 61, 53, 17
n = p * q
phi = (p - 1) * (q - 1)
d = pow(e, -1, phi)
message = 1234
cipher = pow(message, e, n)
print(n, phi, d, cipher, pow(cipher, d, n))
