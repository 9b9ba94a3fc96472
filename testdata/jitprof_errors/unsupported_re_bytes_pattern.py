import re
print("str patterns match:", re.search(r"b+", "abbc").span())
re.compile(b"a+")
print("not reached")
