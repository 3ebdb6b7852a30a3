"""Revisions: immutable snapshots of an article's content, numbered per article."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc
from .errors import NotFoundError

if TYPE_CHECKING:
    from .db import Store


@dataclass(frozen=True)
class Revision:
    id: int
    article_id: int
    number: int
    created_at: str
    author: str
    reason: str
    content: dict[str, Any]
    # The photos' captions as readers saw them at this revision; None before schema 5.
    captions: list[dict[str, Any]] | None = None


class Revisions:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def add(
        self,
        article_id: int,
        content: dict[str, Any],
        *,
        author: str,
        reason: str,
        captions: list[dict[str, Any]] | None = None,
    ) -> int:
        row = self.conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        number = int(row[0])
        self.conn.execute(
            "INSERT INTO revisions (article_id, number, created_at, author, reason, content, "
            "captions) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                number,
                now_utc(),
                author,
                reason,
                json.dumps(content, ensure_ascii=False),
                json.dumps(captions or [], ensure_ascii=False),
            ),
        )
        return number

    def list(self, article_id: int) -> list[Revision]:
        """Newest first."""
        rows = self.conn.execute(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY number DESC", (article_id,)
        ).fetchall()
        return [_revision(r) for r in rows]

    def get(self, article_id: int, number: int) -> Revision:
        row = self.conn.execute(
            "SELECT * FROM revisions WHERE article_id = ? AND number = ?", (article_id, number)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"Article {article_id} has no revision {number}.")
        return _revision(row)

    def latest(self, article_id: int) -> Revision | None:
        row = self.conn.execute(
            "SELECT * FROM revisions WHERE article_id = ? ORDER BY number DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return _revision(row) if row else None

    def restore(self, article_id: int, number: int, *, author: str = "") -> int:
        """Make revision `number` current again, as a new revision."""
        with self.store.atomic():
            old = self.get(article_id, number)
            article = self.store.articles.get(article_id)
            article.apply_content(old.content)
            return self.store.articles.save(article, author=author, reason=f"restore of {number}")


def _revision(row: Any) -> Revision:
    return Revision(
        id=row["id"],
        article_id=row["article_id"],
        number=row["number"],
        created_at=row["created_at"],
        author=row["author"],
        reason=row["reason"],
        content=json.loads(row["content"]),
        captions=json.loads(row["captions"]) if row["captions"] else None,
    )
