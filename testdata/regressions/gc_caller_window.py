# Regression: a collection taken while a callee's register window ended below
# its caller's left the caller's dead temporaries unscanned; their objects were
# freed while the slots still pointed at them, and a later collection traced
# freed memory (a segfault under GC stress). Needs a closure (its tuple lands in
# a high temporary), a comprehension called from a low register, then a
# generator driven by a builtin.
def check_password(pw):
    rules = [
        ("not all same", not [*(c == pw[0] for c in pw)] if pw else False),
    ]
    failed = [name for name, ok in rules if not ok]
    return [*(ok for _, ok in rules)], failed


for pw in ["hunter2", "Password1", "P4ss word", "AAAAAAAA", "", "Tr0ub4dor&3"]:
    print(check_password(pw))
