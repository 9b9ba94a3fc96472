# re IGNORECASE beyond ASCII: the Kelvin sign, the long s, dotless and dotted i,
# Greek sigma forms, the micro sign; in literals, classes, negated classes and
# backreferences (which compare lowercase only, as sre's GROUPREF_IGNORE).
import re
for p, s in [("(?i)k", "\u212a"), ("(?i)\u212a", "k"), ("(?i)s", "\u017f"), ("(?i)\u017f", "S"), ("(?i)[a-z]", "\u212a"), ("(?i)[s]", "\u017f"),
             ("(?i)[\u017f]", "s"), ("(?i)\u00df", "SS"), ("(?i)i", "\u0131"), ("(?i)I", "\u0131"), ("(?i)\u0131", "I"), ("(?i)\u03c3", "\u03c2"),
             ("(?i)\u03a3", "\u03c2"), ("(?i)[\u03c3]", "\u03a3"), ("(?i)\u00b5", "\u039c"), ("(?i)[^s]", "\u017f"), ("(?i)(s)\\1", "s\u017f"),
             ("(?i)\u0130", "i"), ("(?i)i", "\u0130")]:
    m = re.match(p, s)
    print(ascii(p), ascii(s), m is not None)
