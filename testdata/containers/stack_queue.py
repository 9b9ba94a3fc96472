def balanced(text):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for i, ch in enumerate(text):
        if ch in "([{":
            stack.append((ch, i))
        elif ch in pairs:
            if not stack or stack[-1][0] != pairs[ch]:
                return f"unexpected {ch!r} at {i}"
            stack.pop()
    if stack:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    return "ok"

for t in ["(a[b]{c})", "((]", "{[()()]}", "(((", "", "a)b", "[{]}"]:
    print(repr(t), balanced(t))

def rpn(expr):
    stack = []
    for tok in expr.split():
        if tok in ("+", "-", "*", "/"):
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
    return stack.pop()

for e in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "10 4 /", "7 2 - 3 -"]:
    print(e, "=", repr(rpn(e)))

# A queue served round robin.
queue = [("job1", 3), ("job2", 1), ("job3", 2)]
quantum = 1
tick = 0
while queue:
    name, remaining = queue.pop(0)
    tick += quantum
    remaining -= quantum
    if remaining > 0:
        queue.append((name, remaining))
        print(tick, name, "runs, left", remaining)
    else:
        print(tick, name, "finished")

# Undo stack.
text = ""
history = []
for op in ["type:Hello", "type: world", "undo", "type:, there", "type:!", "undo", "undo", "undo", "undo"]:
    if op == "undo":
        if history:
            text = history.pop()
        else:
            print("nothing to undo")
    else:
        history.append(text)
        text += op[5:]
    print(repr(text), len(history))
