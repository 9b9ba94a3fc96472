jobs = ["compile", "test", "package"]
queue = iter(jobs)
done = []

def run_next():
    job = next(queue)
    done.append(job)
    return f"ran {job}"

print(run_next())
print(run_next())
letters = iter("ab")
print(next(letters), next(letters), next(letters, "<end>"))
print("done so far:", done)
print(next(iter(jobs)), next(iter([]), "default"))
print("jobs left:", len(jobs) - len(done))
remaining = list(queue)
print("drained:", remaining, done)
print(run_next())
print("not reached")
