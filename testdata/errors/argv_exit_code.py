# args: 7 seven --verbose
import sys

args = sys.argv[1:]
print("arguments:", args, "count:", len(args))
flags = [a for a in args if a.startswith("--")]
positional = [a for a in args if not a.startswith("--")]
print("flags:", flags, "positional:", positional)
verbose = "--verbose" in flags

if len(positional) < 2:
    print("usage: argv_exit_code.py CODE LABEL", file=sys.stderr)
    sys.exit(2)

try:
    code = int(positional[0])
except ValueError:
    sys.exit(f"not a number: {positional[0]!r}")
label = positional[1]
if verbose:
    print(f"code={code} label={label!r} upper={label.upper()}")
if not 0 <= code <= 255:
    sys.exit("code out of range")
print(f"exiting with {code} ({label})", file=sys.stderr)
sys.exit(code)
print("not reached")
