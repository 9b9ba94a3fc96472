# json.loads and the decoder: every kind of value, the C scanner's error
# messages and positions (in characters, also in documents that are not
# ASCII), the hooks (object_hook, object_pairs_hook, parse_float,
# parse_int, parse_constant), strict=False, bytes input, raw_decode, str
# subclasses, nesting past the recursion limit, big and edge numbers.
import json
import json.decoder
from json import JSONDecodeError

docs = ['{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n"}}',
        '  [1, "x", {"y": []}, {}]  ', '"\\ud83d\\ude00"', '-0', '1E+2', '123456789012345678901234567890',
        '"é ü \\"q\\""', '{"k": "v", "k": "w"}', 'NaN', '[Infinity, -Infinity]', '0.1', '[1e400]']
for d in docs:
    print(repr(json.loads(d)))

bad = ['"a\x01"', '"abc', '"a\\q"', '"\\u12"', '"\\u12x4"', '[1,]', '{"a":1,}', '{,}', '[1 2]', '{"a" 1}',
       '', '  ', 'nul', '-', '-I', '01', '1.', '1e', '1.5e+', '[', '{', '{"a":', '"\\u1234', 'é', '[1,\n 2,\n x]',
       '"\\ud800\\uzzzz"', '{"a": 1 "b": 2}', '\ufeff[]', '[1] x']
for d in bad:
    try:
        print(repr(d), '->', repr(json.loads(d)))
    except JSONDecodeError as e:
        print(repr(d), '!', e, '|', e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))

print(json.loads('"a\x01b"', strict=False))
print(json.loads('{"a": 1, "b": [2]}', object_pairs_hook=lambda p: ('pairs', p)))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, NaN]', parse_float=lambda s: 'F' + s, parse_int=lambda s: 'I' + s, parse_constant=lambda s: 'C' + s))
print(json.loads(b'[1, "\xc3\xa9"]'))
print(json.decoder.JSONDecoder().raw_decode('[1] tail'))
print(json.JSONDecodeError is json.decoder.JSONDecodeError, JSONDecodeError.__module__, JSONDecodeError.__name__)
try:
    json.loads(5)
except TypeError as e:
    print(e)

# positions count characters in documents that are not ASCII
for d in ['{"é": 1, "ü": x}', '["ééé", "\x01"]', '"é\\q"', '{"ключ": "значение", "n": [1, 2, 3}', '["😀😀", 1 2]']:
    try:
        print(json.loads(d))
    except json.JSONDecodeError as e:
        print(e)
print(json.loads('{"ключ": "значение", "n": [1, 2, 3]}'))
class S(str): pass
print(json.loads(S('[1, 2]')))
deep = '[' * 5000 + ']' * 5000
try:
    json.loads(deep)
except RecursionError as e:
    print('RecursionError', e)
deep = '{"a":' * 5000 + '1' + '}' * 5000
try:
    json.loads(deep)
except RecursionError as e:
    print('RecursionError', e)
x = json.loads('[' * 200 + ']' * 200)
n = 0
while x:
    x = x[0]
    n += 1
print(n)
print(json.dumps(json.loads('[1.0, 1e-7, 123456789.123456789, 1.7976931348623157e308, 5e-324]')))
print(json.loads('-12345678901234567890123'), json.loads('9223372036854775807'), json.loads('9223372036854775808'), json.loads('-9223372036854775808'))
print(json.loads(' \t\n\r 1 \r\n\t '))
print(json.decoder.scanstring('"abc" tail', 1) if hasattr(json.decoder, 'scanstring') else None)
try:
    json.loads('[1, 2', )
except ValueError as e:
    print(type(e).__name__, e.args)
