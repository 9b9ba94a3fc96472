import sys

records = ["id=1;name=ann", "id=2;name=bob", "id=3name=cy", "id=4;name=dee"]
parsed = []

def parse(record):
    fields = {}
    for part in record.split(";"):
        if "=" not in part:
            return None
        key, value = part.split("=", 1)
        fields[key] = value
    return fields

for i, r in enumerate(records):
    fields = parse(r)
    if fields is None or len(fields) != 2:
        print(f"parsed {len(parsed)} records before failure")
        sys.exit(f"fatal: record {i} is malformed: {r!r}")
    parsed.append(fields)
    print("record", i, "fine:", fields)
print("not reached")
