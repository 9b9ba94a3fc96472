print("this line must not run: the whole file is rejected first")
price = 10
cost = price $ 2
print(cost)
