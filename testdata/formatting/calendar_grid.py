MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

def days_in_month(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31

def weekday(y, m, d):
    # Zeller's congruence, shifted so Monday = 0.
    if m < 3:
        m += 12
        y -= 1
    k, j = y % 100, y // 100
    h = (d + 13 * (m + 1) // 5 + k + k // 4 + j // 4 + 5 * j) % 7
    return (h + 5) % 7

def month_grid(y, m):
    lines = [f"{MONTHS[m - 1]} {y}".center(20), "Mo Tu We Th Fr Sa Su"]
    first = weekday(y, m, 1)
    cells = ["  "] * first + [f"{d:>2}" for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return lines

for y, m in [(2024, 2), (2023, 10), (2000, 1)]:
    print("\n".join(month_grid(y, m)))
    print()

# Two months side by side.
left, right = month_grid(2025, 3), month_grid(2025, 4)
rows = max(len(left), len(right))
left += [""] * (rows - len(left))
right += [""] * (rows - len(right))
for a, b in zip(left, right):
    print(f"{a:<20}   {b}".rstrip())

names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
for date in [(1969, 7, 20), (2000, 1, 1), (2024, 2, 29), (1900, 3, 1)]:
    print("%04d-%02d-%02d" % date, names[weekday(*date)])
print(sum(days_in_month(2024, m) for m in range(1, 13)), sum(days_in_month(1900, m) for m in range(1, 13)))
