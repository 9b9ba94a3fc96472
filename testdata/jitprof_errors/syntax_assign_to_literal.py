print("this line must not run: the whole file is rejected first")
total = 0
1 = total
print(total)
