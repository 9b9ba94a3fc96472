print("this line must not run: the whole file is rejected first")
name = "world"
greeting = "hello, 
