counter = 0
history = []

def bump_ok():
    global counter
    counter += 1
    history.append(counter)
    return counter

def bump_broken():
    counter += 1
    return counter

for _ in range(3):
    bump_ok()
print("counter is", counter, "history", history)

def shadow_ok():
    total = counter * 10
    return total

print("shadow_ok", shadow_ok())
print("calling the broken version")
bump_broken()
print("not reached")
