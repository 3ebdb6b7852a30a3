"""Schema 7: a post remembers the categories it went out without.

An author may not create categories: a post whose section (or subsection,
region, "Breaking") the site lacks goes out without it. The post keeps, per
missing category name, the sentence that says why, so the sync reports it
every time and sets the category once it exists, without the story being
edited again. The partial index keeps that look-up free when nothing is missing.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute(
        "ALTER TABLE remote_posts ADD COLUMN missing_categories TEXT NOT NULL DEFAULT '{}'"
    )
    conn.execute(
        "CREATE INDEX remote_posts_missing_categories ON remote_posts(site_id) "
        "WHERE missing_categories != '{}'"
    )
