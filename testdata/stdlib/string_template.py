# string.Template was missing (AttributeError).
from string import Template
t = Template('$who likes ${what}; costs $$5 ${who}s')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}, what='kw'))
print(t.safe_substitute(who='x'), Template('$a$b').safe_substitute({'a': 1}), Template('${a').safe_substitute(a=1))
for bad in ['$', 'x $1', 'line1\nab ${x', 'trail $']:
    try:
        Template(bad).substitute(x=1)
    except ValueError as e:
        print('ValueError:', e)
try:
    Template('$missing').substitute()
except KeyError as e:
    print('KeyError:', e)
print(Template('$_a1 $A_b').substitute(_a1=1, A_b=[2]), Template('$é').safe_substitute(), Template('').substitute())
print(Template('x').template, Template.delimiter)
