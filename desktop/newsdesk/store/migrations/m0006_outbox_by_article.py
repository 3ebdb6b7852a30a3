"""Schema 6: the outbox found by article.

Queueing a push first looks for the article's pending entry. The only index
was (state, id), so each save, note or caption change read every pending
entry: with 100,000 articles waiting, milliseconds per write, and a library
caption change queueing its articles took 257 ms for 100 photos on 2,000.
"""

from __future__ import annotations

import sqlite3


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX outbox_by_article ON outbox(article_id, kind, state)")
