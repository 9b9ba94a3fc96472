def load_config(text):
    settings = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, value = line.split("=")
        settings[key.strip()] = value.strip()
    return settings

def start(text):
    try:
        return load_config(text)
    except ValueError as e:
        raise RuntimeError("could not parse configuration") from e

good = """# server
host = example.org
port = 8080
"""
bad = """host = example.org
this line is broken
port = 1
"""
config = start(good)
print(config)
print(sorted(config), len(config))
print(start(bad))
