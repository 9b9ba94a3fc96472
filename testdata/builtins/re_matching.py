# re matching: 62 patterns (greedy, lazy and possessive repeats, counted
# repeats, alternation, groups and backreferences, lookahead and lookbehind,
# atomic groups, anchors with and without MULTILINE, word boundaries,
# classes, escapes, IGNORECASE, DOTALL, VERBOSE, ASCII, Unicode text, empty
# matches and loops whose body can match nothing), each through search,
# match, fullmatch (spans, groups, lastindex, lastgroup), findall, sub,
# subn, split and finditer.
import re
cases = [
    (r'a+', 'caaat'), (r'a+?', 'caaat'), (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'(a+)(b+)?', 'aaac'),
    (r'^abc$', 'abc\n'), (r'^abc\Z', 'abc\n'), (r'(?m)^b$', 'a\nb\nc'), (r'^b$', 'a\nb\nc'),
    (r'\bfoo\b', 'a foo b'), (r'\Bfoo', 'afoo'), (r'\d+\.\d*', 'pi 3.14159!'), (r'[^\W\d]+', '12ab_c3'),
    (r'(\w+)\s+\1', 'hello hello world'), (r'(?P<q>["\']).*?(?P=q)', 'say "hi" now'),
    (r'(?i)straße', 'STRASSE Straße'), (r'(?i)[a-z]+', 'ABC def'), (r'(?s)a.b', 'a\nb'), (r'a.b', 'a\nb'),
    (r'x*', 'abc'), (r'(?=abc)a', 'xabc'), (r'(?!abc)a', 'abcab'), (r'(?<=\$)\d+', 'cost $42'),
    (r'(?<!\$)\b\d+', 'cost $42 or 17'), (r'(?>a+)b', 'aaab'), (r'(?>a+)ab', 'aaab'), (r'a++b', 'aab'),
    (r'a{2,3}', 'aaaa'), (r'a{2,3}?', 'aaaa'), (r'a{,2}', 'aaa'), (r'a{3}', 'aa'), (r'(ab){2}', 'ababab'),
    (r'(a)|(b)', 'b'), (r'((a)|b)+', 'ab'), (r'(a*)+b', 'aab'), (r'(a|b)*c', 'abac'), (r'', 'abc'),
    (r'[]a]+', 'a]a'), (r'[a-]+', 'a-a'), (r'[\d\s]+', 'x1 2y'), (r'\x41\u00e9\n', 'A\u00e9\n'),
    (r'\w+', 'héllo wörld'), (r'(?a)\w+', 'héllo'), (r'\d', '٣'), (r'(?a)\d', '٣'), (r'\s+', 'a\u3000b'),
    (r'(?x) a b  # comment\n c', 'abc'), (r'(?x)[ ]a', ' a'), (r'\$\^\.', '$^.'), (r'(?:ab)+', 'ababx'),
    (r'(a)(?:b)(c)', 'abc'), (r'(?i:A)b', 'aB ab'), (r'((a)(b))', 'ab'), (r'(a)()', 'a'), (r'(a())', 'a'),
    (r'(?:(a)|(b))*', 'ba'), (r'.*?x', 'aaxbx'), (r'[\u0400-\u04ff]+', 'abc привет'),
    (r'\\', 'a\\b'), (r'a|b|', 'c'), (r'(a?)*?b', 'aab'), (r'\0', '\x00'), (r'[\0-\x1f]', 'a\tb'),
]
for p, s in cases:
    for fn in (re.search, re.match, re.fullmatch):
        m = fn(p, s)
        print(fn.__name__, repr(p), repr(s), m and (m.span(), m.groups(), m.lastindex, m.lastgroup))
    print('findall', re.findall(p, s))
    print('sub', re.sub(p, '<\\g<0>>', s), re.subn(p, '#', s, count=2))
    print('split', re.split(p, s))
    print('iter', [m.span() for m in re.finditer(p, s)])
