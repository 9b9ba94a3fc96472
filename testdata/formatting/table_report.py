sales = [
    ("North", "Q1", 12500.5), ("North", "Q2", 13900.0), ("North", "Q3", 9800.25), ("North", "Q4", 15020.0),
    ("South", "Q1", 8020.0), ("South", "Q2", 7600.75), ("South", "Q3", 11110.0), ("South", "Q4", 10200.0),
    ("East", "Q1", 20100.0), ("East", "Q2", 0.0), ("East", "Q3", 18750.5), ("East", "Q4", 21000.99),
]
regions = []
quarters = []
table = {}
for region, quarter, amount in sales:
    if region not in regions:
        regions.append(region)
    if quarter not in quarters:
        quarters.append(quarter)
    table[(region, quarter)] = amount

col = 11
header = "Region".ljust(8) + "".join(q.rjust(col) for q in quarters) + "Total".rjust(col + 2)
print(header)
print("=" * len(header))
col_totals = {q: 0.0 for q in quarters}
for region in regions:
    cells = []
    row_total = 0.0
    for q in quarters:
        v = table[(region, q)]
        row_total += v
        col_totals[q] += v
        cells.append(f"{v:>{col},.2f}" if v else "-".rjust(col))
    print(region.ljust(8) + "".join(cells) + f"{row_total:>{col + 2},.2f}")
print("-" * len(header))
grand = sum(col_totals.values())
print("Total".ljust(8) + "".join(f"{col_totals[q]:>{col},.2f}" for q in quarters) + f"{grand:>{col + 2},.2f}")
print()

# Share of total per region as a bar chart.
for region in regions:
    total = sum(table[(region, q)] for q in quarters)
    share = total / grand
    print(f"{region:<6} {share:6.1%} {'#' * round(share * 40)}")

# Best and worst quarter per region.
for region in regions:
    ranked = sorted(quarters, key=lambda q: table[(region, q)])
    print(f"{region}: worst {ranked[0]} ({table[(region, ranked[0])]:,.0f}), best {ranked[-1]} ({table[(region, ranked[-1])]:,.0f})")
growth = [(q2, (table[("North", q2)] - table[("North", q1)]) / table[("North", q1)]) for q1, q2 in zip(quarters, quarters[1:])]
print(", ".join(f"{q}: {g:+.2%}" for q, g in growth))
