import re
print("plain escapes work:", re.match(r"\x31\u0032", "12").group())
re.compile(r"\N{DIGIT ONE}")
print("not reached")
