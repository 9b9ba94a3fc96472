print("config: reading settings")

SETTINGS = {"width": "80", "height": "twenty"}


def parse(key):
    return int(SETTINGS[key])


WIDTH = parse("width")
HEIGHT = parse("height")
print("config: not reached")
