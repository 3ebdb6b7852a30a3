"""Pulling from one site: everything changed since the last pull, in pages, merged locally.

`modified_after` is strict and has one-second resolution, so each pull asks
from one second before the newest `modified_gmt` it has seen and skips posts
whose `modified_gmt` it already holds. Trash is asked for explicitly (`any`
leaves it out); a post deleted for good leaves no trace, so `check_deleted`
asks for every mapped id.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..domain.article import Article, Source
from ..ops.articles import create_article
from ..ops.workflow import import_notes
from ..store.sync_state import RemotePost
from .blocks import html_to_markdown
from .errors import RefusedError
from .mapping import (
    EDIT_FIELDS,
    PULL_STATUSES,
    local_status,
    locals_from_categories,
    markdown_if_current,
    post_meta,
    same_content,
    scheduled_from,
    snapshot,
)
from .reconcile import article_revision, reconcile

if TYPE_CHECKING:
    from .resources import SiteResources

# (phase, done, total): what a progress bar needs; called on the syncing thread.
Progress = Callable[[str, int, int], None]


# Posts stored in one transaction: short enough that the write lock is free again
# within tens of milliseconds, for a desk's write waiting on it.
POSTS_PER_TRANSACTION = 20
# How long the pull leaves the lock free when another writer of the app waits
# (longer than the queue desk's 40 ms retry, so the retry finds it free).
STEP_ASIDE_SECONDS = 0.06
# Pages asked for ahead of the one being stored: enough to keep the server busy
# while we work, few enough to be a polite client.
PAGES_IN_FLIGHT = 2
OWN_POSTS_ONLY = ("author", "contributor")
WP_TIME = "%Y-%m-%dT%H:%M:%S"


@dataclass
class PullResult:
    pulled: list[int] = field(default_factory=list)  # article ids new or updated from the server
    merged: list[int] = field(default_factory=list)
    conflicts: list[int] = field(default_factory=list)
    trashed: list[int] = field(default_factory=list)
    deleted: list[int] = field(default_factory=list)
    seen: int = 0


def since_param(pulled_until: str) -> str | None:
    if not pulled_until:
        return None
    moment = datetime.fromisoformat(pulled_until[:19]) - timedelta(seconds=1)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def pull_site(
    res: SiteResources, *, check_deleted: bool = False, progress: Progress | None = None
) -> PullResult:
    result = PullResult()
    since = since_param(res.site.pulled_until)
    newest = res.site.pulled_until
    # One query for the whole pull instead of one per post: which ids are mapped.
    mapped = {
        int(row[0])
        for row in res.store.conn.execute(
            "SELECT remote_id FROM remote_posts WHERE site_id = ? AND remote_id IS NOT NULL",
            (res.site_id,),
        )
    }
    _photos_travel(res, None)
    queries = _queries(res, since)
    resume = _resume_point(res, since or "", [name for name, _ in queries])
    mark = str(resume.get("mark", ""))
    for index, (name, params) in enumerate(queries):
        if resume and index < [n for n, _ in queries].index(resume["query"]):
            continue  # done before the pull was cut short
        at = resume if resume.get("query") == name else {}
        for number, page in _pages(res, params, at):
            if number == int(at.get("page", 0)) and not _aligned(page, at):
                # Posts went from the site since: the saved page no longer starts where
                # we stopped. Read again from the first page (stored posts are skipped).
                return _restart(res, result, check_deleted, progress)
            if not mark:
                mark = res.client.first_page_date
            _prefetch_terms(res, page)
            for start in range(0, len(page), POSTS_PER_TRANSACTION):
                _photos_travel(res, page[start : start + POSTS_PER_TRANSACTION])
                if res.store.writers_waiting:
                    time.sleep(STEP_ASIDE_SECONDS)  # an editor's claim or note goes first
                created: list[int] = []
                with res.store.atomic():
                    for post in page[start : start + POSTS_PER_TRANSACTION]:
                        result.seen += 1
                        if int(post["id"]) in mapped:
                            _take(res, post, result)
                        elif post.get("status") != "trash":
                            _create_local(res, post, result, created)
                            mapped.add(int(post["id"]))  # pages overlap: never create twice
                        newest = max(newest, str(post.get("modified_gmt", "")))
                    _nothing_to_send(res, created)
                    if start + POSTS_PER_TRANSACTION >= len(page) and page and res.site.id:
                        # The page's last posts and the place to go on from, in one commit.
                        res.store.sites.set_pull_resume(
                            res.site.id,
                            {"since": since or "", "query": name, "mark": mark, "page": number,
                             "last_id": int(page[-1]["id"])},
                        )  # fmt: skip
            if progress is not None:
                progress("pull", result.seen, max(result.seen, res.client.first_page_total))
        if index + 1 < len(queries) and res.site.id is not None:
            with res.store.atomic():  # the next query starts from its first page
                res.store.sites.set_pull_resume(
                    res.site.id,
                    {"since": since or "", "query": queries[index + 1][0], "mark": mark},
                )
    # The high-water mark is when the server answered the pull's first page, not the
    # newest post seen: a post edited while later pages were read must come next time.
    # (For a resumed pull, the first page of the attempt that began it.)
    mark = mark or newest
    if res.site.id is not None:
        held = _window_held_after(res, since)
        with res.store.atomic():
            if mark:
                res.store.sites.set_pulled_until(res.site.id, mark)
            res.store.sites.set_pull_resume(res.site.id, None)
            res.store.sites.set_window_held(res.site.id, held)
        res.site.pulled_until = max(res.site.pulled_until, mark)
        res.site.window_held_days = held
    if check_deleted:
        _check_deleted(res, result)
    return result


def _queries(res: SiteResources, since: str | None) -> list[tuple[str, dict[str, Any]]]:
    """What this pull asks for. Later pulls: everything changed since the last one. A
    first pull within the site's sync window: the stories changed in the last N days,
    then one's own and the desk's pending and scheduled ones of any age."""
    params: dict[str, Any] = {
        "status": PULL_STATUSES,
        "context": "edit",
        # By id, not by modified: many posts share a modified second, and MySQL
        # orders ties differently from page to page (posts missed and repeated).
        "orderby": "id",
        "order": "asc",
        "_fields": EDIT_FIELDS,
    }
    own_only = res.site.role in OWN_POSTS_ONLY and bool(res.site.remote_user_id)
    if own_only:
        # Authors and contributors may edit only their own posts: pull only those.
        params["author"] = res.site.remote_user_id
    if since:
        changed = ("changed", {**params, "modified_after": since})
        if own_only or not res.site.window_to_widen():
            return [changed]
        # The window was widened: the stories between its old reach and the new one.
        now = datetime.now(UTC)
        held_from = now - timedelta(days=res.site.window_held_days)
        wider = {**params, "modified_before": (held_from + timedelta(seconds=1)).strftime(WP_TIME)}
        if res.site.window_days > 0:
            wider["modified_after"] = (now - timedelta(days=res.site.window_days)).strftime(WP_TIME)
        return [("wider", wider), changed]
    if res.site.window_days <= 0 or own_only:
        return [("all", params)]
    start = datetime.now(UTC) - timedelta(days=res.site.window_days)
    # The older parts ask only for what the recent one did not bring (modified_before,
    # WordPress 5.7+; both bounds are strict, so they overlap by a second, not miss one).
    older = {**params, "modified_before": (start + timedelta(seconds=1)).strftime(WP_TIME)}
    queries = [("recent", {**params, "modified_after": start.strftime(WP_TIME)})]
    if res.site.remote_user_id:
        queries.append(("own", {**older, "author": res.site.remote_user_id}))
    queries.append(("desk", {**older, "status": "pending,future"}))
    return queries


def _window_held_after(res: SiteResources, since: str | None) -> int:
    """How far back the site's archive is held once this pull is complete (0: all)."""
    site = res.site
    if site.role in OWN_POSTS_ONLY and site.remote_user_id:
        return 0  # one's own posts, all of them
    if not since or site.window_to_widen():
        return site.window_days
    return site.window_held_days


def _resume_point(res: SiteResources, since: str, queries: list[str]) -> dict[str, Any]:
    """Where an unfinished pull of the same kind stopped, or {} to start afresh."""
    if res.site.id is None:
        return {}
    resume = res.store.sites.pull_resume(res.site.id)
    same = resume.get("since") == since and resume.get("query") in queries
    return resume if same else {}


def _pages(
    res: SiteResources, params: dict[str, Any], resume: dict[str, Any]
) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """The pages to read: from the last stored page of a pull cut short (read again, to
    check that it still ends where we stopped), else from the first."""
    start = int(resume.get("page", 0)) or 1
    try:
        yield from res.client.pages_ahead(
            "/wp/v2/posts", params, workers=PAGES_IN_FLIGHT, start_page=start
        )
    except RefusedError as exc:
        if start == 1 or exc.code != "rest_post_invalid_page_number":
            raise
        yield start, []  # fewer pages than before: not aligned, so the pull starts again


def _aligned(page: list[dict[str, Any]], resume: dict[str, Any]) -> bool:
    """The saved page still holds the last post stored (ids only grow, in id order)."""
    last_id = int(resume.get("last_id", 0))
    return any(int(post["id"]) == last_id for post in page)


def _restart(
    res: SiteResources, result: PullResult, check_deleted: bool, progress: Progress | None
) -> PullResult:
    if res.site.id is not None:
        with res.store.atomic():
            res.store.sites.set_pull_resume(res.site.id, None)
    again = pull_site(res, check_deleted=check_deleted, progress=progress)
    again.seen += result.seen
    for kind in ("pulled", "merged", "conflicts", "trashed", "deleted"):
        getattr(again, kind)[:0] = getattr(result, kind)
    return again


def _photos_travel(res: SiteResources, posts: list[dict[str, Any]] | None) -> None:
    """The photos these posts show join the library before the posts are stored (outside
    their transaction: downloads take time); None: retry the downloads that failed before."""
    from .photo_travel import bring_photos, retry_downloads

    if posts is None:
        retry_downloads(res)
    else:
        bring_photos(res, posts)


def _nothing_to_send(res: SiteResources, article_ids: list[int]) -> None:
    """Articles made from server posts: their creation queued a push that is not needed."""
    if article_ids:
        res.store.outbox.drop_pending(article_ids)


def _prefetch_terms(res: SiteResources, page: list[dict[str, Any]]) -> None:
    for taxonomy in ("categories", "tags"):
        ids = sorted({int(i) for post in page for i in post.get(taxonomy) or []})
        if ids:
            res.term_names(taxonomy, ids)


def _take(res: SiteResources, post: dict[str, Any], result: PullResult) -> None:
    store = res.store
    rp = store.sync.remote_post_by_remote_id(res.site_id, int(post["id"]))
    if rp is not None:
        _merge_notes(res, rp.article_id, post)
    if rp is None:
        if post.get("status") != "trash":
            created: list[int] = []
            _create_local(res, post, result, created)
            _nothing_to_send(res, created)
        return
    if (
        post.get("modified_gmt") == rp.modified_gmt
        and rp.state != "trashed"
        and same_content(snapshot(post), rp.base_remote)
    ):
        return  # seen already (the one-second overlap); a same-second edit is not skipped
    if rp.state == "conflict" and any(
        c.site_id == res.site_id and c.theirs_modified_gmt == post.get("modified_gmt")
        for c in store.sync.open_conflicts(rp.article_id)
    ):
        return  # this server version is already the "theirs" of an open conflict
    if post.get("status") == "trash":
        if rp.state != "trashed":
            rp.state = "trashed"
            rp.modified_gmt = str(post.get("modified_gmt", ""))
            rp.last_error = f"trashed on {res.site.name}; the local article is kept"
            store.sync.save_remote_post(rp)
            store.sync.log(
                "The post was trashed on the server.",
                level="warning",
                site_id=res.site_id,
                article_id=rp.article_id,
            )
            result.trashed.append(rp.article_id)
        return
    if rp.state in ("trashed", "deleted"):
        rp.state = "synced"  # restored from the trash on the server
    article = store.articles.get(rp.article_id)
    outcome = reconcile(res, article, rp, post)
    if outcome.kind == "pulled":
        result.pulled.append(rp.article_id)
    elif outcome.kind == "merged":
        result.merged.append(rp.article_id)
    elif outcome.kind == "conflict":
        result.conflicts.append(rp.article_id)


def _create_local(
    res: SiteResources, post: dict[str, Any], result: PullResult, created: list[int]
) -> None:
    """A post started elsewhere (the web editor, another Newsdesk) becomes a local article."""
    store = res.store
    snap = snapshot(post)
    meta = snap.get("meta") or {}
    uuid = meta.get("newsdesk_uuid", "")
    if uuid and store.articles.find_id(uuid) is not None:
        store.sync.log(
            f"Post {post['id']} carries the uuid of a local article that is mapped elsewhere; "
            "left alone.",
            level="warning",
            site_id=res.site_id,
        )
        return
    from html import unescape

    markdown = markdown_if_current(snap)
    article = Article(
        headline=unescape(snap["title"]),
        standfirst=unescape(snap["excerpt"]).strip(),
        body=markdown
        if markdown is not None
        else html_to_markdown(snap["content"], res.photo_uuid_for_media),
        edition=res.site.editions[0] if res.site.editions else "en",
        status=local_status(snap),
        scheduled_at=scheduled_from(snap),
        tags=res.term_names("tags", snap["tags"]),
        byline=meta.get("newsdesk_byline", ""),
    )
    article.lead_photo_id = (
        res.photo_id_for_media(snap["featured_media"]) if snap["featured_media"] else None
    )
    placement = locals_from_categories(
        res.term_names("categories", snap["categories"]), res.site.category_map
    )
    article.section = placement["section"] or article.section
    article.subsection = placement["subsection"]
    article.regions = placement["regions"]
    article.priority = placement["priority"]
    if meta.get("newsdesk_sources"):
        with contextlib.suppress(ValueError, TypeError, AttributeError):
            article.sources = [Source.from_dict(s) for s in json.loads(meta["newsdesk_sources"])]
    if uuid:
        article.uuid = uuid
    res.changes |= create_article(store, article, reason=f"from {res.site.name}").changes
    assert article.id is not None
    created.append(article.id)
    _merge_notes(res, article.id, post)
    rp = RemotePost(
        article.id,
        res.site_id,
        str(post.get("slug") or ""),
        remote_id=int(post["id"]),
        modified_gmt=str(post.get("modified_gmt", "")),
        base_revision=article_revision(store, article.id),
        base_remote=snap,
        remote_status=snap["status"],
        link=str(post.get("link", "")),
        state="synced",
    )
    store.sync.save_remote_post(rp)
    result.pulled.append(article.id)


def _check_deleted(res: SiteResources, result: PullResult) -> None:
    mapped = [
        rp
        for rp in res.store.sync.remote_posts(res.site_id)
        if rp.remote_id is not None and rp.state != "deleted"
    ]
    present: set[int] = set()
    for start in range(0, len(mapped), 100):
        ids = [str(rp.remote_id) for rp in mapped[start : start + 100]]
        posts = res.client.get(
            "/wp/v2/posts",
            include=",".join(ids),
            status=PULL_STATUSES,
            context="edit",
            per_page=100,
            _fields="id",
        )
        present.update(int(p["id"]) for p in posts)
    with res.store.atomic():
        for rp in mapped:
            if rp.remote_id not in present:
                rp.state = "deleted"
                rp.last_error = f"deleted on {res.site.name}; the local article is kept"
                res.store.sync.save_remote_post(rp)
                res.store.sync.log(
                    "The post was deleted on the server; the local article is kept.",
                    level="warning",
                    site_id=res.site_id,
                    article_id=rp.article_id,
                )
                result.deleted.append(rp.article_id)


def _merge_notes(res: SiteResources, article_id: int, post: dict[str, Any]) -> None:
    """Editorial notes from the plugin's meta join the local thread (a union: none is lost)."""
    raw = post_meta(post).get("newsdesk_notes")
    if not raw:
        return
    try:
        notes = json.loads(raw)
    except (TypeError, ValueError):
        return
    if isinstance(notes, list):
        res.changes |= import_notes(
            res.store, article_id, [n for n in notes if isinstance(n, dict)]
        )
