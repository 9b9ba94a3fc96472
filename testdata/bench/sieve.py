# Sieve of Eratosthenes over a list of bools: measures list indexing and
# stores in `while` loops, list multiplication and a final counting pass.
# Size = upper limit (default 5_000_000); prints the number of primes
# below the limit, their sum and the largest one.
import sys


def sieve(limit):
    is_prime = [True] * limit
    is_prime[0] = False
    if limit > 1:
        is_prime[1] = False
    i = 2
    while i * i < limit:
        if is_prime[i]:
            j = i * i
            while j < limit:
                is_prime[j] = False
                j += i
        i += 1
    return is_prime


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 5000000
    is_prime = sieve(limit)
    count = 0
    total = 0
    largest = 0
    for n in range(limit):
        if is_prime[n]:
            count += 1
            total += n
            largest = n
    print(f"primes below {limit}: count={count} sum={total} largest={largest}")


main()
