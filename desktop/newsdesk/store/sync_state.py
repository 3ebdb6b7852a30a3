"""What the sync engine remembers: post and media mappings, conflicts, terms, the log, retries."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc
from .errors import NotFoundError

if TYPE_CHECKING:
    from .db import Store

SYNC_STATES = ("synced", "waiting", "conflict", "error", "trashed", "deleted")


@dataclass
class RemotePost:
    article_id: int
    site_id: int
    marker: str
    remote_id: int | None = None
    modified_gmt: str = ""
    base_revision: int | None = None
    base_remote: dict[str, Any] = field(default_factory=dict)
    remote_status: str = ""
    link: str = ""
    state: str = "waiting"
    last_error: str = ""
    synced_at: str | None = None
    id: int | None = None
    # Category name -> why the post went out without it (the site lacks it, we may not add it).
    missing_categories: dict[str, str] = field(default_factory=dict)


@dataclass
class Conflict:
    id: int
    article_id: int
    site_id: int
    fields: list[str]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    base: dict[str, Any]
    merged: dict[str, Any]
    theirs_modified_gmt: str
    theirs_remote: dict[str, Any]
    created_at: str
    resolved_at: str | None
    resolution: str


@dataclass(frozen=True)
class DueEntry:
    id: int
    article_id: int
    revision: int
    attempts: int


class SyncState:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    # --- article <-> post ---------------------------------------------------
    def remote_post(self, article_id: int, site_id: int) -> RemotePost | None:
        row = self.conn.execute(
            "SELECT * FROM remote_posts WHERE article_id = ? AND site_id = ?", (article_id, site_id)
        ).fetchone()
        return _remote_post(row) if row else None

    def remote_post_by_remote_id(self, site_id: int, remote_id: int) -> RemotePost | None:
        row = self.conn.execute(
            "SELECT * FROM remote_posts WHERE site_id = ? AND remote_id = ?", (site_id, remote_id)
        ).fetchone()
        return _remote_post(row) if row else None

    def remote_posts(self, site_id: int) -> list[RemotePost]:
        rows = self.conn.execute(
            "SELECT * FROM remote_posts WHERE site_id = ? ORDER BY id", (site_id,)
        ).fetchall()
        return [_remote_post(r) for r in rows]

    def save_remote_post(self, rp: RemotePost) -> RemotePost:
        values = (
            rp.remote_id,
            rp.marker,
            rp.modified_gmt,
            rp.base_revision,
            json.dumps(rp.base_remote, ensure_ascii=False),
            rp.remote_status,
            rp.link,
            rp.state,
            rp.last_error,
            rp.synced_at,
            json.dumps(rp.missing_categories, ensure_ascii=False),
        )
        if rp.id is None:
            cur = self.conn.execute(
                "INSERT INTO remote_posts (remote_id, marker, modified_gmt, base_revision, "
                "base_remote, remote_status, link, state, last_error, synced_at, "
                "missing_categories, article_id, site_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, rp.article_id, rp.site_id),
            )
            rp.id = int(cur.lastrowid or 0)
        else:
            self.conn.execute(
                "UPDATE remote_posts SET remote_id=?, marker=?, modified_gmt=?, base_revision=?, "
                "base_remote=?, remote_status=?, link=?, state=?, last_error=?, synced_at=?, "
                "missing_categories=? WHERE id=?",
                (*values, rp.id),
            )
        return rp

    def set_state(self, article_id: int, site_id: int, state: str, error: str = "") -> None:
        self.conn.execute(
            "UPDATE remote_posts SET state = ?, last_error = ? WHERE article_id = ? AND site_id = ?",
            (state, error, article_id, site_id),
        )

    def posts_missing_categories(self, site_id: int | None = None) -> list[RemotePost]:
        """Posts that went out without a category the site lacked (one site, or all)."""
        sql = "SELECT * FROM remote_posts WHERE missing_categories != '{}'"
        params: tuple[Any, ...] = ()
        if site_id is not None:
            sql += " AND site_id = ?"
            params = (site_id,)
        return [_remote_post(r) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def count_missing_categories(self) -> int:
        """Posts on any site still without a category they should have."""
        return int(
            self.conn.execute(
                "SELECT count(*) FROM remote_posts WHERE missing_categories != '{}'"
            ).fetchone()[0]
        )

    def article_warnings(self, ids: list[int]) -> dict[int, list[str]]:
        """Per article, why its posts lack a category (for the list's tooltip)."""
        warnings: dict[int, list[str]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.conn.execute(
                "SELECT article_id, missing_categories FROM remote_posts WHERE "
                f"missing_categories != '{{}}' AND article_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY id",
                chunk,
            )
            for article_id, missing in rows:
                warnings.setdefault(article_id, []).extend(json.loads(missing).values())
        return warnings

    def article_states(self, ids: list[int] | None = None) -> dict[int, str]:
        """Per article the worst state over its sites (for the article list).

        'warning' is not a post state of its own: a synced or waiting post that
        went out without a category. `ids` limits the answer to those articles
        (a list page), so a large store is not scanned to label two hundred rows.
        """
        order = {
            s: i
            for i, s in enumerate(
                ("synced", "trashed", "deleted", "waiting", "warning", "error", "conflict")
            )
        }
        states: dict[int, str] = {}
        has_site = self.conn.execute("SELECT 1 FROM sites LIMIT 1").fetchone() is not None
        chunks = [None] if ids is None else [ids[i : i + 500] for i in range(0, len(ids), 500)]
        for chunk in chunks:
            where = "" if chunk is None else f" AND article_id IN ({','.join('?' * len(chunk))})"
            params = [] if chunk is None else list(chunk)
            rows = self.conn.execute(
                "SELECT article_id, CASE WHEN missing_categories != '{}' AND state IN "
                "('synced', 'waiting') THEN 'warning' ELSE state END FROM remote_posts "
                f"WHERE 1{where}",
                params,
            )
            for article_id, state in rows:
                if article_id not in states or order[state] > order[states[article_id]]:
                    states[article_id] = state
            if not has_site:
                continue  # with no server set up, local saves wait for nothing
            pending = self.conn.execute(
                f"SELECT DISTINCT article_id FROM outbox WHERE state = 'pending'{where}", params
            )
            for (article_id,) in pending:
                if states.get(article_id) in (None, "synced"):
                    states[article_id] = "waiting"
        return states

    # --- conflicts ----------------------------------------------------------
    def add_conflict(
        self,
        article_id: int,
        site_id: int,
        *,
        fields: list[str],
        mine: dict[str, Any],
        theirs: dict[str, Any],
        base: dict[str, Any],
        merged: dict[str, Any],
        theirs_modified_gmt: str,
        theirs_remote: dict[str, Any],
    ) -> int:
        # One open conflict per article and site: a newer one replaces the older.
        self.conn.execute(
            "UPDATE sync_conflicts SET resolved_at = ?, resolution = 'superseded' "
            "WHERE article_id = ? AND site_id = ? AND resolved_at IS NULL",
            (now_utc(), article_id, site_id),
        )
        dump = lambda value: json.dumps(value, ensure_ascii=False)  # noqa: E731
        cur = self.conn.execute(
            "INSERT INTO sync_conflicts (article_id, site_id, fields, mine, theirs, base, merged, "
            "theirs_modified_gmt, theirs_remote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                site_id,
                dump(fields),
                dump(mine),
                dump(theirs),
                dump(base),
                dump(merged),
                theirs_modified_gmt,
                dump(theirs_remote),
                now_utc(),
            ),
        )
        return int(cur.lastrowid or 0)

    def post_states(self, limit: int = 500) -> list[dict[str, Any]]:
        """Each article's post on each site, most recently changed first: article_id,
        headline, site_id, state, last_error, missing_categories (category -> why)."""
        rows = self.conn.execute(
            "SELECT rp.article_id, a.headline, rp.site_id, rp.state, rp.last_error, "
            "rp.missing_categories FROM remote_posts rp "
            "JOIN articles a ON a.id = rp.article_id ORDER BY a.updated_at DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [
            {**dict(r), "missing_categories": json.loads(r["missing_categories"] or "{}")}
            for r in rows
        ]

    def open_conflicts(self, article_id: int | None = None) -> list[Conflict]:
        sql = "SELECT * FROM sync_conflicts WHERE resolved_at IS NULL"
        params: tuple[Any, ...] = ()
        if article_id is not None:
            sql += " AND article_id = ?"
            params = (article_id,)
        return [_conflict(r) for r in self.conn.execute(sql + " ORDER BY id", params)]

    def conflict(self, conflict_id: int) -> Conflict:
        row = self.conn.execute(
            "SELECT * FROM sync_conflicts WHERE id = ?", (conflict_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No conflict with id {conflict_id}.")
        return _conflict(row)

    def mark_resolved(self, conflict_id: int, resolution: str) -> None:
        self.conn.execute(
            "UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
            (now_utc(), resolution, conflict_id),
        )

    # --- photo <-> media ----------------------------------------------------
    def media(self, site_id: int, sha256: str) -> tuple[int, str, str] | None:
        row = self.conn.execute(
            "SELECT remote_id, source_url, meta_hash FROM remote_media "
            "WHERE site_id = ? AND sha256 = ?",
            (site_id, sha256),
        ).fetchone()
        return (int(row[0]), row[1], row[2]) if row else None

    def media_by_remote_id(self, site_id: int, remote_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT sha256 FROM remote_media WHERE site_id = ? AND remote_id = ?",
            (site_id, remote_id),
        ).fetchone()
        return str(row[0]) if row else None

    def save_media(
        self, site_id: int, sha256: str, remote_id: int, source_url: str, meta_hash: str
    ) -> None:
        self.conn.execute(
            "INSERT INTO remote_media (site_id, sha256, remote_id, source_url, meta_hash, "
            "uploaded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (site_id, sha256) DO UPDATE SET "
            "remote_id = excluded.remote_id, source_url = excluded.source_url, "
            "meta_hash = excluded.meta_hash",
            (site_id, sha256, remote_id, source_url, meta_hash, now_utc()),
        )

    def count_media(self, site_id: int) -> int:
        return int(
            self.conn.execute(
                "SELECT count(*) FROM remote_media WHERE site_id = ? AND remote_id > 0", (site_id,)
            ).fetchone()[0]
        )

    # --- photos a pulled post uses, waiting for their download ----------------
    def photo_download_failed(
        self, site_id: int, media_id: int, post_id: int, *, lead: bool, error: str
    ) -> None:
        self.conn.execute(
            "INSERT INTO photo_downloads (site_id, media_id, post_id, lead, error, tries) "
            "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (site_id, media_id, post_id) DO UPDATE SET "
            "error = excluded.error, tries = tries + 1, lead = max(lead, excluded.lead)",
            (site_id, media_id, post_id, int(lead), error),
        )

    def photo_downloads(self, site_id: int) -> list[tuple[int, int, bool, str]]:
        """(media id, post id, is the lead, last error) still to download from the site."""
        rows = self.conn.execute(
            "SELECT media_id, post_id, lead, error FROM photo_downloads WHERE site_id = ? "
            "ORDER BY media_id, post_id",
            (site_id,),
        )
        return [(int(r[0]), int(r[1]), bool(r[2]), str(r[3])) for r in rows]

    def photo_downloaded(self, site_id: int, media_id: int) -> None:
        self.conn.execute(
            "DELETE FROM photo_downloads WHERE site_id = ? AND media_id = ?", (site_id, media_id)
        )

    # --- categories and tags ------------------------------------------------
    def term_id(self, site_id: int, taxonomy: str, name: str) -> int | None:
        row = self.conn.execute(
            "SELECT remote_id FROM remote_terms WHERE site_id = ? AND taxonomy = ? AND name = ?",
            (site_id, taxonomy, name),
        ).fetchone()
        return int(row[0]) if row else None

    def term_name(self, site_id: int, taxonomy: str, remote_id: int) -> str | None:
        row = self.conn.execute(
            "SELECT name FROM remote_terms WHERE site_id = ? AND taxonomy = ? AND remote_id = ?",
            (site_id, taxonomy, remote_id),
        ).fetchone()
        return str(row[0]) if row else None

    def save_term(self, site_id: int, taxonomy: str, name: str, remote_id: int) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO remote_terms (site_id, taxonomy, name, remote_id) "
            "VALUES (?, ?, ?, ?)",
            (site_id, taxonomy, name, remote_id),
        )

    # --- the log -------------------------------------------------------------
    def log(
        self,
        message: str,
        *,
        level: str = "info",
        site_id: int | None = None,
        article_id: int | None = None,
    ) -> None:
        self.conn.execute(
            "INSERT INTO sync_log (at, site_id, article_id, level, message) VALUES (?, ?, ?, ?, ?)",
            (now_utc(), site_id, article_id, level, message),
        )

    def recent_log(self, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT l.*, s.name AS site FROM sync_log l LEFT JOIN sites s ON s.id = l.site_id "
            "ORDER BY l.id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        return [dict(r) for r in rows]

    # --- the outbox, as the engine drains it ---------------------------------
    def due_entries(self, now: datetime | None = None) -> list[DueEntry]:
        stamp = _iso(now or datetime.now(UTC))
        rows = self.conn.execute(
            "SELECT id, article_id, coalesce(revision, 0), attempts FROM outbox "
            "WHERE state = 'pending' AND kind = 'article.push' AND article_id IS NOT NULL "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id",
            (stamp,),
        ).fetchall()
        return [DueEntry(int(r[0]), int(r[1]), int(r[2]), int(r[3])) for r in rows]

    def finish_entry(self, entry_id: int, state: str = "done", error: str = "") -> None:
        self.conn.execute(
            "UPDATE outbox SET state = ?, last_error = ? WHERE id = ?", (state, error, entry_id)
        )

    def retry_entry(
        self, entry_id: int, delay_seconds: float, error: str, site_id: int | None = None
    ) -> None:
        at = _iso(datetime.now(UTC) + timedelta(seconds=delay_seconds))
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
            "site_id = ? WHERE id = ?",
            (at, error, site_id, entry_id),
        )

    def make_all_due(self) -> None:
        """The server answers again: stop waiting out the back-off."""
        self.conn.execute("UPDATE outbox SET next_attempt_at = NULL WHERE state = 'pending'")

    def waiting_count(self) -> int:
        return self.store.outbox.count_pending()


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _remote_post(row: sqlite3.Row) -> RemotePost:
    return RemotePost(
        id=int(row["id"]),
        article_id=int(row["article_id"]),
        site_id=int(row["site_id"]),
        remote_id=row["remote_id"],
        marker=row["marker"],
        modified_gmt=row["modified_gmt"],
        base_revision=row["base_revision"],
        base_remote=json.loads(row["base_remote"]),
        remote_status=row["remote_status"],
        link=row["link"],
        state=row["state"],
        last_error=row["last_error"],
        synced_at=row["synced_at"],
        missing_categories=json.loads(row["missing_categories"]),
    )


def _conflict(row: sqlite3.Row) -> Conflict:
    return Conflict(
        id=int(row["id"]),
        article_id=int(row["article_id"]),
        site_id=int(row["site_id"]),
        fields=json.loads(row["fields"]),
        mine=json.loads(row["mine"]),
        theirs=json.loads(row["theirs"]),
        base=json.loads(row["base"]),
        merged=json.loads(row["merged"]),
        theirs_modified_gmt=row["theirs_modified_gmt"],
        theirs_remote=json.loads(row["theirs_remote"]),
        created_at=row["created_at"],
        resolved_at=row["resolved_at"],
        resolution=row["resolution"],
    )
