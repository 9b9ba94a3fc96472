import circ_lib.ping
import circ_lib.pong

for line in circ_lib.ping.ping(0):
    print(line)
print(circ_lib.pong.pong(2))
print(circ_lib.ping.pong is circ_lib.pong, circ_lib.pong.ping_mod is circ_lib.ping)
