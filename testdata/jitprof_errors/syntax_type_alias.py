print("this line must not run: the whole file is rejected first")

type Number = int
print(Number)
