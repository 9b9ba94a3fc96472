print("this line must not run: the whole file is rejected first")
count = 5
if count > 3
    print("big")
