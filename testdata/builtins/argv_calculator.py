# args: 3 + 4 * 2 - 10 / 4
import sys

tokens = sys.argv[1:]
print("tokens:", tokens)

# Shunting-yard to postfix, then evaluate.
precedence = {"+": 1, "-": 1, "*": 2, "/": 2}
output = []
ops = []
for tok in tokens:
    if tok in precedence:
        while ops and precedence[ops[-1]] >= precedence[tok]:
            output.append(ops.pop())
        ops.append(tok)
    else:
        output.append(tok)
while ops:
    output.append(ops.pop())
print("postfix:", " ".join(output))

stack = []
for tok in output:
    if tok in precedence:
        b = stack.pop()
        a = stack.pop()
        if tok == "+":
            stack.append(a + b)
        elif tok == "-":
            stack.append(a - b)
        elif tok == "*":
            stack.append(a * b)
        else:
            stack.append(a / b)
    else:
        stack.append(int(tok))
result = stack[0]
print("result:", result, type(result).__name__)
print("as int:", int(result), "rounded:", round(result), "repr:", repr(result))
numbers = [int(t) for t in tokens if t.isdigit()]
print("numbers:", numbers, "sum:", sum(numbers), "max:", max(numbers), "min:", min(numbers))
print("operators:", sorted(set(t for t in tokens if t in precedence)), len(sys.argv))
