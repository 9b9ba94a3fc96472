print("this line must not run: the whole file is rejected first")
def connect(host="localhost", port):
    return host, port
