import textutil_lib as _tu

GREETING = "hi"
_secret = 42
count = 0


def shout(s):
    global count
    count += 1
    return s.upper() + "!"


def _whisper(s):
    return s.lower()
