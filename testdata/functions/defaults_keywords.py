def describe(name, species="cat", age=1, sound="meow"):
    return f"{name} the {species}, age {age}, says {sound}"

print(describe("Tom"))
print(describe("Rex", "dog", sound="woof"))
print(describe(age=7, name="Polly", species="parrot", sound="hello"))
print(describe("Nemo", "fish", 2, "..."))

# Defaults are evaluated once: the mutable default pitfall.
def append_bad(item, bucket=[]):
    bucket.append(item)
    return bucket

def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_bad(1), append_bad(2), append_bad(3))
print(append_good(1), append_good(2), append_good(3, [0]))

# Default values captured at definition time.
rate = 0.1
def with_tax(amount, tax=rate):
    return round(amount * (1 + tax), 2)
rate = 0.5
print(with_tax(100), with_tax(100, 0.2), with_tax(amount=50, tax=0))

def connect(host, port=80, *, timeout=10, retries=3, secure=False):
    scheme = "https" if secure else "http"
    return f"{scheme}://{host}:{port} timeout={timeout} retries={retries}"

print(connect("example.com"))
print(connect("example.com", 443, secure=True, timeout=2.5))
print(connect(port=8080, host="localhost", retries=0))

def stats(values, precision=2, label="data"):
    mean = sum(values) / len(values)
    var = sum((v - mean) ** 2 for v in values) / len(values)
    return f"{label}: n={len(values)} mean={round(mean, precision)} var={round(var, precision)}"

print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
print(stats([1.5, 2.5, 10], label="floats", precision=4))

for call in [lambda: describe(), lambda: describe("a", name="b"), lambda: describe("a", colour="red"),
             lambda: connect("h", 1, 2), lambda: describe("a", "b", "c", "d", "e")]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
