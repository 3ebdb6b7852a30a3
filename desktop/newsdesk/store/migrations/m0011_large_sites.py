"""Schema 11: a large site: where an unfinished pull stopped, and the sync window.

A first sync of a large site reads thousands of pages. If it is cut off (the
network, a killed process), `sites.pull_resume` keeps which pull it was (its
`modified_after`), the high-water mark its first page gave, and the last page
whose posts were all stored; the next pull asks from that page on instead of
from the first. Empty when no pull is unfinished.

`sites.window_days` is how far back a first pull reaches (stories modified in
the last N days, plus one's own and the desk's pending and scheduled ones, of
any age); 0 brings the whole archive. Sites added before keep 0: they hold
their archive already.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sites ADD COLUMN pull_resume TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE sites ADD COLUMN window_days INTEGER NOT NULL DEFAULT 0")
