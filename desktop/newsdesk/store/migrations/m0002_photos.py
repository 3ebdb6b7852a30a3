"""Schema 2: the photo library, per-article photo uses, full-text search over captions.

Originals live under the store's media folder (`file_path` is relative to it) and
are never modified; `sha256` is unique so the same bytes are never stored twice.
The caption fields follow IPTC Photo Metadata (IIM dataset / XMP property noted).
"""

from __future__ import annotations

import sqlite3

SCHEMA = """
CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    file_path TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    file_size INTEGER NOT NULL DEFAULT 0,
    caption TEXT NOT NULL DEFAULT '',               -- 2:120  dc:description
    headline TEXT NOT NULL DEFAULT '',              -- 2:105  photoshop:Headline
    creator TEXT NOT NULL DEFAULT '',               -- 2:80   dc:creator
    credit TEXT NOT NULL DEFAULT '',                -- 2:110  photoshop:Credit
    source TEXT NOT NULL DEFAULT '',                -- 2:115  photoshop:Source
    copyright TEXT NOT NULL DEFAULT '',             -- 2:116  dc:rights
    alt_text TEXT NOT NULL DEFAULT '',              -- Iptc4xmpCore:AltTextAccessibility
    extended_description TEXT NOT NULL DEFAULT '',  -- Iptc4xmpCore:ExtDescrAccessibility
    date_created TEXT NOT NULL DEFAULT '',          -- 2:55   photoshop:DateCreated
    city TEXT NOT NULL DEFAULT '',                  -- 2:90   photoshop:City
    country TEXT NOT NULL DEFAULT '',               -- 2:101  photoshop:Country
    keywords TEXT NOT NULL DEFAULT '[]',            -- 2:25   dc:subject (JSON list)
    instructions TEXT NOT NULL DEFAULT '',          -- 2:40   photoshop:Instructions
    usage_terms TEXT NOT NULL DEFAULT '',           -- xmpRights:UsageTerms
    rights_expiry TEXT NOT NULL DEFAULT '',         -- ISO date; empty = no expiry
    event TEXT NOT NULL DEFAULT '',                 -- Iptc4xmpExt:Event
    caption_state TEXT NOT NULL DEFAULT 'uncaptioned'
        CHECK (caption_state IN ('uncaptioned', 'captioned', 'approved')),
    check_codes TEXT NOT NULL DEFAULT '',           -- failing checks, space separated
    import_notes TEXT NOT NULL DEFAULT '',          -- what could not be read on import
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX photos_imported ON photos(imported_at DESC, id DESC);
CREATE INDEX photos_state ON photos(caption_state, imported_at DESC);
CREATE INDEX photos_credit ON photos(credit COLLATE NOCASE);
CREATE INDEX photos_date ON photos(date_created);

CREATE TABLE article_photos (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'inline' CHECK (role IN ('lead', 'inline', 'gallery')),
    position INTEGER NOT NULL DEFAULT 0,
    caption TEXT,    -- NULL: use the library caption
    alt_text TEXT,   -- NULL: use the library alt text
    UNIQUE (article_id, photo_id, role)
);
CREATE INDEX article_photos_article ON article_photos(article_id, role, position);
CREATE INDEX article_photos_photo ON article_photos(photo_id);

CREATE VIRTUAL TABLE photos_fts USING fts5(
    caption, headline, credit, creator, keywords, alt_text, place,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
