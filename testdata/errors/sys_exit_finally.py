import sys

resources = []

def acquire(name):
    resources.append(name)
    print("acquired", name)

def release_all():
    while resources:
        print("released", resources.pop())

def work(steps):
    acquire("db")
    acquire("lock")
    try:
        for step in range(steps):
            print("step", step)
            if step == 2:
                print("fatal condition, exiting", file=sys.stderr)
                sys.exit(4)
    finally:
        print("cleanup runs even on sys.exit")
        release_all()

try:
    work(5)
except Exception:
    print("SystemExit is not caught by except Exception")
finally:
    print("outer finally, resources left:", resources)
print("not reached")
