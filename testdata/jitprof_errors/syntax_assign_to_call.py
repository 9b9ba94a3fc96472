print("this line must not run: the whole file is rejected first")
def compute():
    return 1

def update():
    compute() = 3
