print("%s and %s" % ("this", "that"))
print("%d items at %.2f each = %8.2f" % (3, 1.5, 4.5))
print("%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8))
print("%e|%E|%g|%G|%.3g|%10.4f|%-10.1f|" % (12345.678, 0.00012, 0.00001234, 1e20, 3.14159, 2.5, 2.5))
print("%s %r %s %r" % ("text", "text", [1, "a"], [1, "a"]))
print("%c%c%c %c" % (72, 105, 33, "Z"))
print("100%% sure, %d%%" % 50)
print("%(name)s is %(age)d; %(name)r again" % {"name": "Bob", "age": 40})
print("%*d|%-*s|%.*f" % (6, 7, 6, "ab", 2, 3.14159))
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s" % None, "%d" % True, "%.1f" % 2)
print("%i %u" % (-3, 3), "%s" % 1.0, "%s" % 1e100, "%r" % 0.1, "%d" % 3.99, "%d" % -3.99)
print("%x" % -255, "%o" % -8, "%5s|%-5s|" % ("ab", "cd"), "%.2s" % "abcdef", "%.0f %.0f" % (0.5, 1.5))

# Printing a table of planets.
planets = [("Mercury", 0.39, 0.055), ("Venus", 0.72, 0.815), ("Earth", 1.0, 1.0), ("Jupiter", 5.2, 317.8)]
print("%-10s %8s %10s" % ("Planet", "AU", "Mass"))
for name, au, mass in planets:
    print("%-10s %8.2f %10.3f" % (name, au, mass))
print("%-10s %8.2f %10.3f" % ("Total", sum(p[1] for p in planets), sum(p[2] for p in planets)))

# Log lines.
events = [("INFO", 3, "started"), ("WARN", 27, "slow response"), ("ERROR", 105, "connection lost")]
for level, ms, msg in events:
    print("[%-5s] +%04dms %s" % (level, ms, msg))

errors = [("%d", "x"), ("%s %s", ("one",)), ("%s", (1, 2)), ("%z", 1), ("%(k)s", 5)]
for fmt, arg in errors:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
