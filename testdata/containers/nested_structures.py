school = {
    "classes": [
        {"name": "math", "students": ["ann", "bob"], "grades": {"ann": [90, 85], "bob": [70, 88]}},
        {"name": "art", "students": ["cy"], "grades": {"cy": [100]}},
    ],
    "year": 2024,
    "tags": ("public", "k12"),
    "meta": None,
}
print(school)
print(school["classes"][0]["grades"]["bob"][1], school["tags"][-1], len(school["classes"]))

for cls in school["classes"]:
    for student in cls["students"]:
        grades = cls["grades"][student]
        print(cls["name"], student, grades, sum(grades) / len(grades))

school["classes"][1]["students"].append("dee")
school["classes"][1]["grades"]["dee"] = []
print(school["classes"][1])

# Group records by a field.
records = [("fruit", "apple"), ("veg", "kale"), ("fruit", "fig"), ("grain", "rice"), ("veg", "leek"), ("fruit", "kiwi")]
groups = {}
for kind, name in records:
    groups.setdefault(kind, []).append(name)
print(groups)
print({k: len(v) for k, v in groups.items()})

# Deep copy by hand and compare.
def deep_copy(obj):
    if isinstance(obj, dict):
        return {k: deep_copy(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [deep_copy(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(deep_copy(v) for v in obj)
    return obj

clone = deep_copy(school)
print(clone == school, clone is school, clone["classes"] is school["classes"])
clone["classes"][0]["students"].clear()
print(school["classes"][0]["students"], clone["classes"][0]["students"], clone == school)

# Self-referencing containers print with an ellipsis.
loop = [1, 2]
loop.append(loop)
print(loop, len(loop), loop[2][2][0])
d = {"self": None}
d["self"] = d
print(d)
pair = ([], {})
pair[0].append(pair)
print(pair)
print([[], [[]], [[[]]]], {(): [], "": {}}, [(), (1,), ((),)])
