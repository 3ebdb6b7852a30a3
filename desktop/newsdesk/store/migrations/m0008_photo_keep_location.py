"""Schema 8: a photo's "keep location" choice.

A site receives a public copy of each photo without its GPS position (it can
lead to a source's door). For the rare photo whose place is the news, the desk
may keep the position in the public copy: off for every photo, old and new.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute(
        "ALTER TABLE photos ADD COLUMN keep_location INTEGER NOT NULL DEFAULT 0 "
        "CHECK (keep_location IN (0, 1))"
    )
