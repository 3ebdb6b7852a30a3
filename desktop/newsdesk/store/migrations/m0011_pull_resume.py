"""Schema 11: where an unfinished pull stopped, so the next one goes on from there.

A first sync of a large site reads thousands of pages. If it is cut off (the
network, a killed process), `sites.pull_resume` keeps which pull it was (its
`modified_after`), the high-water mark its first page gave, and the last page
whose posts were all stored; the next pull asks from that page on instead of
from the first. Empty when no pull is unfinished.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sites ADD COLUMN pull_resume TEXT NOT NULL DEFAULT ''")
