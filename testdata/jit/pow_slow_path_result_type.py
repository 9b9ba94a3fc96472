# A float power site compiled to call pow() inline: its slow path (a base
# <= 0, an int power, an infinite result, other types) runs the instruction
# in the interpreter and rejoins with whatever it made, so the code after
# it must not take the result for a float (`z + 0.5`, `return z`).


def power_plus(x, y):
    z = x**y
    return z + 0.5


def power(x, y):
    return x**y


acc = 0.0
for i in range(1, 400):
    acc += power_plus(i * 0.01, 1.5) + power(2.0, -i * 0.01)
print("floats", acc)
print(power_plus(2, 3), power_plus(-8.0, 2.0), power_plus(3, 40), power_plus(2, -2))
print(power(2, 3), power(-8.0, 2.0), power(3, 40), power(2, -2), power(10.0, 400.0) if False else power(4, 0.5))
try:
    power_plus(10.0, 400.0)
except OverflowError as e:
    print("OverflowError", e)
