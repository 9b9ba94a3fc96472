def area(shape, *dims):
    if shape == "square":
        (side,) = dims
        return side * side
    if shape == "rect":
        w, h = dims
        return w * h
    if shape == "triangle":
        base, height = dims
        return base * height / 2
    return not_done_yet(shape)

def not_done_yet(shape):
    print("no formula for", shape)
    raise NotImplementedError

shapes = [("square", 3), ("rect", 2, 5), ("triangle", 4, 3), ("circle", 1), ("square", 9)]
total = 0
for shape, *dims in shapes:
    a = area(shape, *dims)
    total += a
    print(shape, dims, "->", a)
print("total", total)
