print("this line must not run: the whole file is rejected first")
items = [1, 2]
total = 1 +
print(total)
