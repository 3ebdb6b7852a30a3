"""Schema 1: taxonomy, articles, sources, tags, revisions, autosave journal, outbox, search."""

from __future__ import annotations

import sqlite3

from ...domain.site import EDITIONS, REGIONS, SECTIONS

SCHEMA = """
CREATE TABLE editions (
    code TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('ltr', 'rtl')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE subsections (
    id INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0,
    UNIQUE (section_id, name)
);
CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    -- Small columns first, long text last: SQLite reads a row's columns in
    -- order, so list and search rows never walk a long body's overflow pages.
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    edition TEXT NOT NULL REFERENCES editions(code) ON UPDATE CASCADE,
    section TEXT NOT NULL DEFAULT '',
    subsection TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    priority INTEGER NOT NULL DEFAULT 0,
    word_count INTEGER NOT NULL DEFAULT 0,
    revision INTEGER NOT NULL DEFAULT 0,
    embargo_at TEXT,
    scheduled_at TEXT,
    lead_photo_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    headline TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    slug TEXT NOT NULL DEFAULT '',
    coverage TEXT NOT NULL DEFAULT '',
    regions TEXT NOT NULL DEFAULT '[]',
    standfirst TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_updated ON articles(updated_at);
CREATE INDEX articles_status ON articles(status, updated_at);
CREATE INDEX articles_section ON articles(section, updated_at);
CREATE INDEX articles_edition ON articles(edition, updated_at);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'outlet',
    notes TEXT NOT NULL DEFAULT '',
    attribution INTEGER NOT NULL DEFAULT 0,
    file_path TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sources_article ON sources(article_id, position);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT 'save',
    content TEXT NOT NULL,
    UNIQUE (article_id, number)
);

-- What the editor holds but has not yet saved as a revision: written within
-- seconds of typing, read back after a crash.
CREATE TABLE autosaves (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

-- Local changes waiting for the server; the sync engine drains it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    revision INTEGER,
    payload TEXT NOT NULL DEFAULT '{}',
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_pending ON outbox(state, id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, standfirst, body, tags, sources,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 4.0, 2.0)');
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    for position, ed in enumerate(EDITIONS):
        conn.execute(
            "INSERT INTO editions (code, language, direction, position) VALUES (?, ?, ?, ?)",
            (ed.code, ed.language, ed.direction, position),
        )
    for position, section in enumerate(SECTIONS):
        cur = conn.execute(
            "INSERT INTO sections (name, position) VALUES (?, ?)", (section.name, position)
        )
        for sub_position, sub in enumerate(section.subsections):
            conn.execute(
                "INSERT INTO subsections (section_id, name, position) VALUES (?, ?, ?)",
                (cur.lastrowid, sub, sub_position),
            )
    for position, region in enumerate(REGIONS):
        conn.execute("INSERT INTO regions (name, position) VALUES (?, ?)", (region, position))
