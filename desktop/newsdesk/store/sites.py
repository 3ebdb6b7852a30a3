"""Publishing sites: where articles go. Never the password (that lives in the OS keyring)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc
from .errors import NotFoundError, StoreError

# A new site's first pull brings the last three months (and one's own and the desk's
# pending and scheduled stories of any age); older ones are found by searching the site.
DEFAULT_WINDOW_DAYS = 90

if TYPE_CHECKING:
    from .db import Store


@dataclass
class Site:
    name: str
    url: str
    username: str
    ca_bundle: str = ""
    editions: list[str] = field(default_factory=list)  # empty: every edition
    category_map: dict[str, str] = field(default_factory=dict)
    role: str = ""
    remote_user_id: int | None = None
    has_plugin: bool = False
    pulled_until: str = ""
    # How far back a first pull reaches, in days (0: the whole archive); see m0011.
    window_days: int = DEFAULT_WINDOW_DAYS
    # How far back the pulls have brought the archive so far (0: all of it); see m0016.
    window_held_days: int = DEFAULT_WINDOW_DAYS
    created_at: str = field(default_factory=now_utc)
    verified_at: str | None = None
    id: int | None = None

    def takes(self, edition: str) -> bool:
        return not self.editions or edition in self.editions

    def window_in_words(self) -> str:
        reach = (
            "the whole archive" if self.window_days == 0 else f"the last {self.window_days} days"
        )
        if self.window_to_widen():
            return f"{reach} (the older ones come with the next sync)"
        return reach

    def window_to_widen(self) -> bool:
        """The window was widened after a pull: older stories are still to come."""
        if self.window_held_days == 0:
            return False
        return self.window_days == 0 or self.window_days > self.window_held_days

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "url": self.url,
            "username": self.username,
            "role": self.role,
            "editions": list(self.editions),
            "has_plugin": self.has_plugin,
            "ca_bundle": self.ca_bundle,
            "pulled_until": self.pulled_until,
            "window_days": self.window_days,
            "window_held_days": self.window_held_days,
            "verified_at": self.verified_at,
        }


class Sites:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def add(self, site: Site) -> Site:
        try:
            with self.store.atomic():
                cur = self.conn.execute(
                    "INSERT INTO sites (name, url, username, ca_bundle, editions, category_map, "
                    "role, remote_user_id, has_plugin, created_at, verified_at, window_days, "
                    "window_held_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        site.name,
                        site.url,
                        site.username,
                        site.ca_bundle,
                        json.dumps(site.editions),
                        json.dumps(site.category_map, ensure_ascii=False),
                        site.role,
                        site.remote_user_id,
                        int(site.has_plugin),
                        site.created_at,
                        site.verified_at,
                        site.window_days,
                        site.window_days,  # what a first pull will bring
                    ),
                )
        except sqlite3.IntegrityError as exc:
            raise StoreError(f"A site named {site.name!r} already exists.") from exc
        site.id = int(cur.lastrowid or 0)
        site.window_held_days = site.window_days
        return site

    def update(self, site: Site) -> None:
        if site.id is None:
            raise StoreError("Cannot update a site that was never added.")
        # Another address, login or window: the next sync is a full one (changes_seen '').
        self.conn.execute(
            "UPDATE sites SET url=?, username=?, ca_bundle=?, editions=?, category_map=?, role=?, "
            "remote_user_id=?, has_plugin=?, verified_at=?, window_days=?, changes_seen='' "
            "WHERE id=?",
            (
                site.url,
                site.username,
                site.ca_bundle,
                json.dumps(site.editions),
                json.dumps(site.category_map, ensure_ascii=False),
                site.role,
                site.remote_user_id,
                int(site.has_plugin),
                site.verified_at,
                site.window_days,
                site.id,
            ),
        )

    def set_pulled_until(self, site_id: int, modified_gmt: str) -> None:
        self.conn.execute(
            "UPDATE sites SET pulled_until = ? WHERE id = ? AND pulled_until < ?",
            (modified_gmt, site_id, modified_gmt),
        )

    def set_window_held(self, site_id: int, days: int) -> None:
        self.conn.execute("UPDATE sites SET window_held_days = ? WHERE id = ?", (days, site_id))

    def pull_resume(self, site_id: int) -> dict[str, Any]:
        """Where this site's unfinished pull stopped ({} when none is): see m0011."""
        row = self.conn.execute("SELECT pull_resume FROM sites WHERE id = ?", (site_id,)).fetchone()
        try:
            found = json.loads(row[0]) if row and row[0] else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def set_pull_resume(self, site_id: int, resume: dict[str, Any] | None) -> None:
        self.conn.execute(
            "UPDATE sites SET pull_resume = ? WHERE id = ?",
            (json.dumps(resume) if resume else "", site_id),
        )

    def changes_seen(self, site_id: int) -> dict[str, Any]:
        """The site's change counter as the last complete sync left it ({} when none): m0013."""
        row = self.conn.execute(
            "SELECT changes_seen FROM sites WHERE id = ?", (site_id,)
        ).fetchone()
        try:
            found = json.loads(row[0]) if row and row[0] else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def set_changes_seen(self, site_id: int, seen: dict[str, Any] | None) -> None:
        self.conn.execute(
            "UPDATE sites SET changes_seen = ? WHERE id = ?",
            (json.dumps(seen) if seen else "", site_id),
        )

    def get(self, site_id: int) -> Site:
        row = self.conn.execute("SELECT * FROM sites WHERE id = ?", (site_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"No site with id {site_id}.")
        return _site(row)

    def by_name(self, name: str) -> Site:
        row = self.conn.execute("SELECT * FROM sites WHERE name = ?", (name,)).fetchone()
        if row is None:
            names = ", ".join(s.name for s in self.list()) or "none yet"
            raise NotFoundError(f"No site named {name!r} (sites: {names}).")
        return _site(row)

    def list(self) -> list[Site]:
        return [_site(r) for r in self.conn.execute("SELECT * FROM sites ORDER BY name")]

    def remove(self, site_id: int) -> None:
        self.conn.execute("DELETE FROM sites WHERE id = ?", (site_id,))


def _site(row: sqlite3.Row) -> Site:
    return Site(
        id=int(row["id"]),
        name=row["name"],
        url=row["url"],
        username=row["username"],
        ca_bundle=row["ca_bundle"],
        editions=json.loads(row["editions"]),
        category_map=json.loads(row["category_map"]),
        role=row["role"],
        remote_user_id=row["remote_user_id"],
        has_plugin=bool(row["has_plugin"]),
        pulled_until=row["pulled_until"],
        window_days=int(row["window_days"]),
        window_held_days=int(row["window_held_days"]),
        created_at=row["created_at"],
        verified_at=row["verified_at"],
    )
