print("ping: start")
import circ_lib.pong as pong

LIMIT = 3


def ping(n):
    if n >= LIMIT:
        return ["ping %d (stop)" % n]
    return ["ping %d" % n] + pong.pong(n + 1)


print("ping: done, pong.READY =", pong.READY)
