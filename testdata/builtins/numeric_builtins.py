print(abs(-7), abs(7), abs(-2.5), abs(0), abs(-0.0), abs(-(2 ** 80)), abs(False))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-1, 3.0), divmod(2 ** 70, 10 ** 9))
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(3, 4, 5), pow(-2, 3), pow(9, 0.5), pow(0, 0))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(0.1 + 0.2, 15))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min("b", "a", "c"), max([1, 5], [1, 10]))
print(min([], default="empty"), max([], default=0), min([3, -4, 2], key=abs), max(["aa", "b", "ccc"], key=len))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.5, 0.25]), sum([]), sum(range(101)), sum([[1], [2, 3]], []))
print(sum([0.1] * 10), sum((True, True, False)), sum([1, 2.0]), sum(x * x for x in range(4)))
print(hex(255), hex(-1), oct(64), oct(-9), bin(10), bin(-3), hex(2 ** 64), bin(0))
print(int("ff", 16), int("-101", 2), int(hex(12345), 16), int(oct(777), 8), int(bin(99), 2))

# Statistics with only builtins.
data = [23, 7, 42, 15, 8, 16, 4, 42, 31]
n = len(data)
mean = sum(data) / n
ordered = sorted(data)
median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
variance = sum((x - mean) ** 2 for x in data) / (n - 1)
print(n, min(data), max(data), round(mean, 3), median, round(variance, 3), round(variance ** 0.5, 4))
mode = max(set(data), key=data.count)
print("mode", mode, "range", max(data) - min(data))

# Integer square root and digit sums using divmod.
def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]
print(digits(9075), digits(0), sum(digits(2 ** 100)), max(digits(31415926)))
print(round(-0.5), round(0.5), round(1.5), round(-1.5), round(2.675, 2), round(-7, -1), round(15, -1), round(25, -1))
