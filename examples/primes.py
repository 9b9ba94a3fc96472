# A small bundled example: primes, word counts and formatting.
import sys


def primes_below(n):
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
    return [i for i, p in enumerate(sieve) if p]


def word_counts(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,;:!?")
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ps = primes_below(n)
print(f"{len(ps)} primes below {n:,}; the last five: {ps[-5:]}")
print(f"sum of their reciprocals: {sum(1 / p for p in ps):.6f}")
text = "the quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!"
for word, count in word_counts(text)[:3]:
    print("%-6s %d" % (word, count))
