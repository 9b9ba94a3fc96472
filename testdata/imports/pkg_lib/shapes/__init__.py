from .. import util as parent_util
from ..geometry import area

print("pkg_lib.shapes: init, parent_util is", parent_util.__name__)
DEFAULT_SIDES = 4
