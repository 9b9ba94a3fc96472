# json.dumps and the encoder: every kind of value with ensure_ascii, indent (a
# number or a string), separators and sort_keys; the errors (NaN with
# allow_nan=False, worded as CPython's C encoder without indent and as its
# Python one with it; bad keys; circular containers; unsortable keys),
# skipkeys, default= and a JSONEncoder subclass, iterencode, int, float and
# str subclasses, dump and load through a file, and round trips.
import json
values = [None, True, False, 0, -7, 2**70, 1.5, 1e100, -0.0, 'plain', 'q"\\\n\t\x01\x7f é😀',
          [1, [2, [3]]], (1, 2), {'b': 1, 'a': [1, {}], 'c': {}}, [], {}, {1: 2, 2.5: 3, True: 4, None: 5, False: 6}]
for v in values:
    print(json.dumps(v))
    print(json.dumps(v, ensure_ascii=False))
    print(json.dumps(v, indent=2, sort_keys=isinstance(v, dict) and all(isinstance(k, str) for k in v)))
    print(json.dumps(v, indent='\t', separators=(',', ':')))
    print(json.dumps(v, separators=(',', ':')))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
for ind in (None, 0, 2):
    for bad in ([float('inf')], {(1, 2): 3}, object()):
        try:
            json.dumps(bad, allow_nan=False, indent=ind)
        except (ValueError, TypeError) as e:
            print(ind, type(e).__name__, e)
    a = []
    a.append(a)
    try:
        json.dumps(a, indent=ind)
    except ValueError as e:
        print(ind, e)
    try:
        json.dumps({1: 2, 'a': 3}, sort_keys=True, indent=ind)
    except TypeError as e:
        print(ind, e)
print(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True))
print(json.dumps({'x': {1, 2}}, default=sorted))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(PointEncoder(indent=1).encode({'p': Point(0, 0)}))
print(list(json.JSONEncoder().iterencode({'a': [1, 2]})) != [])
print(''.join(json.JSONEncoder(indent=2).iterencode({'a': [1, 2]})))
class MyInt(int): pass
class MyFloat(float): pass
class MyStr(str): pass
print(json.dumps([MyInt(3), MyFloat(2.5), MyStr('s'), {MyStr('k'): MyInt(1)}]))
import io
buf = io.StringIO()
json.dump({'a': [1, 2, None]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
big = {'items': [{'id': i, 'name': 'item%d' % i, 'tags': ['t%d' % (i % 3)], 'score': i / 7} for i in range(200)]}
text = json.dumps(big, sort_keys=True)
print(len(text), json.loads(text) == big)
text2 = json.dumps(big, indent=4)
print(len(text2), json.loads(text2) == big)
print(json.loads(json.dumps('é\u2028\U0001f600')) == 'é\u2028\U0001f600')
print(json.__all__)
