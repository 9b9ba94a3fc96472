import sys

REQUIRED = ("host", "port", "user")

def check(config):
    missing = [key for key in REQUIRED if key not in config]
    if missing:
        print("missing keys:", ", ".join(missing), file=sys.stderr)
        sys.exit(3)
    if not isinstance(config["port"], int):
        print("port must be an int", file=sys.stderr)
        sys.exit(4)
    print("config ok:", sorted(config.items()))

configs = [
    {"host": "a.example", "port": 80, "user": "root"},
    {"host": "b.example", "port": 443, "user": "web", "extra": True},
    {"host": "c.example"},
    {"host": "d.example", "port": "x", "user": "u"},
]
for i, config in enumerate(configs):
    print("checking config", i)
    check(config)
print("not reached")
