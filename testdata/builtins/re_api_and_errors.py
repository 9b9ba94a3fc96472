# re's API: flags and their reprs, Pattern and Match objects (pos and
# endpos, group by index and name, groupdict, expand, regs, reprs, equality),
# sub with templates and functions, split with groups and maxsplit, findall
# with groups, escape, and re.error's message, msg, pos, lineno and colno
# for 33 malformed patterns and 8 malformed templates, OverflowError, and
# the TypeErrors and ValueErrors of bad arguments and flags.
import re
print(repr(re.A|re.I), repr(re.M|re.I), repr(re.X|re.S|re.A), repr(re.I|1024), repr(re.compile('a', re.I|re.A)), repr(re.compile('a', re.U)), repr(re.compile('a\nb\'"')), repr(re.NOFLAG), str(re.I|re.M))
print(re.sub('(a)', r'\g<1>x\1\n\\\\', 'aa'), re.sub('a', r'\.', 'a'))
for t in [r'\q', r'\g<5>', r'\g<x>', r'\g<', r'\g<1', r'\5', r'\g<a-b>', '\\']:
    try: print(repr(t), re.sub('(a)', t, 'a'))
    except Exception as e: print(repr(t), type(e).__name__, e)
m = re.search(r'(?P<x>a)(b)?', 'ac')
print(m, m.lastindex, m.lastgroup, m.groups(), m.groups('-'), m.groupdict(), m.span(2), m.start(), m[0], m['x'], m.regs)
try: m.group(3)
except IndexError as e: print(e)
print(re.compile('a').flags, re.compile('(?i)a').flags, re.compile('a', re.A).flags, re.compile('(?x) a').pattern)
print(re.split(r'(,)', 'a,b,c', maxsplit=1), re.split(',', 'a,b'), re.split('x*', 'axbc'), re.findall(r'(a)(b)?', 'ab a'), re.escape('a.b*c d-e_f'))
print(re.compile(r'(?P<n>\w+)').groupindex, type(re.compile('a')), type(re.match('a','a')))
print(re.match(r'(a|)*','aa').group(1), re.match(r'(a*)*','aa').groups(), re.match(r'(a|b)*?c','abc').groups())
print(re.sub(r'x*', '-', 'abxd'), re.split(r'\b', 'a b'), re.findall(r'\w*', 'a b'))
p = re.compile(r'(\w)(\d)?')
print(p.search('  a1 b', 2), p.search('  a1 b', 2, 3), p.match('  a1', 2), p.fullmatch('a1', 0, 2), p.search('abc', 5), p.search('abc', -5, 100))
print(p.findall('a1 b c2', 1, 5), [m.group() for m in p.finditer('a1 b c2', 3)])
m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe x')
print(m.group(0, 1, 'last'), m.groupdict(), m.expand(r'\g<last>, \1!'), m.pos, m.endpos, m.re.pattern, m.string)
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'a1 b22 c333'))
print(re.sub(r'(?P<w>\w+)', r'[\g<w>]', 'ab cd'), re.sub(r'a', r'\n\t\\', 'xa'))
print(re.split(r'\s*,\s*', 'a , b,c  ,d', maxsplit=2), re.split(r'(a)|b', 'xaybz'))
print(re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'))
print(re.compile('a') == re.compile('a'), re.compile('a') is re.compile('a'), hash(re.compile('x')) == hash(re.compile('x')))
print(re.escape('1.5*[x]'), re.escape('été'), re.purge())
bad = ['a**', '*a', '^*', 'a{2,1}', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '(?P=b)', '\\2(a)', '(a)\\2', '[z-a]', '[a', 'a)',
       '\\q', '(?<=a+)b', '(?x', '(?z)', '(?P', '(?P<', '(?P<a', '(?', 'a|*', '(?i)a(?m)', '[\\d-z]', '(?<a>x)',
       '\\x4', '\\u12', '(a', '((a)', 'a\n(b', '(?#abc', '[]', '(?i', '\\']
for b in bad:
    try:
        re.compile(b)
        print(repr(b), 'compiles')
    except re.error as e:
        print(repr(b), e, '|', e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile('x{99999999999}')
except OverflowError as e:
    print('OverflowError', e)
for args in [('a', 5), (5, 'a')]:
    try:
        re.search(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print(e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e:
    print(e)
print(re.I in (re.I | re.M), re.I | re.M, int(re.DOTALL), re.VERBOSE.value, re.X is re.VERBOSE)
print(re.compile(r'(?i)a').flags == re.I | re.U, re.compile('b', re.I | re.M))
