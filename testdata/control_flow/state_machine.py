# Tokenize a tiny arithmetic language with an explicit state machine.
def tokenize(text):
    tokens = []
    state = "start"
    current = ""
    for ch in text + " ":
        if state == "number":
            if ch.isdigit() or ch == ".":
                current += ch
                continue
            tokens.append(("NUM", float(current) if "." in current else int(current)))
            current = ""
            state = "start"
        elif state == "name":
            if ch.isalnum() or ch == "_":
                current += ch
                continue
            tokens.append(("NAME", current))
            current = ""
            state = "start"
        if ch.isdigit():
            state = "number"
            current = ch
        elif ch.isalpha() or ch == "_":
            state = "name"
            current = ch
        elif ch in "+-*/()=":
            tokens.append(("OP", ch))
        elif ch.isspace():
            pass
        else:
            tokens.append(("ERROR", ch))
    return tokens

for src in ["x = 3 + 42 * (y - 1.5)", "rate_2=rate_1/7", "a $ b", "10 / 4 + n1"]:
    print(src)
    print("  ", tokenize(src))

# A traffic light controller driven by events.
transitions = {
    ("red", "timer"): "green",
    ("green", "timer"): "yellow",
    ("yellow", "timer"): "red",
    ("green", "emergency"): "red",
    ("yellow", "emergency"): "red",
    ("red", "emergency"): "red",
}
state = "red"
for event in ["timer", "timer", "emergency", "timer", "timer", "timer", "bogus", "timer"]:
    nxt = transitions.get((state, event))
    if nxt is None:
        print(f"{state}: ignoring {event!r}")
        continue
    print(f"{state} --{event}--> {nxt}")
    state = nxt

# Count words and sentences in a text with states.
text = "Hi there.  How are you?I am fine! Thanks..."
words = sentences = 0
in_word = False
for ch in text:
    if ch.isalpha():
        if not in_word:
            words += 1
            in_word = True
    else:
        in_word = False
        if ch in ".!?":
            sentences += 1
print("words:", words, "terminators:", sentences)
