"""Schema 12: the newsroom's shared photo library on the site's media library.

`photos.origin` says where a photo came from ('' : imported on this desktop; else the
desktop that published it to the site, or the site); `photos.captioned_by` who last
changed its caption on the desk that published it (the site tells the others).
A photo pulled from the site's library may have no full file yet (`file_path` '').

`library_media` keeps, per site and photo, the fields both sides last agreed on (the
base of a three-way merge: an edit here and one on another desk merge field by field)
and a conflict waiting for a person. `library_pulls` remembers how far each site's
media library has been read.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE photos ADD COLUMN origin TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE photos ADD COLUMN captioned_by TEXT NOT NULL DEFAULT ''")
    conn.execute(
        """
        CREATE TABLE library_media (
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
            base TEXT NOT NULL DEFAULT '{}',      -- fields as last agreed with the site (JSON)
            conflict TEXT NOT NULL DEFAULT '',    -- the site's values for clashing fields (JSON)
            PRIMARY KEY (site_id, photo_id)
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE library_pulls (
            site_id INTEGER PRIMARY KEY REFERENCES sites(id) ON DELETE CASCADE,
            pulled_until TEXT NOT NULL DEFAULT ''
        )
        """
    )
