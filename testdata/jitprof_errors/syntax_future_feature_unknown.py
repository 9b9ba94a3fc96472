# An unknown __future__ feature is a SyntaxError, as in CPython.
from __future__ import annotations, spam
