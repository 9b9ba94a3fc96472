numbers = [0, 1, -1, 42, -42, 1234567, -9876543210]
for n in numbers:
    print("|".join([f"{n:d}", f"{n:10d}", f"{n:<10d}", f"{n:^10d}", f"{n:+d}", f"{n: d}", f"{n:,d}", f"{n:_d}", f"{n:012,d}"]))

for n in [0, 5, 255, 4096, -255, 2 ** 40]:
    print("|".join([f"{n:x}", f"{n:X}", f"{n:#x}", f"{n:o}", f"{n:#o}", f"{n:b}", f"{n:#b}", f"{n:#010x}", f"{n:_x}", f"{n:_b}"]))

floats = [0.0, 1.0, -1.5, 3.14159, 1234.5678, 0.000123, 1e20, -2.5e-7, 100.0]
for x in floats:
    print("|".join([f"{x:f}", f"{x:.2f}", f"{x:10.3f}", f"{x:e}", f"{x:.2E}", f"{x:g}", f"{x:.3g}", f"{x:%}", f"{x:.1%}", f"{x:,.2f}"]))

for x in [1.0, 0.1, 123456789.0, 1e16, 1.5e-5, 12345.678]:
    print(f"{x}|{x:}|{x:g}|{x:.10g}|{x:.0f}|{x:.0e}|{x:#.0f}|{x:#g}|{x:12.5}|{x:.2}")

# Fill and alignment characters.
for spec in ["*^12", "->10", "0<8", "#=+10", "~^7", ".<6"]:
    print(spec, f"[{42:{spec}}]", f"[{-3.5:{spec}}]")

# Rounding in formatting is round-half-even on the binary value.
for x in [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, -0.5, 1e-7]:
    print(repr(x), f"{x:.0f} {x:.2f} {x:.1e}")

# inf, nan and negative zero.
for x in [float("inf"), float("-inf"), float("nan"), -0.0]:
    print(f"{x}|{x:f}|{x:.2e}|{x:8.1f}|{x:+g}|{x:%}|{x:F}")

# Big integers with separators and widths.
big = 2 ** 70
print(f"{big:,}", f"{big:_}", f"{big:40,}", f"{-big:+,}", f"{big:e}", f"{big:.3e}")
print(f"{True:d} {False:5} {True:>6} {True!s:>6} {65:c} {0x263A:c} {3:.2f} {7:e} {2:%}")
