"""Schema 17: covering indexes for the scan of a person's own stories.

At start-up the notifier reads, for every story, its byline, stage and
correction, and the author of its first revision. `correction` was added after
the body (schema 4), so reading it walked every body's overflow pages, and each
first author was a look-up in the revisions table beside the revision's text:
on the 100,000-story benchmark store 240 ms with the file cached (cold, not
measured: more, as every body's pages are read).
Both are read from these indexes alone (~100 ms cached; the notifier names the
revisions index, which stale statistics made the planner pass over).
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE INDEX IF NOT EXISTS articles_byline_stage ON articles(byline, status, correction)"
    )
    conn.execute(
        "CREATE INDEX IF NOT EXISTS revisions_first_author ON revisions(article_id, number, author)"
    )
