# re global flags: several at the start ((?i)(?x)), after a comment or VERBOSE
# whitespace, and the error anywhere else (after an item, after |, in a group).
import re
for p in ["(?i)(?x) a", "(?#c)(?i)A", "a|(?i)b", "(?i)a(?m)", "((?i)a)", "(?x) (?i) a"]:
    try:
        print(p, re.compile(p).flags, bool(re.match(p, "A")))
    except re.error as e:
        print(p, e)
