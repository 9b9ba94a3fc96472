print("this line must not run: the whole file is rejected first")

async def fetch(url):
    return url
