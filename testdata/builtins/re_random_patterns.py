# re on 1500 random patterns of special characters, groups, flags and escapes:
# whether each compiles and what findall gives on five subjects. Patterns that
# CPython warns about (nested sets, set operators) are left out: jitprof has no
# warnings.
import random, re
random.seed(7)
alpha = list('ab)[]{}?*+|^$.\\-,:=!<>#0123PwdsbBAZxu ') + ['(?P<n>', '(?P=n)', '(?<=', '(?<!', '(?>', '\\1', '{2,3}', '{,2}', '(?i)', '(?x)', '(?m:', '[^', '\\d', '\\x4', '\\u00e9', 'é']
errs = ok = 0
for i in range(1500):
    p = ''.join(random.choice(alpha) for _ in range(random.randint(1, 12)))
    if '(?(' in p or '\\N' in p: continue
    if p.count('[') > 1 or any(op in p for op in ('--', '&&', '||', '~~')): continue
    try:
        c = re.compile(p)
    except (re.error, OverflowError):
        errs += 1; print("E", ascii(p))
        continue
    for s in ('', 'ab', 'aab b', 'é a1 B', 'abab\nba'):
        c.search(s); c.findall(s); c.sub('x', s); c.split(s); c.fullmatch(s)
    ok += 1; print("M", ascii(p), [c.findall(s) for s in ("", "ab", "aab b", "é a1 B", "abab\nba")])

