"""Schema 10: photos a pulled story uses that could not be downloaded yet.

A story pulled from the site brings its lead and inline photos into the library.
When a download fails the story is pulled without the photo; this row remembers
which media item of which post to fetch again at the next sync (and whether it is
the post's lead photo, to link it then).
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE photo_downloads (
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            media_id INTEGER NOT NULL,
            post_id INTEGER NOT NULL,
            lead INTEGER NOT NULL DEFAULT 0 CHECK (lead IN (0, 1)),
            error TEXT NOT NULL DEFAULT '',
            tries INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (site_id, media_id, post_id)
        )
        """
    )
