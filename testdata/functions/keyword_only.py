def make_range(start, stop, *, step=1, inclusive=False):
    end = stop + (1 if inclusive and step > 0 else -1 if inclusive else 0)
    return list(range(start, end, step))

print(make_range(1, 5), make_range(1, 5, inclusive=True), make_range(10, 0, step=-3, inclusive=True))

def log(*messages, level="INFO", sep=" "):
    print(f"[{level}]", sep.join(str(m) for m in messages))

log("server", "started")
log("disk", 93, "% full", level="WARN")
log("a", "b", "c", sep="/")
log()

def search(items, *, key, reverse=False):
    return sorted(items, key=key, reverse=reverse)

print(search(["bb", "a", "ccc"], key=len), search([3, -4, 1], key=abs, reverse=True))

def config(*, host, port, debug=False):
    return {"host": host, "port": port, "debug": debug}

print(config(host="h", port=1), config(port=2, host="x", debug=True))

# Keyword-only with defaults before required ones is allowed.
def order(item, *, size="M", qty):
    return f"{qty} x {item} ({size})"

print(order("shirt", qty=3), order("hat", qty=1, size="L"))

def report(title, *rows, width=20, **extra):
    lines = [title.center(width, "=")]
    for r in rows:
        lines.append(str(r).ljust(width - 2) + " |")
    for k in sorted(extra):
        lines.append(f"{k}: {extra[k]}")
    return "\n".join(lines)

print(report("Totals", 1, 22, 333, width=12, author="me", date="today"))

for bad in [lambda: make_range(1, 5, 2), lambda: search([1]), lambda: config(host="h"),
            lambda: config("h", 1), lambda: order("x", 2), lambda: log(levl="x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
