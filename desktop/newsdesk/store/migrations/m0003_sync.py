"""Schema 3: publishing sites, the article<->post and photo<->media mappings, conflicts, sync log.

The outbox (schema 1) stays the queue of local changes; an entry is done when
every target site holds its revision (`remote_posts.base_revision`).
`remote_posts.base_remote` keeps the server's fields as they were at the base
revision, so a later pull can tell which fields the server changed without
converting HTML back to Markdown when it did not.
"""

from __future__ import annotations

import sqlite3

SCHEMA = """
CREATE TABLE sites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    url TEXT NOT NULL,
    username TEXT NOT NULL,
    ca_bundle TEXT NOT NULL DEFAULT '',
    editions TEXT NOT NULL DEFAULT '[]',        -- JSON list; empty = every edition
    category_map TEXT NOT NULL DEFAULT '{}',    -- JSON {local name: remote category name}
    role TEXT NOT NULL DEFAULT '',
    remote_user_id INTEGER,
    has_plugin INTEGER NOT NULL DEFAULT 0,
    pulled_until TEXT NOT NULL DEFAULT '',      -- newest modified_gmt seen by a pull
    created_at TEXT NOT NULL,
    verified_at TEXT
);

CREATE TABLE remote_posts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    remote_id INTEGER,                          -- NULL while the first create is unconfirmed
    marker TEXT NOT NULL,                       -- slug that finds a create whose answer was lost
    modified_gmt TEXT NOT NULL DEFAULT '',
    base_revision INTEGER,                      -- the local revision the server copy matches
    base_remote TEXT NOT NULL DEFAULT '{}',     -- the server's fields at that revision (JSON)
    remote_status TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('synced', 'waiting', 'conflict', 'error', 'trashed', 'deleted')),
    last_error TEXT NOT NULL DEFAULT '',
    synced_at TEXT,
    UNIQUE (article_id, site_id)
);
CREATE UNIQUE INDEX remote_posts_remote ON remote_posts(site_id, remote_id)
    WHERE remote_id IS NOT NULL;
CREATE INDEX remote_posts_state ON remote_posts(state);

CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    fields TEXT NOT NULL DEFAULT '[]',          -- names of the fields that truly overlap
    mine TEXT NOT NULL,                         -- JSON content, each side complete
    theirs TEXT NOT NULL,
    base TEXT NOT NULL,
    merged TEXT NOT NULL,                       -- everything that merged cleanly + mine on overlaps
    theirs_modified_gmt TEXT NOT NULL DEFAULT '',
    theirs_remote TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(article_id) WHERE resolved_at IS NULL;

CREATE TABLE remote_media (
    id INTEGER PRIMARY KEY,
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    remote_id INTEGER NOT NULL,
    source_url TEXT NOT NULL DEFAULT '',
    meta_hash TEXT NOT NULL DEFAULT '',         -- caption/alt as uploaded, to notice edits
    uploaded_at TEXT NOT NULL,
    UNIQUE (site_id, sha256)
);

CREATE TABLE remote_terms (
    site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
    taxonomy TEXT NOT NULL CHECK (taxonomy IN ('categories', 'tags')),
    name TEXT NOT NULL COLLATE NOCASE,
    remote_id INTEGER NOT NULL,
    PRIMARY KEY (site_id, taxonomy, name)
) WITHOUT ROWID;

CREATE TABLE sync_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
    article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    level TEXT NOT NULL DEFAULT 'info' CHECK (level IN ('info', 'warning', 'error')),
    message TEXT NOT NULL
);
CREATE INDEX sync_log_at ON sync_log(at DESC, id DESC)
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    # Why per-site here: an article bound for two sites waits in the outbox
    # until both have it; the entry notes the site it failed on last.
    conn.execute("ALTER TABLE outbox ADD COLUMN site_id INTEGER")
