text = "the quick brown fox jumps over the lazy dog; the end"
print(text.find("the"), text.find("the", 1), text.rfind("the"), text.find("cat"), text.rfind("the", 0, 30))
print(text.index("fox"), text.rindex("o"), text.count("the"), text.count("o"), text.count(""), "aaaa".count("aa"))
print(text.startswith("the"), text.startswith("quick", 4), text.endswith("end"), text.endswith(("dog", "end")))
print(text.startswith(("a", "b", "t")), "".startswith(""), "abc".endswith(""), "abc".find(""), "abc".rfind(""))
print("fox" in text, "cat" not in text, "" in "abc", "The" in text)
print(text.replace("the", "THE"))
print(text.replace("the", "a", 2))
print("aaa".replace("a", "aa"), "abc".replace("", "-"), "banana".replace("na", ""), "x".replace("y", "z"))

# Find all occurrences of a word.
def find_all(haystack, needle):
    positions = []
    start = haystack.find(needle)
    while start != -1:
        positions.append(start)
        start = haystack.find(needle, start + 1)
    return positions

print(find_all(text, "the"), find_all("aaaaa", "aa"), find_all("abc", "z"))

# Simple template substitution.
template = "Dear {name}, your order #{order} ships on {day}. Thanks, {name}!"
values = {"name": "Ada", "order": "1042", "day": "Monday"}
result = template
for key, value in values.items():
    result = result.replace("{" + key + "}", value)
print(result)

# Censor words from a list.
banned = ["darn", "heck"]
message = "Darn it, what the heck is this darn thing"
words = message.split()
cleaned = []
for w in words:
    core = w.strip(",.!?").lower()
    cleaned.append("*" * len(w) if core in banned else w)
print(" ".join(cleaned))

# Extract text between markers.
log = "[INFO] started; [WARN] disk low; [ERROR] failed; [INFO] retry"
pos = 0
while True:
    open_at = log.find("[", pos)
    if open_at == -1:
        break
    close_at = log.find("]", open_at)
    print(log[open_at + 1:close_at], "->", log[close_at + 2:log.find(";", close_at) if ";" in log[close_at:] else len(log)])
    pos = close_at
try:
    text.index("cat")
except ValueError as e:
    print("ValueError:", e)
