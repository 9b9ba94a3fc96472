# A __future__ import after other statements is a SyntaxError, as in CPython.
x = 1
from __future__ import annotations
