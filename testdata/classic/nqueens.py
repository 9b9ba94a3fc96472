# Classic benchmark: pyperformance bm_nqueens (brute-force N-Queens solver
# by Collin Winter, with a pure-Python itertools.permutations generator).
# Changed: the pyperf Runner harness is replaced by main(), which prints the
# number of solutions for 1..8 queens and a few of the solutions.
"""Simple, brute-force N-Queens solver."""

__author__ = "collinwinter@google.com (Collin Winter)"


# Pure-Python implementation of itertools.permutations().
def permutations(iterable, r=None):
    """permutations(range(3), 2) --> (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)"""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


# From http://code.activestate.com/recipes/576647/
def n_queens(queen_count):
    """N-Queens solver.

    Args:
        queen_count: the number of queens to solve for. This is also the
            board size.

    Yields:
        Solutions to the problem. Each yielded value is looks like
        (3, 8, 2, 1, 4, ..., 6) where each number is the column position for the
        queen, and the index into the tuple indicates the row.
    """
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                        == len(set(vec[i] - i for i in cols))):
            yield vec


def bench_n_queens(queen_count):
    list(n_queens(queen_count))


def main():
    print(list(permutations(range(3), 2)))
    print(list(permutations("abc")))
    for queen_count in range(1, 9):
        solutions = list(n_queens(queen_count))
        print(queen_count, len(solutions))
    solutions = list(n_queens(8))
    print("first:", solutions[0])
    print("last:", solutions[-1])
    print("sum of first columns:", sum(vec[0] for vec in solutions))
    gen = n_queens(6)
    print(next(gen), next(gen))
    bench_n_queens(5)


main()
