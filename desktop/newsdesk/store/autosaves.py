"""The autosave journal: the editor's unsaved state, kept for crash recovery.

Recovery turns each journalled edit into a revision. A row that cannot be one
(unreadable, the wrong shape, far too big, its article gone) must not keep the
app from starting: it is written to a file in the store's `set-aside` folder,
taken out of the journal and reported; the good rows are still recovered.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.article import CONTENT_FIELDS, now_utc
from .errors import NotFoundError

if TYPE_CHECKING:
    from .db import Store

log = logging.getLogger(__name__)

SET_ASIDE_DIR = "set-aside"
# Far beyond any article (imports stop at 5 MB): a row this big is damage, and
# recovering it would put a revision nobody could edit into the history.
MAX_JOURNAL_BYTES = 8 * 1_048_576

_TEXT_FIELDS = {"edition", "section", "subsection", "coverage", "slug", "headline", "standfirst",
                "body", "byline", "dateline", "status", "correction"}  # fmt: skip
_OPTIONAL_TEXT_FIELDS = {"embargo_at", "scheduled_at"}


@dataclass(frozen=True)
class Recovered:
    article_id: int
    headline: str
    saved_at: str
    revision: int


@dataclass(frozen=True)
class SetAside:
    """A journal row recovery could not use: why, and the file that keeps it."""

    article_id: int
    reason: str
    path: Path | None  # None: the file could not be written; the row stays in the journal
    headline: str = ""  # "" when the article is gone

    def describe(self) -> str:
        kept = f"kept in {self.path}" if self.path else "left in the journal"
        named = (
            f"“{self.headline}” (article {self.article_id})"
            if self.headline
            else (f"article {self.article_id}")
        )
        return f"unsaved work of {named} {self.reason}; {kept}"


@dataclass
class Recovery:
    recovered: list[Recovered]
    set_aside: list[SetAside]


class _Unusable(Exception):
    """This journal row cannot become a revision; the message says why."""


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

    def recover_all(self, *, author: str = "") -> Recovery:
        """Turn every journalled edit into a revision; say what came back and what did not."""
        recovery = Recovery([], [])
        # As bytes: a row that is not UTF-8 would otherwise fail the whole fetch.
        rows = self.conn.execute(
            "SELECT article_id, CAST(content AS BLOB), CAST(saved_at AS BLOB) FROM autosaves"
        ).fetchall()
        for article_id, raw, raw_saved_at in rows:
            saved_at = bytes(raw_saved_at or b"").decode("utf-8", "replace")
            try:
                recovery.recovered.append(self._recover(article_id, raw, saved_at, author))
            except _Unusable as exc:
                recovery.set_aside.append(self._set_aside(article_id, raw, saved_at, str(exc)))
            except sqlite3.OperationalError as exc:  # busy, locked, disk full: try next start
                reason = f"could not be recovered now ({exc})"
                log.warning("autosave of article %s %s; left in the journal", article_id, reason)
                recovery.set_aside.append(
                    SetAside(article_id, reason, None, self._headline(article_id))
                )
            except Exception as exc:  # one row must not stop the start: set it aside
                reason = f"could not be saved ({type(exc).__name__}: {exc})"
                recovery.set_aside.append(self._set_aside(article_id, raw, saved_at, reason))
        return recovery

    def _recover(self, article_id: int, raw: bytes, saved_at: str, author: str) -> Recovered:
        data = _checked_content(raw)
        with self.store.atomic():
            try:
                article = self.store.articles.get(article_id)
            except NotFoundError:
                raise _Unusable("belongs to an article that no longer exists") from None
            article.apply_content(data)
            number = self.store.articles.save(article, author=author, reason="recovered")
        return Recovered(article_id, article.headline, saved_at, number)

    def _set_aside(self, article_id: int, raw: bytes, saved_at: str, reason: str) -> SetAside:
        """Keep the row in a file beside the store, then take it out of the journal."""
        folder = self.store.folder / SET_ASIDE_DIR
        stamp = re.sub(r"[^0-9A-Za-z]", "", now_utc())
        path = folder / f"autosave-article-{article_id}-{stamp}.json"
        record: dict[str, Any] = {"article_id": article_id, "saved_at": saved_at, "reason": reason}
        raw = bytes(raw or b"")
        try:
            record["content"] = raw.decode("utf-8")
        except UnicodeDecodeError:  # kept byte for byte all the same
            record["content_base64"] = base64.b64encode(raw).decode("ascii")
        headline = self._headline(article_id)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                try:
                    json.dump(record, handle, ensure_ascii=False)
                    handle.flush()
                    os.fsync(handle.fileno())
                except OSError:
                    path.unlink(missing_ok=True)  # half a copy is no copy
                    raise
        except OSError as exc:
            log.warning("autosave of article %s %s; not set aside (%s)", article_id, reason, exc)
            return SetAside(article_id, reason, None, headline)
        try:
            self.discard(article_id)
        except sqlite3.Error as exc:  # kept twice, in the file and the journal: still nothing lost
            log.warning("autosave of article %s stays in the journal too (%s)", article_id, exc)
        log.warning("autosave of article %s %s; set aside in %s", article_id, reason, path)
        return SetAside(article_id, reason, path, headline)

    def _headline(self, article_id: int) -> str:
        row = self.conn.execute("SELECT headline FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        return str(found[0] or "(no headline yet)") if found else ""


def _checked_content(raw: bytes) -> dict[str, Any]:
    """The journalled content, or _Unusable saying what is wrong with it."""
    if raw is None:
        raise _Unusable("is empty")
    if len(raw) > MAX_JOURNAL_BYTES:
        raise _Unusable(
            f"is {len(raw) / 1_048_576:.1f} MB, more than any article "
            f"({MAX_JOURNAL_BYTES // 1_048_576} MB)"
        )
    try:
        content = bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unusable(f"is not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(content)
    except (ValueError, RecursionError) as exc:
        raise _Unusable(f"is not readable ({str(exc)[:80]})") from None
    if not isinstance(data, dict):
        raise _Unusable("is not an article's fields")
    for name in CONTENT_FIELDS:
        if name in data and not _fits(name, data[name]):
            raise _Unusable(f"has a {type(data[name]).__name__} for its {name}")
    return data


def _fits(name: str, value: Any) -> bool:
    if name in _TEXT_FIELDS:
        return isinstance(value, str)
    if name in _OPTIONAL_TEXT_FIELDS:
        return value is None or isinstance(value, str)
    if name in ("regions", "tags"):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if name == "sources":
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)
    if name == "priority":
        return isinstance(value, int)
    if name == "lead_photo_id":
        return value is None or (isinstance(value, int) and not isinstance(value, bool))
    return True
