def validate(user):
    name, email, age = user["name"], user["email"], user["age"]
    if not name:
        raise ValueError("missing name")
    if not 0 < age < 130:
        raise ValueError("bad age", age)
    if "@" not in email:
        raise ValueError("invalid email", email, 2)
    return True

users = [
    {"name": "ann", "email": "ann@example.com", "age": 30},
    {"name": "", "email": "x@y.z", "age": 3},
    {"name": "bob", "email": "bob@example.com", "age": 200},
    {"name": "cy", "email": "nobody", "age": 41},
]
for user in users[:3]:
    try:
        print(user["name"] or "?", validate(user))
    except ValueError as e:
        print("invalid:", e, e.args)
print("now validating without a handler")
for user in [users[0], users[3]]:
    print(validate(user))
