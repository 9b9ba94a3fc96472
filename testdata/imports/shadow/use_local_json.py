import json

print(json.__name__)
print(json.dumps({"a": 1, "b": [True, None, "x"]}))
