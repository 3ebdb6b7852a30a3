"""The editorial workflow in the store: transitions with author and time, notes, claims, queue."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..domain import workflow as rules
from ..domain.article import Status, now_utc
from .errors import StoreError

if TYPE_CHECKING:
    from .db import Store

QUEUE_STATUSES = (Status.SUBMITTED.value, Status.IN_EDIT.value)
STALE_CLAIM = timedelta(hours=2)


class ClaimedError(StoreError):
    """Another editor holds the story; taking it over needs `force`."""


@dataclass(frozen=True)
class TransitionRecord:
    action: str
    from_status: str
    to_status: str
    actor: str
    role: str
    note: str
    revision: int | None
    at: str


@dataclass(frozen=True)
class Note:
    id: int
    article_id: int
    parent_id: int | None
    author: str
    body: str
    kind: str
    created_at: str


@dataclass(frozen=True)
class Claim:
    editor: str
    claimed_at: str

    def is_stale(self, now: datetime | None = None) -> bool:
        claimed = datetime.fromisoformat(self.claimed_at.replace("Z", "+00:00"))
        return (now or datetime.now(UTC)) - claimed > STALE_CLAIM


class Workflow:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    # --- transitions -------------------------------------------------------
    def transition(
        self,
        article_id: int,
        action: str,
        *,
        actor: str,
        role: str,
        note: str = "",
        scheduled_at: str | None = None,
    ) -> str:
        """Move the story on; raises domain.workflow.WorkflowError when the rules forbid it."""
        with self.store.atomic():
            article = self.store.articles.get(article_id)
            before = article.status
            target = rules.apply(
                before, action, role, note=note, before_spike=self._before_spike(article_id)
            )
            if action == rules.Action.SCHEDULE:
                if not scheduled_at:
                    raise rules.WorkflowError("Scheduling needs a publication time.")
                if article.embargo_at and scheduled_at < article.embargo_at:
                    raise rules.WorkflowError(
                        f"The story is embargoed until {article.embargo_at}; "
                        f"it cannot be scheduled for {scheduled_at}."
                    )
                article.scheduled_at = scheduled_at
            if action == rules.Action.UNSCHEDULE:
                article.scheduled_at = None
            if (
                action == rules.Action.PUBLISH
                and article.embargo_at
                and now_utc() < article.embargo_at
            ):
                raise rules.WorkflowError(f"The story is embargoed until {article.embargo_at}.")
            if action == rules.Action.CORRECT:
                article.correction = note.strip()
            article.status = target
            revision = self.store.articles.save(article, author=actor, reason=str(action))
            self.conn.execute(
                "INSERT INTO transitions (article_id, action, from_status, to_status, actor, role, "
                "note, revision, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    str(action),
                    before,
                    target,
                    actor,
                    str(role),
                    note,
                    revision,
                    now_utc(),
                ),
            )
            if note.strip():
                self.add_note(article_id, actor, note, kind=str(action))
            if target == Status.IN_EDIT.value:
                self.claim(article_id, actor, force=True)
            elif before == Status.IN_EDIT.value:
                self.conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        return target

    def history(self, article_id: int) -> list[TransitionRecord]:
        rows = self.conn.execute(
            "SELECT action, from_status, to_status, actor, role, note, revision, at "
            "FROM transitions WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        return [TransitionRecord(*row) for row in rows]

    def submitted_revision(self, article_id: int) -> int | None:
        """The revision the reporter last submitted: the base of the editor's compare."""
        row = self.conn.execute(
            "SELECT revision FROM transitions WHERE article_id = ? AND action = 'submit' "
            "ORDER BY id DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _before_spike(self, article_id: int) -> str:
        row = self.conn.execute(
            "SELECT from_status FROM transitions WHERE article_id = ? AND action = 'spike' "
            "ORDER BY id DESC LIMIT 1",
            (article_id,),
        ).fetchone()
        return str(row[0]) if row else ""

    # --- notes -------------------------------------------------------------
    def add_note(
        self,
        article_id: int,
        author: str,
        body: str,
        *,
        parent_id: int | None = None,
        kind: str = "comment",
    ) -> int:
        if not body.strip():
            raise StoreError("A note cannot be empty.")
        note = self._insert_note(
            Note(0, article_id, parent_id, author, body.strip(), kind, now_utc())
        )
        # Notes travel with the story (the companion plugin's meta): queue it.
        revision = self.conn.execute(
            "SELECT revision FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        self.store.outbox.enqueue_article(article_id, int(revision[0]) if revision else 0)
        return note.id

    def _insert_note(self, note: Note) -> Note:
        cur = self.conn.execute(
            "INSERT INTO notes (article_id, parent_id, author, body, kind, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (note.article_id, note.parent_id, note.author, note.body, note.kind, note.created_at),
        )
        return replace(note, id=int(cur.lastrowid or 0))

    def notes_export(self, article_id: int) -> list[dict[str, Any]]:
        """The notes as plain data for another store; each keyed by its content, not its id."""
        notes = self.notes(article_id)
        keys = {n.id: _note_key(n.author, n.created_at, n.body) for n in notes}
        return [
            {
                "key": keys[n.id],
                "parent": keys.get(n.parent_id) if n.parent_id else None,
                "author": n.author,
                "body": n.body,
                "kind": n.kind,
                "created_at": n.created_at,
            }
            for n in notes
        ]

    def notes_import(self, article_id: int, notes: list[dict[str, Any]]) -> int:
        """Add the notes this store lacks (notes are only ever added: a union merges them)."""
        mine = self.notes(article_id)
        known = {_note_key(n.author, n.created_at, n.body): n for n in mine}
        by_text = {(n.created_at, n.body): n for n in mine}
        added = 0
        for item in notes:
            try:
                author, body, created = (
                    str(item["author"]),
                    str(item["body"]),
                    str(item["created_at"]),
                )
            except (KeyError, TypeError):
                continue  # someone else's malformed entry: skip it, keep the rest
            key = _note_key(author, created, body)
            if key in known or not body.strip():
                continue
            same = by_text.get((created, body))
            if same is not None:
                if item.get("author_id") is not None:
                    # The server signed this note with the name its writer is known by
                    # there: that name stands over the one this desktop wrote it under.
                    self.conn.execute("UPDATE notes SET author = ? WHERE id = ?", (author, same.id))
                    known[key] = replace(same, author=author)
                continue
            parent = known.get(str(item.get("parent") or ""))
            kind = str(item.get("kind") or "comment")
            known[key] = self._insert_note(
                Note(0, article_id, parent.id if parent else None, author, body, kind, created)
            )
            added += 1
        return added

    def notes(self, article_id: int) -> list[Note]:
        """Oldest first; replies carry their parent's id (threads)."""
        rows = self.conn.execute(
            "SELECT id, article_id, parent_id, author, body, kind, created_at FROM notes "
            "WHERE article_id = ? ORDER BY id",
            (article_id,),
        )
        return [Note(*row) for row in rows]

    # --- claims ------------------------------------------------------------
    def claim(self, article_id: int, editor: str, *, force: bool = False) -> Claim:
        """Take the story; a claim held by someone else is refused unless `force` (takeover)."""
        held = self.claim_of(article_id)
        if held and held.editor != editor and not force:
            age = "stale, " if held.is_stale() else ""
            raise ClaimedError(
                f"Being edited by {held.editor} since {held.claimed_at} ({age}take over to continue)."
            )
        stamp = now_utc()
        self.conn.execute(
            "INSERT INTO claims (article_id, editor, claimed_at) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET editor = excluded.editor, "
            "claimed_at = excluded.claimed_at",
            (article_id, editor, stamp),
        )
        return Claim(editor, stamp)

    def release(self, article_id: int, editor: str) -> None:
        self.conn.execute(
            "DELETE FROM claims WHERE article_id = ? AND editor = ?", (article_id, editor)
        )

    def claim_of(self, article_id: int) -> Claim | None:
        row = self.conn.execute(
            "SELECT editor, claimed_at FROM claims WHERE article_id = ?", (article_id,)
        ).fetchone()
        return Claim(*row) if row else None

    # --- the queue ---------------------------------------------------------
    def queue(
        self,
        *,
        section: str | None = None,
        edition: str | None = None,
        breaking_only: bool = False,
        limit: int = 10_000,
    ) -> list[dict[str, Any]]:
        """Submitted and in-edit stories: breaking first, then oldest waiting first."""
        clauses = ["a.status IN (?, ?)"]
        params: list[Any] = list(QUEUE_STATUSES)
        if section:
            clauses.append("a.section = ?")
            params.append(section)
        if edition:
            clauses.append("a.edition = ?")
            params.append(edition)
        if breaking_only:
            clauses.append("a.priority >= 1")
        sql = (
            "SELECT a.id, a.uuid, a.headline, a.status, a.section, a.subsection, a.edition, "
            "a.byline, a.priority, a.word_count, a.embargo_at, a.scheduled_at, a.updated_at, "
            "c.editor AS claimed_by, c.claimed_at "
            "FROM articles a LEFT JOIN claims c ON c.article_id = a.id "
            f"WHERE {' AND '.join(clauses)} "
            "ORDER BY a.priority DESC, a.updated_at ASC LIMIT ?"
        )
        return [dict(r) for r in self.conn.execute(sql, [*params, limit])]

    def stories(
        self, status: str, *, since: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        """Stories in one stage beyond the queue (scheduled, published, spiked, killed),
        with `since`: when they entered it (the last such transition here, else their
        last change, for a story that arrived by sync). Scheduled ones soonest first,
        the others latest first; `since` keeps those that entered it at or after then.
        """
        entered = (
            "coalesce((SELECT max(t.at) FROM transitions t "
            "WHERE t.article_id = a.id AND t.to_status = a.status), a.updated_at)"
        )
        order = "a.scheduled_at ASC" if status == Status.SCHEDULED.value else "since DESC"
        sql = (
            "SELECT a.id, a.uuid, a.headline, a.status, a.section, a.subsection, a.edition, "
            "a.byline, a.priority, a.scheduled_at, a.updated_at, a.correction, "
            f"{entered} AS since FROM articles a WHERE a.status = ? "
            + ("AND since >= ? " if since else "")
            + f"ORDER BY {order} LIMIT ?"
        )
        params: list[Any] = [status, *([since] if since else []), limit]
        return [dict(r) for r in self.conn.execute(sql, params)]

    def queue_counts(self, group_by: str = "section") -> dict[str, int]:
        if group_by not in ("section", "edition", "status", "priority"):
            raise StoreError(f"Cannot group the queue by {group_by!r}.")
        # "+column" keeps SQLite from walking the whole table in that column's
        # index order; it filters on the status index and groups what it finds.
        rows = self.conn.execute(
            f"SELECT {group_by}, count(*) FROM articles WHERE status IN (?, ?) "
            f"GROUP BY +{group_by}",
            QUEUE_STATUSES,
        )
        return {str(key): int(n) for key, n in rows}


def _note_key(author: str, created_at: str, body: str) -> str:
    return hashlib.sha1(f"{author}\n{created_at}\n{body}".encode()).hexdigest()[:16]
