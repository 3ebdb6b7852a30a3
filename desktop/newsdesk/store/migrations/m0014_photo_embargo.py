"""Schema 14: a photo's embargo (`photos.embargo_until`, ISO UTC; '' : none).

The agency's release time, read from the file (IPTC 2:30/2:35) or set on the photo
desk; shared through the site's library like the caption fields. Every photo starts
with none.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE photos ADD COLUMN embargo_until TEXT NOT NULL DEFAULT ''")
