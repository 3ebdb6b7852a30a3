"""The outbox: local changes waiting to reach the server, one pending entry per article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.article import now_utc

if TYPE_CHECKING:
    from .db import Store


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    article_id: int | None
    kind: str
    revision: int | None
    state: str
    attempts: int
    last_error: str


class Outbox:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def enqueue_article(self, article_id: int, revision: int) -> None:
        """Queue a push of the article; a pending push already queued just moves forward."""
        updated = self.conn.execute(
            "UPDATE outbox SET revision = ? WHERE article_id = ? AND kind = 'article.push' "
            "AND state = 'pending'",
            (revision, article_id),
        ).rowcount
        if not updated:
            self.conn.execute(
                "INSERT INTO outbox (article_id, kind, revision, created_at) "
                "VALUES (?, 'article.push', ?, ?)",
                (article_id, revision, now_utc()),
            )

    def drop_pending(self, article_ids: list[int]) -> None:
        """Forget the pushes waiting for these articles (made from a site's posts: the
        site holds them already)."""
        marks = ",".join("?" * len(article_ids))
        self.conn.execute(
            f"DELETE FROM outbox WHERE state = 'pending' AND article_id IN ({marks})",
            article_ids,
        )

    def pending(self) -> list[OutboxEntry]:
        rows = self.conn.execute(
            "SELECT id, article_id, kind, revision, state, attempts, last_error FROM outbox "
            "WHERE state = 'pending' ORDER BY id"
        ).fetchall()
        return [OutboxEntry(*row) for row in rows]

    def pending_article_ids(self) -> set[int]:
        """The articles with a push waiting."""
        rows = self.conn.execute("SELECT article_id FROM outbox WHERE state = 'pending'")
        return {int(r[0]) for r in rows}

    def count_pending(self) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
        )
