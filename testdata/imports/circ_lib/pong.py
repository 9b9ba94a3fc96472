print("pong: start")
import circ_lib.ping as ping_mod
from circ_lib import ping as same

# ping is only partly initialised here: its functions do not exist yet.
print("pong: ping has ping()?", hasattr(ping_mod, "ping"), ping_mod is same)
try:
    from circ_lib.ping import LIMIT
except ImportError as e:
    print("pong:", type(e).__name__, str(e).split(" (")[0])

READY = True


def pong(n):
    return ["pong %d" % n] + ping_mod.ping(n + 1)


print("pong: done")
