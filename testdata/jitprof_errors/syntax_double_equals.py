print("this line must not run: the whole file is rejected first")
count = 0
limit = = 10
