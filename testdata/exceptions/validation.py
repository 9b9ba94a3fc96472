records = [
    "ann,31,ann@example.com",
    "bob,abc,bob@example.com",
    "cy,-4,cy@example",
    ",22,nobody@example.com",
    "dee,45",
    "eve,28,eve@example.org,extra",
    "fay,200,fay@example.com",
    "gus,19,gus@example.net",
]

def parse(line):
    fields = line.split(",")
    if len(fields) != 3:
        raise ValueError(f"expected 3 fields, got {len(fields)}")
    name, age_text, email = fields
    if not name:
        raise ValueError("empty name")
    try:
        age = int(age_text)
    except ValueError:
        raise ValueError(f"age is not a number: {age_text!r}") from None
    if not 0 <= age <= 150:
        raise ValueError(f"age out of range: {age}")
    if "@" not in email or "." not in email.split("@")[1]:
        raise ValueError(f"invalid email: {email!r}")
    return {"name": name, "age": age, "email": email}

good = []
bad = []
for number, line in enumerate(records, 1):
    try:
        good.append(parse(line))
    except ValueError as e:
        bad.append((number, str(e)))

print(len(good), "valid records")
for rec in good:
    print(" ", rec)
print(len(bad), "errors")
for number, message in bad:
    print(f"  line {number}: {message}")

def safe_divide(a, b, default=None):
    try:
        return a / b
    except ZeroDivisionError:
        return default
    except TypeError as e:
        return f"type problem: {e}"

print(safe_divide(1, 4), safe_divide(1, 0), safe_divide(1, 0, 0.0), safe_divide("1", 2))

def average_age(rows):
    try:
        total = sum(r["age"] for r in rows)
        return total / len(rows)
    except ZeroDivisionError:
        return None
    except KeyError as e:
        return f"missing field {e}"

print(average_age(good), average_age([]), average_age([{"name": "x"}]))
