"""One cheap "changes since" request answers an idle sync (companion plugin 2.3).

The plugin counts the requests that changed anything Newsdesk syncs: posts, media
items, their meta (claims and wp-admin's post lock among it), the terms posts use
(`GET /newsdesk/v1/changes` -> version, the time of that change, the server's
clock). A full sync reads the number before it
pulls and, once everything succeeded, keeps it with the site (`sites.changes_seen`,
m0013). The next sync asks first: the same number, nothing here to send and no
work only this desk can start -> the sync is that one request.

A full sync runs anyway every FULL_SYNC_EVERY (a change the hooks cannot see: raw
SQL), when asked to look for deleted posts, and once a wp-admin post lock the last
full sync saw is due to lapse (it ends by time, with nothing written). A site
without the plugin, or with one older than 2.3 (no such route), syncs as before; the
latter is asked again every FULL_SYNC_EVERY, in case it was upgraded.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .errors import NotFoundOnServer, RefusedError
from .library import waiting_here
from .schedule import due_schedules

if TYPE_CHECKING:
    from .resources import SiteResources

ROUTE = "/newsdesk/v1/changes"
FULL_SYNC_EVERY = timedelta(minutes=10)


@dataclass
class SiteChanges:
    """The site's answer; `version` None: the site keeps no counter (plugin before 2.3)."""

    version: int | None
    now: str = ""  # the server's clock (ISO, GMT), against a wp-admin lock's lapse


def read_changes(res: SiteResources) -> SiteChanges:
    try:
        answer = res.client.get(ROUTE)
    except (RefusedError, NotFoundOnServer):
        return SiteChanges(None)
    if not isinstance(answer, dict) or "version" not in answer:
        return SiteChanges(None)
    return SiteChanges(int(answer["version"]), str(answer.get("now", "")))


def claims_fingerprint(res: SiteResources) -> str:
    """The claims this store holds on the site's stories: one made here while the site
    was out of reach is the site's business at the next full sync."""
    rows = res.store.conn.execute(
        "SELECT c.article_id, c.editor, c.claimed_at FROM claims c "
        "JOIN remote_posts r ON r.article_id = c.article_id "
        "WHERE r.site_id = ? AND r.remote_id IS NOT NULL ORDER BY c.article_id",
        (res.site_id,),
    ).fetchall()
    return hashlib.sha1(json.dumps([list(r) for r in rows]).encode()).hexdigest()[:16]


class ChangeCheck:
    """One site's sync, as far as the counter goes: `quiet()` before anything else,
    `before_pull()` before the pull, `remember()` once the sync completed."""

    def __init__(self, res: SiteResources, now: datetime, *, full: bool = False) -> None:
        self.res = res
        self.now = now
        self.full = full
        self.seen: dict[str, Any] = res.store.sites.changes_seen(res.site_id)
        fresh = self._fresh()
        # A plugin without the route is asked again only once the last answer is old.
        self.asks = res.site.has_plugin and not (self.seen.get("route") is False and fresh)
        self.known = fresh and isinstance(self.seen.get("version"), int)
        self.answer: SiteChanges | None = None

    def _fresh(self) -> bool:
        try:
            at = datetime.fromisoformat(str(self.seen.get("at", "")))
        except ValueError:
            return False
        return timedelta(0) <= self.now - at < FULL_SYNC_EVERY

    def waiting_here(self) -> str:
        """Why this desk must sync in full whatever the site says ('' when nothing)."""
        res = self.res
        if res.store.outbox.count_pending():
            return "stories to send"
        if self.seen.get("claims") != claims_fingerprint(res):
            return "claims changed here"
        if due_schedules(res, self.now):
            return "a schedule is due"
        if res.store.sync.photo_downloads(res.site_id):
            return "photos to download"
        if waiting_here(res):
            return "library photos to send or fetch"
        return ""

    def quiet(self) -> bool:
        """True when the one request found nothing changed since the last complete sync."""
        if self.full or not self.asks or not self.known or self.waiting_here():
            return False
        self.answer = read_changes(self.res)
        lapses = str(self.seen.get("lapses", ""))
        if lapses and not self.answer.now < lapses:
            return False  # a wp-admin lock this desk holds as a claim has run out
        return self.answer.version == self.seen["version"]

    def before_pull(self) -> None:
        """The number is read before the pull: a change after it moves it past ours."""
        if self.asks and self.answer is None:
            self.answer = read_changes(self.res)

    def remember(
        self, claims: list[dict[str, Any]] | None = None, *, complete: bool = True
    ) -> None:
        """Keep the number read before the pull (`claims`: the site's, as the sync read them)."""
        res = self.res
        if not self.asks or self.answer is None:
            return  # no plugin, or one without the route asked lately: as it was
        seen: dict[str, Any]
        if self.answer.version is None:
            seen = {"route": False, "at": self.now.isoformat()}
        else:
            # wp-admin locks lapse by time, unseen by the counter: the first to go.
            lapses = [str(c["until"]) for c in claims or [] if c.get("until")]
            seen = {
                "version": self.answer.version if complete else None,
                "at": self.now.isoformat(),
                "claims": claims_fingerprint(res),
                "lapses": min(lapses, default=""),
            }
        with res.store.atomic():
            res.store.sites.set_changes_seen(res.site_id, seen)
