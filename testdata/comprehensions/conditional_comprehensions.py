students = [
    ("ann", 91, "math"), ("bob", 58, "art"), ("cy", 74, "math"), ("dee", 88, "bio"),
    ("eve", 45, "bio"), ("fay", 99, "art"), ("gus", 67, "math"), ("hal", 80, "bio"),
]
print([name for name, score, _ in students if score >= 80])
print([(name, "pass" if score >= 60 else "fail") for name, score, _ in students])
print([name.upper() if subject == "art" else name for name, _, subject in students])
print([score + 5 if score < 60 else score for _, score, _ in students])
print({subject: [n for n, _, s in students if s == subject] for subject in sorted({s for _, _, s in students})})
print({n: s for n, s, subj in students if subj == "math" and s > 70})
print(sorted({subj for _, s, subj in students if s < 60}))
print([n for n, s, _ in students if s % 2 == 0 if s > 60])

def letter(score):
    return "A" if score >= 90 else "B" if score >= 80 else "C" if score >= 70 else "D" if score >= 60 else "F"
print({letter(s): sorted(n for n, sc, _ in students if letter(sc) == letter(s)) for _, s, _ in students})
curve = max(s for _, s, _ in students) - 100
print([(n, min(100, s - curve)) for n, s, _ in students])
print(sum(1 for _, s, _ in students if 60 <= s < 80), [n for n, s, _ in students if not s % 3 or n[0] in "ae"])
averages = {subj: round(sum(s for _, s, sj in students if sj == subj) / len([1 for _, _, sj in students if sj == subj]), 2)
            for subj in ("math", "art", "bio")}
print(averages)
print(["even" if i % 2 == 0 else "odd" for i in range(5) if i != 3], [x for x in [0, None, "", 5, "a"] if x])
print([w for w in "Alpha beta Gamma delta".split() if w[0].isupper()], [c for c in "a1b2c3" if not c.isdigit()])
