"""Schema 4: the editorial workflow — transitions log, threaded notes, claims, corrections."""

from __future__ import annotations

import sqlite3

SCHEMA = """
ALTER TABLE articles ADD COLUMN correction TEXT NOT NULL DEFAULT '';
CREATE TABLE transitions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor TEXT NOT NULL,
    role TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    revision INTEGER,
    at TEXT NOT NULL
);
CREATE INDEX transitions_article ON transitions(article_id, id);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES notes(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'comment',
    created_at TEXT NOT NULL
);
CREATE INDEX notes_article ON notes(article_id, id);
CREATE TABLE claims (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    editor TEXT NOT NULL,
    claimed_at TEXT NOT NULL
);
CREATE INDEX articles_queue ON articles(status, priority DESC, updated_at)
"""


def apply(conn: sqlite3.Connection) -> None:
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            conn.execute(statement)
