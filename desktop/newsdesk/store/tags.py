"""Tags: unique whatever their case, counted for completion, renamed and merged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import NotFoundError, StoreError

if TYPE_CHECKING:
    from .db import Store


def clean_tags(names: list[str]) -> list[str]:
    """Trimmed, without empties or case-insensitive repeats, order kept."""
    seen: set[str] = set()
    result = []
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return result


class Tags:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def ensure(self, name: str) -> int:
        name = " ".join(name.split())
        row = self.conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        return int(self.conn.execute("INSERT INTO tags (name) VALUES (?)", (name,)).lastrowid or 0)

    def set_for_article(self, article_id: int, names: list[str]) -> None:
        self.conn.execute("DELETE FROM article_tags WHERE article_id = ?", (article_id,))
        for position, name in enumerate(clean_tags(names)):
            self.conn.execute(
                "INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)",
                (article_id, self.ensure(name), position),
            )

    def usage(self, prefix: str = "", limit: int = 50) -> list[tuple[str, int]]:
        """Tags with their article counts, most used first (for completion)."""
        rows = self.conn.execute(
            "SELECT t.name, count(at.article_id) AS n FROM tags t "
            "LEFT JOIN article_tags at ON at.tag_id = t.id "
            "WHERE t.name LIKE ? ESCAPE '\\' GROUP BY t.id ORDER BY n DESC, t.name LIMIT ?",
            (_like_prefix(prefix), limit),
        ).fetchall()
        return [(r[0], int(r[1])) for r in rows]

    def all_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM tags ORDER BY name")]

    def rename(self, old: str, new: str) -> None:
        """Rename a tag everywhere; renaming onto another existing tag merges them."""
        new = " ".join(new.split())
        if not new:
            raise StoreError("A tag needs a name.")
        with self.store.atomic():
            source = self._id(old)
            target = self.conn.execute("SELECT id FROM tags WHERE name = ?", (new,)).fetchone()
            if target and int(target[0]) != source:
                self._merge_ids(source, int(target[0]))
            else:
                self.conn.execute("UPDATE tags SET name = ? WHERE id = ?", (new, source))
            self._reindex_tagged(self._id(new))

    def merge(self, sources: list[str], target: str) -> None:
        """Fold every tag in `sources` into `target` (created if missing)."""
        with self.store.atomic():
            target_id = self.ensure(target)
            for name in sources:
                source_id = self._id(name)
                if source_id != target_id:
                    self._merge_ids(source_id, target_id)
            self._reindex_tagged(target_id)

    def _merge_ids(self, source_id: int, target_id: int) -> None:
        self.conn.execute(
            "INSERT OR IGNORE INTO article_tags (article_id, tag_id, position) "
            "SELECT article_id, ?, position FROM article_tags WHERE tag_id = ?",
            (target_id, source_id),
        )
        self.conn.execute("DELETE FROM tags WHERE id = ?", (source_id,))

    def _reindex_tagged(self, tag_id: int) -> None:
        rows = self.conn.execute("SELECT article_id FROM article_tags WHERE tag_id = ?", (tag_id,))
        for (article_id,) in rows.fetchall():
            self.store.search.index(self.store.articles.get(article_id))

    def _id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM tags WHERE name = ?", (name.strip(),)).fetchone()
        if row is None:
            raise NotFoundError(f"No tag named {name!r}.")
        return int(row[0])


def _like_prefix(prefix: str) -> str:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"
