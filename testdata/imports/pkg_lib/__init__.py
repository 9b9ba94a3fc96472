"""A package with submodules and a subpackage."""

print("pkg_lib: init, __package__ =", repr(__package__))
VERSION = (1, 2)
