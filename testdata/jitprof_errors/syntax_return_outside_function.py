print("this line must not run: the whole file is rejected first")
values = [1, 2, 3]
if values:
    return sum(values)
