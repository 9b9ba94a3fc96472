raw_log = """2024-05-01 10:00:01 GET /index.html 200 512
2024-05-01 10:00:03 GET /about.html 200 1024
2024-05-01 10:00:04 POST /login 302 0
2024-05-01 10:01:10 GET /missing 404 128
2024-05-01 10:01:11 GET /index.html 200 512
2024-05-01 10:02:00 GET /admin 403 64
2024-05-01 10:02:30 POST /login 200 2048
bad line here
2024-05-01 10:03:00 GET /index.html 500 0
2024-05-01 10:03:05 GET /about.html 200 1024"""

lines = raw_log.splitlines()
parsed = [line.split() for line in lines]
valid = [p for p in parsed if len(p) == 6 and p[4].isdigit()]
print(len(lines), "lines,", len(valid), "valid")
records = [{"time": p[1], "method": p[2], "path": p[3], "status": int(p[4]), "bytes": int(p[5])} for p in valid]

by_status = {s: sum(1 for r in records if r["status"] == s) for s in sorted({r["status"] for r in records})}
print(by_status)
errors = [r["path"] for r in records if r["status"] >= 400]
print("errors:", errors)
traffic = {path: sum(r["bytes"] for r in records if r["path"] == path) for path in {r["path"] for r in records}}
for path, total in sorted(traffic.items(), key=lambda kv: (-kv[1], kv[0])):
    print(f"{path:<12}{total:>6}")
methods = sorted({r["method"] for r in records})
print({m: [r["time"] for r in records if r["method"] == m] for m in methods})
minutes = sorted({r["time"][:5] for r in records})
per_minute = [(m, sum(1 for r in records if r["time"].startswith(m))) for m in minutes]
print(per_minute)
ok_ratio = sum(1 for r in records if r["status"] < 400) / len(records)
print(f"success rate {ok_ratio:.1%}", "avg bytes", round(sum(r["bytes"] for r in records) / len(records), 1))
print(max(records, key=lambda r: r["bytes"])["path"], [r["status"] for r in records if r["method"] == "POST"])
print(all(r["bytes"] >= 0 for r in records), any(r["status"] == 500 for r in records))
