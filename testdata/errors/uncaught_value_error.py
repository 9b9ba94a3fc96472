lines = ["10", "20", "  30 ", "-5", "1_000", "forty", "50"]
total = 0
seen = []
labels = {}

def parse_amount(text):
    value = int(text)
    if value < 0:
        print("  note: negative amount", value)
    return value

print("formats accepted:", [int(s) for s in ["1", " 2 ", "-3", "4_0"]])
print("parsing", len(lines), "lines")
print("sample:", parse_amount(" 7 "), parse_amount("+8"), parse_amount("0"))
for line in lines:
    value = parse_amount(line)
    total += value
    seen.append(value)
    print("read", value, "total", total)
print("final", total, seen)
