__all__ = ["with_all", "helper"]


def helper():
    return "stars_lib.helper"
