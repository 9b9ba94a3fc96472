s = "Hello, World!"
print(repr(s[0]), repr(s[-1]), repr(s[7:12]), repr(s[:5]), repr(s[7:]), repr(s[:]), repr(s[-6:-1]))
print(repr(s[::2]), repr(s[1::2]), repr(s[::-1]), repr(s[::-2]), repr(s[-2::-3]), repr(s[10:2:-2]))
print(repr(s[100:]), repr(s[:100]), repr(s[-100:3]), repr(s[5:2]), repr(s[3:3]), repr(s[2:-100:-1]))
print(repr(s[None:4]), repr(s[4:None]), repr(s[::None]), repr(s[-1:-14:-1]), repr(s[-1:-15:-1]))

# Every slice of a short string with step -1.
t = "abcd"
for start in range(-5, 6, 2):
    row = []
    for stop in range(-5, 6, 2):
        row.append(t[start:stop:-1] or ".")
    print(start, row)

# Rotations and chunks.
word = "rotation"
print([word[i:] + word[:i] for i in range(len(word))])
data = "abcdefghijklmnopqrstuvwxyz"
print([data[i:i + 5] for i in range(0, len(data), 5)])
print(data[::5], data[4::5], data[-5:][::-1])

# Pick fields out of fixed-width records.
records = [
    "2024-01-15 ACME     000120.50 C",
    "2024-02-01 GLOBEX   001999.99 D",
    "2024-03-30 INITECH  000005.00 C",
]
for rec in records:
    date, name, amount, kind = rec[:10], rec[11:20].rstrip(), float(rec[20:29]), rec[-1]
    year, month, day = date[:4], date[5:7], date[8:]
    print(day + "/" + month + "/" + year, name, repr(amount), "credit" if kind == "C" else "debit")

# Indexing errors.
for i in [12, 13, -13, -14]:
    try:
        print(i, repr(s[i]))
    except IndexError as e:
        print(i, "IndexError:", e)
try:
    s[1:2:0]
except ValueError as e:
    print("ValueError:", e)
