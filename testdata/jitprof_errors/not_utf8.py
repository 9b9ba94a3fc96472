print("this line must not run: the whole file is rejected first")
label = "cafÿþ"
print(label)
