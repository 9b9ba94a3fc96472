print("this line must not run: the whole file is rejected first")
def f():
    for i in range(3):
        pass
    break
