print("this line must not run: the whole file is rejected first")
def fetch():
    return 1

result = await fetch()
