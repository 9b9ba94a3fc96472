print("this line must not run: the whole file is rejected first")
x = 1
print(x)
else:
    print("no if")
