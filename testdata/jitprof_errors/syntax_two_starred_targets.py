print("this line must not run: the whole file is rejected first")
*head, *tail = [1, 2, 3]
