print("this line must not run: the whole file is rejected first")
pairs = [(1, 2), (3, 4]]
