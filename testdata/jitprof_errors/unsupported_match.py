print("this line must not run: the whole file is rejected first")
command = "go"
match command:
    case "go":
        print("going")
    case _:
        print("?")
