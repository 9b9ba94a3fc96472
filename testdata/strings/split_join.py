line = "  alpha  beta\tgamma\n delta  "
print(line.split())
print(line.split(" "))
print(line.split(None, 1))
print(line.rsplit(None, 1))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 2))
print("a,b,,c,".rsplit(",", 2))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"))
print("one::two::three".split("::"))
print("line1\nline2\r\nline3\rline4\n".splitlines())
print("line1\nline2\n\n".splitlines(True))
print("no newline".splitlines(), "".splitlines())
print("key=value=more".partition("="), "novalue".partition("="), "a=b".rpartition("="))
print("key=value=more".rpartition("="), "none".rpartition("="))
print("-".join(["a", "b", "c"]), "".join(["x", "y"]), ", ".join([]), "/".join("abc"))
print(" ".join(str(n) for n in range(5)), "+".join(reversed("123")))

# Parse a simple config file.
config_text = """
# comment line
name = demo app
port=8080
debug = true
  path = /usr/local/bin
empty =
malformed line
"""
settings = {}
for raw in config_text.splitlines():
    stripped = raw.strip()
    if not stripped or stripped.startswith("#"):
        continue
    key, sep, value = stripped.partition("=")
    if not sep:
        print("skipping:", repr(stripped))
        continue
    settings[key.strip()] = value.strip()
print(settings)

# Reformat a path and a CSV row.
path = "/usr/local/lib/python3/site-packages"
parts = path.split("/")
print(parts, len(parts))
print(" > ".join(p for p in parts if p))
row = "Smith, John ,42, engineer ,  "
fields = [f.strip() for f in row.split(",")]
print(fields)
print("|".join(f.upper() if f else "<empty>" for f in fields))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
