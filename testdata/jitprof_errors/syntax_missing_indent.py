print("this line must not run: the whole file is rejected first")

def double(x):
return x * 2
