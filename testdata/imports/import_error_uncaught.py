from pkg_lib.util import clamp

print(clamp(5, 0, 3))
from pkg_lib.util import clamp_all
print("not reached")
