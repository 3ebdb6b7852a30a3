"""Schema 13: reserved, and empty here.

Another branch adds schema 13 (sites); this placeholder keeps the numbers without
a gap until the two meet, when that branch's m0013 replaces this file.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    del conn  # nothing: see the docstring
