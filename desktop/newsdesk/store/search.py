"""Full-text search (FTS5) over headline, standfirst, body, tags and sources."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..domain.article import Article
from .articles import SUMMARY_COLUMNS, _filters

if TYPE_CHECKING:
    from .db import Store

_TERM = re.compile(r'"([^"]+)"|(\S+)')
# SQLite ends a query string at NUL ("unterminated string"); lone surrogates
# cannot be encoded at all. Either is a separator, as punctuation is.
_UNSEARCHABLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word must match, the last as a prefix.

    "Quoted phrases" stay phrases. Nothing the user types can be read as FTS5
    syntax (AND, NEAR, column filters), so no query raises. "" when no word is
    left (a lone `"`): the caller then applies no text filter.
    """
    parts = []
    matches = list(_TERM.finditer(_UNSEARCHABLE.sub(" ", text)))
    for index, match in enumerate(matches):
        phrase, word = match.group(1), match.group(2)
        term = (phrase or word or "").replace('"', " ").strip()
        if not term:
            continue
        quoted = '"' + term + '"'
        if word is not None and index == len(matches) - 1:
            quoted += "*"
        parts.append(quoted)
    return " ".join(parts)


class Search:
    """The full-text index (FTS5) and its queries.

    Inside a transaction the index's writes wait for its commit: FTS5 writes what it
    holds in memory to disk at every savepoint, and each article's write is one, so
    a pull storing 20 posts in a transaction made 20 tiny index segments (and their
    merges) instead of one: 1.1 ms a post. The writes queued are taken back with the
    savepoint they were made in (`Store.atomic`).
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        # rowid -> the row to index (None: only remove it), until the commit.
        self._pending: dict[int, tuple[str, ...] | None] = {}
        self._marks: list[dict[int, tuple[str, ...] | None]] = []

    def index(self, article: Article) -> None:
        assert article.id is not None
        sources = " ".join(
            " ".join(filter(None, (s.name, s.url, s.notes, s.kind))) for s in article.sources
        )
        row = (article.headline, article.standfirst, article.body, " ".join(article.tags), sources)
        self._write(article.id, row)

    def remove(self, article_id: int) -> None:
        self._write(article_id, None)

    def _write(self, rowid: int, row: tuple[str, ...] | None) -> None:
        if self.store.in_atomic:
            self._pending[rowid] = row
        else:
            self._apply(rowid, row)

    def _apply(self, rowid: int, row: tuple[str, ...] | None) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (rowid,))
        if row is not None:
            self.conn.execute(
                "INSERT INTO articles_fts (rowid, headline, standfirst, body, tags, sources) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (rowid, *row),
            )

    # --- Store.atomic's hooks -------------------------------------------------------
    def savepoint(self) -> None:
        self._marks.append(dict(self._pending))

    def release(self) -> None:
        self._marks.pop()

    def rollback_to(self) -> None:
        self._pending = self._marks.pop()

    def flush(self) -> None:
        """Before the commit: the index's writes of the transaction, once each."""
        pending, self._pending = self._pending, {}
        for rowid, row in pending.items():
            self._apply(rowid, row)

    def discard(self) -> None:
        self._pending, self._marks = {}, []

    def query(
        self,
        text: str,
        *,
        status: str | None = None,
        section: str | None = None,
        edition: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        snippets: bool = False,
    ) -> list[dict[str, Any]]:
        """Best matches first; with no words, the newest articles under the filters.

        `snippets` adds the matching words in context; it costs a pass over each
        body, so the list view leaves it off.
        """
        match = fts_query(text)
        if not match:
            where, params = _filters(
                status=status, section=section, edition=edition, since=since, until=until
            )
            sql = f"SELECT {SUMMARY_COLUMNS} FROM articles {where} ORDER BY updated_at DESC LIMIT ?"
            return [dict(r) for r in self.conn.execute(sql, [*params, limit])]
        where, params = _filters(
            status=status, section=section, edition=edition, since=since, until=until, table="a"
        )
        extra = where.replace("WHERE", "AND", 1) if where else ""
        columns = ", ".join(f"a.{c.strip()}" for c in SUMMARY_COLUMNS.split(","))
        snippet = ", snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet" if snippets else ""
        sql = (
            f"SELECT {columns}{snippet} "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? {extra} ORDER BY articles_fts.rank LIMIT ?"
        )
        return _dicts(self.conn, sql, [match, *params, limit])


def _dicts(conn: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    """Rows as dicts, built from plain tuples (a third cheaper than sqlite3.Row)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(sql, params).fetchall()
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in rows]
