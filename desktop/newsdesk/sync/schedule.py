"""Scheduled means published: a scheduled story past its time is checked on the site.

WordPress publishes a `future` post from its cron, which REST requests never run:
a post can miss its time. The companion plugin publishes past-due posts when a
sync asks (claims.publish_missed); whatever is still not live after that is said
loudly here, and the story stays scheduled in the store until the site says it
is published.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..domain.article import Status
from .mapping import PULL_STATUSES

if TYPE_CHECKING:
    from .resources import SiteResources


def _moment(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def missed_schedules(res: SiteResources, now: datetime | None = None) -> list[str]:
    """A warning for each story scheduled on this site whose time has passed (by the
    desk's schedule or the post's own date) while its post is still not published."""
    now = now or datetime.now(UTC)
    rows = res.store.conn.execute(
        "SELECT a.headline, a.scheduled_at, r.remote_id FROM articles a "
        "JOIN remote_posts r ON r.article_id = a.id "
        "WHERE a.status = ? AND r.site_id = ? AND r.remote_id IS NOT NULL",
        (Status.SCHEDULED.value, res.site_id),
    ).fetchall()
    if not rows:
        return []
    scheduled = {int(remote_id): (headline, at or "") for headline, at, remote_id in rows}
    posts: dict[int, dict[str, str]] = {}
    ids = sorted(scheduled)
    for start in range(0, len(ids), 100):
        page = res.client.get(
            "/wp/v2/posts",
            include=",".join(str(i) for i in ids[start : start + 100]),
            status=PULL_STATUSES,
            context="edit",
            per_page=100,
            _fields="id,status,date_gmt",
        )
        posts.update({int(p["id"]): p for p in page})
    how = (
        "publish it in wp-admin, or give the site a system cron"
        if not res.site.has_plugin
        else "the site would not publish it; look at it in wp-admin"
    )
    warnings = []
    for remote_id, (headline, at) in scheduled.items():
        post = posts.get(remote_id, {})
        times = [_moment(at), _moment(str(post.get("date_gmt") or ""))]
        due = any(t is not None and t <= now for t in times)
        status = str(post.get("status") or "missing")
        if due and status != "publish":
            warnings.append(
                f"NOT LIVE: “{headline}” was scheduled for {at or post.get('date_gmt')} and is "
                f"still not published on {res.site.name} (status: {status}); {how}."
            )
    return warnings
