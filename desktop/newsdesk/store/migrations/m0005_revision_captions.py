"""Schema 5: each revision keeps the captions its photos carried when it was saved.

Captions live with the photos (and per use), not in the article's content, so
without this an editor comparing two revisions would see today's captions on
both sides.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    # JSON list of {role, photo_uuid, caption, credit, alt_text}; '' for older revisions.
    conn.execute("ALTER TABLE revisions ADD COLUMN captions TEXT NOT NULL DEFAULT ''")
