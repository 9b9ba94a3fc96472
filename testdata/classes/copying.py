# copy.copy and copy.deepcopy of class instances (plain, with shared and
# cyclic references, subclasses of list, and __copy__/__deepcopy__ hooks).
import copy

class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []
    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"

leaf = Node("leaf")
root = Node("root", [leaf, Node("mid", [leaf])])
shallow = copy.copy(root)
deep = copy.deepcopy(root)
print(shallow, shallow is root, shallow.children is root.children)
print(deep, deep.children is root.children, deep.children[0] is deep.children[1].children[0])
root.children.append(Node("new"))
print(len(shallow.children), len(deep.children))

class Ring:
    pass
r = Ring()
r.me = r
r2 = copy.deepcopy(r)
print(r2.me is r2, r2 is r)

class Stack(list):
    def top(self):
        return self[-1]
s = Stack([[1], [2]])
s.label = "s"
s2 = copy.deepcopy(s)
s3 = copy.copy(s)
print(s2, type(s2).__name__, s2.top(), s2.label, s2[0] is s[0], s3[0] is s[0])

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        return Custom(self.v + 1)
    def __deepcopy__(self, memo):
        return Custom(self.v * 10)
print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(2)).v, copy.deepcopy([Custom(3)])[0].v)
