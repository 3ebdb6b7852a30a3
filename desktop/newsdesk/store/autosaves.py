"""The autosave journal: the editor's unsaved state, kept for crash recovery."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc

if TYPE_CHECKING:
    from .db import Store


@dataclass(frozen=True)
class Recovered:
    article_id: int
    headline: str
    saved_at: str
    revision: int


class Autosaves:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def write(self, article_id: int, content: dict[str, Any]) -> None:
        # A single autocommitted statement: durable in the WAL the moment it returns.
        self.conn.execute(
            "INSERT INTO autosaves (article_id, content, saved_at) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET content = excluded.content, "
            "saved_at = excluded.saved_at",
            (article_id, json.dumps(content, ensure_ascii=False), now_utc()),
        )

    def discard(self, article_id: int) -> None:
        self.conn.execute("DELETE FROM autosaves WHERE article_id = ?", (article_id,))

    def pending(self) -> list[int]:
        return [int(r[0]) for r in self.conn.execute("SELECT article_id FROM autosaves")]

    def recover_all(self, *, author: str = "") -> list[Recovered]:
        """Turn every journalled edit into a revision; say what came back."""
        recovered = []
        rows = self.conn.execute("SELECT article_id, content, saved_at FROM autosaves").fetchall()
        for article_id, content, saved_at in rows:
            with self.store.atomic():
                article = self.store.articles.get(article_id)
                article.apply_content(json.loads(content))
                number = self.store.articles.save(article, author=author, reason="recovered")
            recovered.append(Recovered(article_id, article.headline, saved_at, number))
        return recovered
