print("this line must not run: the whole file is rejected first")
umask = 18
mode = 0755
