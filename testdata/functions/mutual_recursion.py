def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([(n, is_even(n), is_odd(n)) for n in range(6)], is_even(300))

# Recursive descent parser and evaluator for arithmetic expressions.
def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(int(text[i:j]))
            i = j
        else:
            tokens.append(ch)
            i += 1
    return tokens

def parse_expr(tokens, pos):
    value, pos = parse_term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("+", "-"):
        op = tokens[pos]
        rhs, pos = parse_term(tokens, pos + 1)
        value = value + rhs if op == "+" else value - rhs
    return value, pos

def parse_term(tokens, pos):
    value, pos = parse_factor(tokens, pos)
    while pos < len(tokens) and tokens[pos] in ("*", "/", "%"):
        op = tokens[pos]
        rhs, pos = parse_factor(tokens, pos + 1)
        if op == "*":
            value = value * rhs
        elif op == "/":
            value = value // rhs
        else:
            value = value % rhs
    return value, pos

def parse_factor(tokens, pos):
    tok = tokens[pos]
    if tok == "-":
        value, pos = parse_factor(tokens, pos + 1)
        return -value, pos
    if tok == "(":
        value, pos = parse_expr(tokens, pos + 1)
        if tokens[pos] != ")":
            raise SyntaxError("expected )")
        return value, pos + 1
    return tok, pos + 1

def evaluate(text):
    value, pos = parse_expr(tokenize(text), 0)
    return value

for src in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "-(4 - 10) * -2", "2 * (3 + (4 - 1) * 2) - 7", "((((5))))"]:
    print(src, "=", evaluate(src))

def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))

def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))

print([hofstadter_f(n) for n in range(15)])
print([hofstadter_m(n) for n in range(15)])
