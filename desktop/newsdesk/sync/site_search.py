"""Search the site: stories outside this desktop's sync window, found on demand and kept.

A desktop holds the last N days of the archive (sites.window_days). An older story
is found by asking WordPress's own search, and the ones a person picks are pulled
into the store like any other post: from then on they sync as the rest do.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import unescape
from typing import Any

from ..store import Store
from .client import WordPressClient
from .engine import SyncEngine
from .mapping import EDIT_FIELDS, PULL_STATUSES
from .photo_travel import bring_photos
from .pull import PullResult, _create_local, _nothing_to_send, _take
from .resources import SiteResources

SEARCH_LIMIT = 20


@dataclass
class Found:
    post_id: int
    headline: str
    date: str  # the post's date, GMT
    status: str
    article_id: int | None  # the local article, when the story is here already

    def to_dict(self) -> dict[str, Any]:
        return {
            "post_id": self.post_id,
            "headline": self.headline,
            "date": self.date,
            "status": self.status,
            "article_id": self.article_id,
        }


def search_site(
    store: Store,
    site_name: str,
    text: str,
    *,
    limit: int = SEARCH_LIMIT,
    engine: SyncEngine | None = None,
) -> list[Found]:
    """The site's stories matching `text`, newest first, each marked when it is here."""
    site = store.sites.by_name(site_name)
    with (engine or SyncEngine(store)).client_for(site) as client:
        found = ask_site(client, text, limit=limit)
    return mark_local(store, site.id or 0, found)


def ask_site(client: WordPressClient, text: str, *, limit: int = SEARCH_LIMIT) -> list[Found]:
    """Only the network part (a window runs it off the main thread, with no store)."""
    posts = client.get(
        "/wp/v2/posts",
        search=text,
        status=PULL_STATUSES,
        context="edit",
        per_page=max(1, min(limit, 100)),
        _fields="id,title,date_gmt,status",
    )
    return [
        Found(
            int(post["id"]),
            unescape(str((post.get("title") or {}).get("raw", ""))),
            str(post.get("date_gmt") or ""),
            str(post.get("status", "")),
            None,
        )
        for post in posts
    ]


def mark_local(store: Store, site_id: int, found: list[Found]) -> list[Found]:
    for item in found:
        rp = store.sync.remote_post_by_remote_id(site_id, item.post_id)
        item.article_id = rp.article_id if rp is not None else None
    return found


def take_posts(
    store: Store, site_name: str, post_ids: list[int], *, engine: SyncEngine | None = None
) -> PullResult:
    """Pull these posts into the store (the ones here already are brought up to date)."""
    site = store.sites.by_name(site_name)
    engine = engine or SyncEngine(store)
    result = PullResult()
    with engine.client_for(site) as client:
        res = SiteResources(store, site, client)
        for start in range(0, len(post_ids), 100):
            chunk = post_ids[start : start + 100]
            posts = client.get(
                "/wp/v2/posts",
                include=",".join(str(i) for i in chunk),
                status=PULL_STATUSES,
                context="edit",
                per_page=100,
                _fields=EDIT_FIELDS,
            )
            bring_photos(res, posts)  # the photos they show, as a pull brings them
            created: list[int] = []
            with store.atomic():
                for post in posts:
                    result.seen += 1
                    if store.sync.remote_post_by_remote_id(res.site_id, int(post["id"])):
                        _take(res, post, result)
                    else:
                        _create_local(res, post, result, created)
                _nothing_to_send(res, created)
    return result
