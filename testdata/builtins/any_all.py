print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any([0, 0, 1]), all([1, 1, 0]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 2, -5]), any(""), all(""), any("a"), all([[]]))

checked = []
def positive(x):
    checked.append(x)
    return x > 0

print(all(positive(x) for x in [3, 2, -1, 4, 5]), checked)
checked.clear()
print(any(positive(x) for x in [-3, -2, 7, 4, 5]), checked)
checked.clear()
print(all(map(positive, [])), any(map(positive, [])), checked)

# Validate a password with several rules.
def check_password(pw):
    rules = [
        ("length >= 8", len(pw) >= 8),
        ("has digit", any(c.isdigit() for c in pw)),
        ("has upper", any(c.isupper() for c in pw)),
        ("has lower", any(c.islower() for c in pw)),
        ("no spaces", not any(c.isspace() for c in pw)),
        ("not all same", not all(c == pw[0] for c in pw) if pw else False),
    ]
    failed = [name for name, ok in rules if not ok]
    return all(ok for _, ok in rules), failed

for pw in ["hunter2", "Password1", "P4ss word", "AAAAAAAA", "", "Tr0ub4dor&3"]:
    print(repr(pw), check_password(pw))

# Grid checks: is a sudoku row/column/box valid?
grid = [
    [5, 3, 4, 6, 7, 8, 9, 1, 2],
    [6, 7, 2, 1, 9, 5, 3, 4, 8],
    [1, 9, 8, 3, 4, 2, 5, 6, 7],
    [8, 5, 9, 7, 6, 1, 4, 2, 3],
    [4, 2, 6, 8, 5, 3, 7, 9, 1],
    [7, 1, 3, 9, 2, 4, 8, 5, 6],
    [9, 6, 1, 5, 3, 7, 2, 8, 4],
    [2, 8, 7, 4, 1, 9, 6, 3, 5],
    [3, 4, 5, 2, 8, 6, 1, 7, 9],
]
def valid_group(group):
    return sorted(group) == list(range(1, 10))
rows_ok = all(valid_group(row) for row in grid)
cols_ok = all(valid_group([grid[r][c] for r in range(9)]) for c in range(9))
boxes_ok = all(valid_group([grid[r][c] for r in range(br, br + 3) for c in range(bc, bc + 3)])
               for br in range(0, 9, 3) for bc in range(0, 9, 3))
print(rows_ok, cols_ok, boxes_ok)
grid[0][0], grid[0][1] = grid[0][1], grid[0][0]
print(all(valid_group(row) for row in grid), all(valid_group([grid[r][c] for r in range(9)]) for c in range(9)))
print(any(0 in row for row in grid), all(len(row) == 9 for row in grid), any(sum(row) != 45 for row in grid))
