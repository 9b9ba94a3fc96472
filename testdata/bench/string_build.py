# String building: measures str creation and the common str API --
# f-strings, %-formatting, `+=` concatenation in a loop (on short, bounded
# strings, so no engine is pushed into quadratic copying), str.join, and
# upper/replace/strip/startswith/find/split/count.
# Size = number of records (default 700_000); prints lengths and a
# polynomial checksum of the built text (hash() is randomised, so it is
# not used).
import sys

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
         "golf", "hotel", "india", "juliett", "kilo", "lima"]


def build(n):
    lines = []
    line = ""
    hits = 0
    h = 0
    nwords = len(WORDS)
    for i in range(n):
        word = WORDS[i % nwords]
        kind = i % 3
        if kind == 0:
            t = f"{word}-{i}".upper()
        elif kind == 1:
            t = "<%s|%04d>" % (word, i % 10000)
        else:
            t = (" " + word + "-" + str(i * 7) + " ").replace("a", "4").strip()
        if t.startswith("<"):
            hits += 1
        if t.find("E") >= 0:
            hits += 2
        h = (h * 131 + len(t) + ord(t[-1])) % 1000000007
        line += t[0] + t[-1]
        if len(line) >= 64:
            lines.append(line)
            line = ""
    lines.append(line)
    text = "\n".join(lines)
    fields = text.split("\n")
    return len(text), len(fields), text.count("4"), hits, h, text[:16]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 700000
    length, nlines, fours, hits, h, head = build(n)
    print(f"string_build({n}): len={length} lines={nlines} fours={fours} "
          f"hits={hits} h={h} head={head!r}")


main()
