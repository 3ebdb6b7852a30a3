"""Articles: every save is a revision, the search index and outbox follow."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

from ..domain.article import Article, Source, now_utc
from ..domain.text import word_count
from .errors import NotFoundError

if TYPE_CHECKING:
    from .db import Store

# Columns the list view needs; the body stays on disk until an article is opened.
SUMMARY_COLUMNS = (
    "id, uuid, headline, status, section, subsection, edition, byline, priority, "
    "word_count, embargo_at, scheduled_at, created_at, updated_at"
)
# What the list can sort by.
SORTABLE = ("headline", "status", "section", "edition", "updated_at")
_ROW_FIELDS = (
    "uuid",
    "edition",
    "section",
    "subsection",
    "coverage",
    "slug",
    "headline",
    "standfirst",
    "body",
    "byline",
    "dateline",
    "priority",
    "status",
    "embargo_at",
    "scheduled_at",
    "lead_photo_id",
    "correction",
    "created_at",
    "updated_at",
)


class Articles:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    # --- reading -----------------------------------------------------------
    def get(self, article_id: int) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"No article with id {article_id}.")
        return self._from_row(row)

    def get_by_uuid(self, uuid: str) -> Article:
        row = self.conn.execute("SELECT * FROM articles WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise NotFoundError(f"No article with uuid {uuid}.")
        return self._from_row(row)

    def find_id(self, uuid: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE uuid = ?", (uuid,)).fetchone()
        return int(row[0]) if row else None

    def revision_of(self, article_id: int) -> int:
        """The number of the article's latest revision (what an editor started from)."""
        row = self.conn.execute(
            "SELECT revision FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no article {article_id}.")
        return int(row[0] or 0)

    def status_of(self, article_id: int) -> str:
        row = self.conn.execute(
            "SELECT status FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no article {article_id}.")
        return str(row[0])

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def summaries(
        self,
        *,
        status: str | None = None,
        section: str | None = None,
        edition: str | None = None,
        limit: int = 200,
        offset: int = 0,
        order: str = "updated_at",
        descending: bool = True,
    ) -> list[dict[str, Any]]:
        """Only the columns a list shows; newest first unless `order` names another of
        SORTABLE (ties newest first). ValueError for a column one cannot sort by."""
        if order not in SORTABLE:
            raise ValueError(f"cannot sort the list by {order!r}")
        where, params = _filters(status=status, section=section, edition=edition)
        if order == "updated_at" and descending:
            ordering = "updated_at DESC, id DESC"  # on its index: the common case
        else:
            collate = " COLLATE NOCASE" if order == "headline" else ""
            direction = "DESC" if descending else "ASC"
            ordering = f"{order}{collate} {direction}, updated_at DESC, id DESC"
        sql = f"SELECT {SUMMARY_COLUMNS} FROM articles {where} ORDER BY {ordering} LIMIT ? OFFSET ?"
        rows = self.conn.execute(sql, [*params, limit, offset]).fetchall()
        return [dict(row) for row in rows]

    def summary(self, article_id: int) -> dict[str, Any] | None:
        """One article's list row (after a save), or None if it is gone."""
        row = self.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return dict(row) if row else None

    def _from_row(self, row: sqlite3.Row) -> Article:
        article = Article(**{name: row[name] for name in _ROW_FIELDS})
        article.id = int(row["id"])
        article.regions = json.loads(row["regions"])
        article.tags = [
            r[0]
            for r in self.conn.execute(
                "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                "WHERE at.article_id = ? ORDER BY at.position",
                (article.id,),
            )
        ]
        article.sources = [
            Source(
                name=r["name"],
                url=r["url"],
                kind=r["kind"],
                notes=r["notes"],
                attribution=bool(r["attribution"]),
                file_path=r["file_path"],
                id=r["id"],
            )
            for r in self.conn.execute(
                "SELECT * FROM sources WHERE article_id = ? ORDER BY position", (article.id,)
            )
        ]
        return article

    # --- writing -----------------------------------------------------------
    def create(
        self, article: Article, *, author: str = "", reason: str = "create", queue: bool = True
    ) -> Article:
        """Insert a new article and its first revision; returns it with its id.

        `queue=False` keeps it off the outbox (sample articles never reach a server).
        """
        with self.store.atomic():
            stamp = now_utc()
            article.created_at = article.created_at or stamp
            article.updated_at = stamp
            cur = self.conn.execute(
                "INSERT INTO articles (uuid, edition, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (article.uuid, article.edition, article.created_at, article.updated_at),
            )
            article.id = int(cur.lastrowid or 0)
            self._write(article, author=author, reason=reason, queue=queue)
        return article

    def save(
        self, article: Article, *, author: str = "", reason: str = "save", queue: bool = True
    ) -> int:
        """Write the article's content as a new revision; returns the revision number.

        Saving content identical to the current revision writes nothing and
        returns the current number.
        """
        if article.id is None:
            self.create(article, author=author, reason=reason)
            return 1
        with self.store.atomic():
            current = self.store.revisions.latest(article.id)
            if current is not None and current.content == _normalised(article.content()):
                self.store.autosaves.discard(article.id)
                return current.number
            article.updated_at = now_utc()
            number = self._write(article, author=author, reason=reason, queue=queue)
        return number

    def _write(self, article: Article, *, author: str, reason: str, queue: bool = True) -> int:
        assert article.id is not None
        content = article.content()
        self.conn.execute(
            "UPDATE articles SET edition=?, section=?, subsection=?, regions=?, coverage=?, "
            "slug=?, headline=?, standfirst=?, body=?, byline=?, dateline=?, priority=?, "
            "status=?, embargo_at=?, scheduled_at=?, lead_photo_id=?, correction=?, word_count=?, "
            "updated_at=? WHERE id=?",
            (
                article.edition,
                article.section,
                article.subsection,
                json.dumps(article.regions, ensure_ascii=False),
                article.coverage,
                article.slug,
                article.headline,
                article.standfirst,
                article.body,
                article.byline,
                article.dateline,
                int(article.priority),
                article.status,
                article.embargo_at,
                article.scheduled_at,
                article.lead_photo_id,
                article.correction,
                word_count(article.body),
                article.updated_at,
                article.id,
            ),
        )
        self.store.tags.set_for_article(article.id, article.tags)
        self._write_sources(article)
        self.store.search.index(article)
        number = self.store.revisions.add(
            article.id, content, author=author, reason=reason, captions=self._captions(article.id)
        )
        self.conn.execute("UPDATE articles SET revision = ? WHERE id = ?", (number, article.id))
        self.store.autosaves.discard(article.id)
        if queue:
            self.store.outbox.enqueue_article(article.id, number)
        return number

    def _captions(self, article_id: int) -> list[dict[str, Any]]:
        """What each photo's caption reads in this article now, kept with the revision."""
        return [
            {
                "role": used.use.role,
                "photo_uuid": used.photo.uuid,
                "caption": used.caption.text,
                "credit": used.caption.credit,
                "alt_text": used.caption.alt_text,
            }
            for used in self.store.photos.uses.for_article(article_id)
        ]

    def _write_sources(self, article: Article) -> None:
        assert article.id is not None
        self.conn.execute("DELETE FROM sources WHERE article_id = ?", (article.id,))
        for position, source in enumerate(article.sources):
            cur = self.conn.execute(
                "INSERT INTO sources (article_id, position, name, url, kind, notes, attribution, "
                "file_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    position,
                    source.name,
                    source.url,
                    source.kind,
                    source.notes,
                    int(source.attribution),
                    source.file_path,
                ),
            )
            source.id = cur.lastrowid

    def delete(self, article_id: int) -> None:
        with self.store.atomic():
            self.store.search.remove(article_id)
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def _normalised(content: dict[str, Any]) -> dict[str, Any]:
    """Content as it reads back from JSON, for comparing with a stored revision."""
    return json.loads(json.dumps(content, ensure_ascii=False))


def _filters(
    *,
    status: str | None = None,
    section: str | None = None,
    edition: str | None = None,
    since: str | None = None,
    until: str | None = None,
    table: str = "articles",
) -> tuple[str, list[Any]]:
    clauses, params = [], []
    for column, value in (("status", status), ("section", section), ("edition", edition)):
        if value:
            clauses.append(f"{table}.{column} = ?")
            params.append(value)
    if since:
        clauses.append(f"{table}.updated_at >= ?")
        params.append(since)
    if until:
        clauses.append(f"{table}.updated_at <= ?")
        params.append(until)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
