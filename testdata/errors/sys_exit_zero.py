import sys

def main():
    for i in range(10):
        print("step", i)
        if i == 2:
            print("stopping early, successfully")
            sys.exit()
    print("not reached")

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code), e.args)
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", repr(e.code))
print("SystemExit is a BaseException:", issubclass(SystemExit, BaseException))
main()
