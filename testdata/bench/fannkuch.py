# Fannkuch-redux (Computer Language Benchmarks Game): for every permutation
# of 0..n-1, count the "pancake flips" needed to bring 0 to the front.
# Measures small-list manipulation: indexing, element stores, slice copies
# and reversed slice assignment (perm[:k+1] = perm[k::-1]), plus tight
# integer loops.  Prints the checksum and the maximum flip count, as the
# reference implementation does.  Size = n (default 9); an optional second
# argument repeats the whole computation (default 1), for finer control of
# the run time than n gives (each step of n multiplies the work by ~n).
import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    perm_count = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1

        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        if perm_count % 2 == 0:
            checksum += flips
        else:
            checksum -= flips

        # Advance to the next permutation (rotate prefixes, odometer style).
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_count += 1


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    result = None
    for _ in range(repeat):
        result = fannkuch(n)
    checksum, max_flips = result
    print("%d\nPfannkuchen(%d) = %d" % (checksum, n, max_flips))


main()
