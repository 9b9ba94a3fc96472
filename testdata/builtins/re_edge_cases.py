# re edge cases: IGNORECASE with backreferences, classes and Unicode case pairs; $ and \Z
# before trailing newlines; anchors and boundaries in empty text; backreferences to
# unmatched groups; scoped flags; zero repeats; lookbehind alternatives; empty
# patterns in split and sub; fullmatch backtracking into alternatives; lastindex;
# negative counts and maxsplit; pos and endpos out of range; text that is not ASCII.
import re
tests = [
    (r'(?i)(a)\1', 'aA'), (r'(?i)[^a]', 'A'), (r'(?i)ǅ', 'ǆ'), (r'(?i)[k]', 'K'), (r'(?i)K', 'k'),
    (r'$', 'a\n'), (r'a$', 'a\n\n'), (r'(?m)a$', 'a\n\n'), (r'\Z', 'a\n'), (r'^', ''), (r'\b', ''), (r'\B', ''),
    (r'(a)|\1', 'x'), (r'(a)?\1', 'b'), (r'(?:a|b)+?c', 'ababc'), (r'(a+|b+)*c', 'aabbc'), (r'a*?$', 'aaa'),
    (r'[\w-]+', 'a-b c'), (r'[a\-z]+', 'a-z'), (r'[\]]', ']'), (r'[^]]+', 'ab]'), (r'[.]', 'a.'),
    (r'(?s:.)a', '\na'), (r'(?-i:a)', 'A'), (r'(?i)(?-i:a)A', 'aA'), (r'x{0}y', 'y'), (r'(x){0,1}?y', 'xy'),
    (r'(?<=ab)c', 'abc'), (r'(?<!a)b', 'ab cb'), (r'(?<=a|b)c', 'bc'), (r'(?=(a+))a*b\1', 'baaabac'),
    (r'(\d+)-(?P=x)?', '1-'), 
]
for p, s in tests:
    try:
        m = re.search(p, s)
        print(repr(p), repr(s), m and (m.span(), m.groups()), re.findall(p, s), re.sub(p, '|', s))
    except re.error as e:
        print(repr(p), 'error', e)
print(re.split(r'x*', 'axxb', maxsplit=2), re.split(r'', 'abc'), re.sub('', '-', 'abc'), re.sub('a|', '-', 'bab'))
print(re.sub('a', 'b', 'aaaa', count=2), re.subn('(?:)', 'x', ''), re.findall('', ''), re.split(r'(?=b)', 'abab'))
print(re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'(?:a|ab)c?', 'ab'), re.match(r'(a)(?:(b)|c)*', 'abcb').groups())
print(re.search(r'(?P<a>x)(?P<b>y)?', 'x').lastgroup, re.search(r'((a)b)', 'ab').lastindex, re.search(r'(a)(b)', 'ab').lastindex, re.search(r'a', 'a').lastindex)
print(re.compile(r'\d+').sub(lambda m: '<%s>' % m.group(), 'a12b3', 1))
print(re.search(r'\w+', 'naïve café').group(), re.findall(r'(?a)\w+', 'naïve café'), re.findall(r'\S+', 'a\u00a0b c'))
print(re.findall(r'[^\x00-\x7f]', 'aé😀b'), re.search('😀+', 'x😀😀y').span())
print(re.sub('a', 'b', 'aaa', count=-1), re.subn('a', 'b', 'aaa', -2), re.split(',', 'a,b,c', maxsplit=-1), re.split(',', 'a,b,c', -5))
print(re.findall('a', 'aaaa', ) , re.compile('a').findall('aaaa', 1, 3), re.compile('a').findall('aaaa', -1, -2), re.compile('a').findall('aaaa', 10))
print(re.sub('(é)', r'<\1>', 'aébé'), re.split('(é)|x', 'aébxc'), re.findall('(é)(b)?', 'éébé'))
