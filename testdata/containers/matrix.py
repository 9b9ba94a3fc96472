def show(m):
    for row in m:
        print(" ".join(str(x).rjust(4) for x in row))
    print()

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(a)
transposed = [list(col) for col in zip(*a)]
show(transposed)

def matmul(x, y):
    rows, inner, cols = len(x), len(y), len(y[0])
    return [[sum(x[i][k] * y[k][j] for k in range(inner)) for j in range(cols)] for i in range(rows)]

show(matmul(a, b))
show(matmul(b, a))

identity = [[1 if i == j else 0 for j in range(4)] for i in range(4)]
show(identity)

# The aliasing trap: [[0] * 3] * 3 repeats the same row object.
bad = [[0] * 3] * 3
bad[0][0] = 1
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(bad, good, bad[0] is bad[1], good[0] is good[1])

# Matrix power for Fibonacci numbers.
def matpow(m, n):
    result = [[1, 0], [0, 1]]
    while n:
        if n & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        n >>= 1
    return result

print([matpow([[1, 1], [1, 0]], n)[0][1] for n in range(15)])
print(matpow([[1, 1], [1, 0]], 200)[0][1])

# Rotate a square grid 90 degrees clockwise, and spiral order.
grid = [[r * 4 + c for c in range(4)] for r in range(4)]
rotated = [list(row) for row in zip(*grid[::-1])]
show(rotated)
def spiral(m):
    out = []
    m = [row[:] for row in m]
    while m:
        out += m.pop(0)
        m = [list(r) for r in zip(*m)][::-1]
    return out
print(spiral(grid))
print([sum(row) for row in grid], [sum(col) for col in zip(*grid)], sum(grid[i][i] for i in range(4)))
