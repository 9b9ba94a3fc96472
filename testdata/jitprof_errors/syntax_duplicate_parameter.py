print("this line must not run: the whole file is rejected first")
def area(width, height, width):
    return width * height
