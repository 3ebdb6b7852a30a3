"""Scheduled means published: a scheduled story past its time is checked on the site.

WordPress publishes a `future` post from its cron, which REST requests never run:
a post can miss its time. The companion plugin publishes past-due posts when a
sync asks (`publish_missed`); whatever is still not live after that is said
loudly here, and the story stays scheduled in the store until the site says it
is published.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..domain.article import Status
from .errors import NotFoundOnServer, RefusedError
from .mapping import PULL_STATUSES

if TYPE_CHECKING:
    from .resources import SiteResources


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


EDITORS = ("editor", "administrator")  # WordPress roles that may publish others' posts


def due_schedules(res: SiteResources, now: datetime | None = None) -> dict[int, tuple[str, str]]:
    """Stories scheduled on this site whose time has passed: post id -> (headline, time).
    From the store alone (a rescheduled post moves its modified time, so the pull
    keeps the store's times current)."""
    now = now or datetime.now(UTC)
    rows = res.store.conn.execute(
        "SELECT a.headline, a.scheduled_at, r.remote_id FROM articles a "
        "JOIN remote_posts r ON r.article_id = a.id "
        "WHERE a.status = ? AND r.site_id = ? AND r.remote_id IS NOT NULL",
        (Status.SCHEDULED.value, res.site_id),
    ).fetchall()
    return {
        int(remote_id): (headline, at)
        for headline, at, remote_id in rows
        if at and (moment := _moment(at)) is not None and moment <= now
    }


def publish_missed(res: SiteResources) -> list[int]:
    """Ask the site to publish its past-due scheduled posts, when the store knows of one
    (an editor's store holds every post of the site). Editors only: a reporter's desk
    would be refused, and a site without the plugin (or before 2.1) cannot."""
    if not res.site.has_plugin or res.site.role not in EDITORS or not due_schedules(res):
        return []
    try:
        answer = res.client.post("/newsdesk/v1/publish-missed", {})
    except (RefusedError, NotFoundOnServer):
        return []
    return [int(i) for i in answer.get("published", [])]


def missed_schedules(res: SiteResources, now: datetime | None = None) -> list[str]:
    """A warning for each story scheduled on this site whose time has passed while its
    post is still not published (asked of the site only when there is one)."""
    due = due_schedules(res, now)
    if not due:
        return []
    live: dict[int, str] = {}
    ids = sorted(due)
    for start in range(0, len(ids), 100):
        page = res.client.get(
            "/wp/v2/posts",
            include=",".join(str(i) for i in ids[start : start + 100]),
            status=PULL_STATUSES,
            context="edit",
            per_page=100,
            _fields="id,status",
        )
        live.update({int(p["id"]): str(p.get("status", "")) for p in page})
    how = (
        "publish it in wp-admin, or give the site a system cron"
        if not res.site.has_plugin
        else "the site would not publish it; look at it in wp-admin"
    )
    return [
        f"NOT LIVE: “{headline}” was scheduled for {at} and is still not published on "
        f"{res.site.name} (status: {live.get(remote_id, 'missing')}); {how}."
        for remote_id, (headline, at) in due.items()
        if live.get(remote_id) != "publish"
    ]
