"""Schema 16: how far back this desktop holds a site's archive (`sites.window_held_days`).

`window_days` is the site's setting; `window_held_days` is what the pulls have
brought so far (0: the whole archive). When the setting is widened after a first
pull, the next sync also brings the stories between the old reach and the new
one, then records the new reach. Narrowing it removes nothing. Sites before
this version hold what their window brought.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE sites ADD COLUMN window_held_days INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE sites SET window_held_days = window_days")
