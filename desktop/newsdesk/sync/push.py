"""Pushing one article to one site: media first, then the post; never twice, never stale.

Idempotent creates: before a create is sent, the store records the intent
(a `remote_posts` row without a remote id, with the slug marker). If the
answer is lost, the next attempt finds the post by its marker (or, with the
companion plugin, by the article's uuid) instead of creating another.

Stale writes: before an update the post's `modified_gmt` is compared with the
base; a difference means a merge first. With the plugin the server enforces
the same check atomically (409), closing the race window between our check
and our write.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.article import Article, now_utc
from ..store.sync_state import RemotePost
from .blocks import MediaRef, captions_only_differ
from .client import BASE_HEADER, VERSION_HEADER
from .errors import NotFoundOnServer, RefusedError, StaleWriteError, SyncError
from .mapping import (
    CHECK_FIELDS,
    EDIT_FIELDS,
    PULL_STATUSES,
    marker_for,
    post_payload,
    same_content,
    snapshot,
)
from .missing_categories import note_set, now_on_site, resolve_categories
from .photo_travel import bring_photos
from .reconcile import article_revision, reconcile

if TYPE_CHECKING:
    from .resources import SiteResources

MAX_STALE_RETRIES = 3


@dataclass
class PushResult:
    kind: str  # 'pushed', 'unchanged', 'merged+pushed', 'conflict', 'trashed', 'deleted'
    remote_id: int | None = None
    link: str = ""
    detail: str = ""


def body_content(res: SiteResources, article: Article) -> tuple[str, int]:
    """The post content and featured media id (uploading the photos, or updating their
    media items' library captions, first)."""
    media: dict[str, MediaRef] = {}
    lead = 0
    for photo in res.photos_of(article.lead_photo_id, article.body):
        ref = res.media_for(photo, article.slug, article.headline)
        media[photo.uuid] = ref
        if photo.id == article.lead_photo_id:
            lead = ref.media_id
    # The featured image shows its media item's (library) caption: stock WordPress has no
    # per-post caption for it, so a per-article lead caption stays local (README).
    content = res.body_blocks(
        article.id, article.body, article.lead_photo_id, article.section, media, article.correction
    )
    return content, lead


@dataclass
class Prepared:
    payload: dict[str, Any]
    revision: int
    missing: dict[str, str]  # categories the site lacks and we may not create -> why


def prepare(res: SiteResources, article: Article) -> Prepared:
    """The post payload for the article's current content (uploading its photos first)."""
    content, lead = body_content(res, article)
    categories, missing = resolve_categories(res, article)
    tags = [res.term_id("tags", name) for name in article.tags]
    payload = post_payload(
        article,
        content=content,
        category_ids=categories,
        tag_ids=list(dict.fromkeys(tags)),
        featured_media=lead,
        meta_schema=res.meta_schema,
        notes=res.store.workflow.notes_export(article.id) if article.id else [],
    )
    return Prepared(payload, article_revision(res.store, article.id or 0), missing)


def find_created(
    res: SiteResources, rps: list[RemotePost], uuids: dict[int, str]
) -> dict[int, dict[str, Any]]:
    """Posts our earlier, unanswered creates made: article id -> post (found ones only)."""
    found: dict[int, dict[str, Any]] = {}
    if not rps:
        return found
    if res.site.has_plugin:
        for rp in rps:
            posts = res.client.get(
                "/wp/v2/posts",
                newsdesk_uuid=uuids[rp.article_id],
                status=PULL_STATUSES,
                context="edit",
                _fields=EDIT_FIELDS,
            )
            if posts:
                found[rp.article_id] = min(posts, key=lambda p: int(p["id"]))
        return found
    by_marker = {rp.marker: rp.article_id for rp in rps}
    markers = list(by_marker)
    for start in range(0, len(markers), 100):
        posts = res.client.get(
            "/wp/v2/posts",
            slug=",".join(markers[start : start + 100]),
            status=PULL_STATUSES,
            context="edit",
            per_page=100,
            _fields=EDIT_FIELDS,
        )
        for post in sorted(posts, key=lambda p: int(p["id"])):
            article_id = by_marker.get(str(post.get("slug")))
            if article_id is not None and article_id not in found:
                found[article_id] = post
    return found


def record_written(
    res: SiteResources,
    rp: RemotePost,
    post: dict[str, Any],
    revision: int,
    missing: dict[str, str] | None = None,
) -> None:
    """`missing`: the categories the written payload lacked (None: not our payload)."""
    assert rp.article_id is not None
    before = dict(rp.missing_categories)
    if missing is not None:
        rp.missing_categories = missing
    rp.remote_id = int(post["id"])
    rp.modified_gmt = str(post.get("modified_gmt", ""))
    rp.base_revision = revision
    rp.base_remote = snapshot(post)
    rp.remote_status = str(post.get("status", ""))
    rp.link = str(post.get("link", ""))
    rp.state = "synced" if article_revision(res.store, rp.article_id) == revision else "waiting"
    rp.last_error = ""
    rp.synced_at = now_utc()
    with res.store.atomic():
        res.store.sync.save_remote_post(rp)
        note_set(res, rp, before)


def intend_create(res: SiteResources, article: Article, prepared: Prepared) -> RemotePost:
    """Record, durably and before sending, that a create is about to go out (and what
    it lacks, so a create whose answer is lost still says so)."""
    assert article.id is not None
    rp = res.store.sync.remote_post(article.id, res.site_id)
    if rp is None:
        rp = RemotePost(article.id, res.site_id, marker_for(article))
    rp.base_revision = prepared.revision
    rp.missing_categories = prepared.missing
    rp.state = "waiting"
    with res.store.atomic():
        res.store.sync.save_remote_post(rp)
    return rp


def push_article(res: SiteResources, article: Article) -> PushResult:
    assert article.id is not None
    rp = res.store.sync.remote_post(article.id, res.site_id)
    if rp is not None and rp.state == "conflict":
        return PushResult(
            "conflict", rp.remote_id, rp.link, "waiting for the conflict to be resolved"
        )
    if rp is not None and rp.state in ("trashed", "deleted"):
        return PushResult(rp.state, rp.remote_id, rp.link, f"the post was {rp.state} on the server")
    if rp is not None and rp.remote_id is None:
        found = find_created(res, [rp], {article.id: article.uuid}).get(article.id)
        if found is not None:
            res.store.sync.log(
                "Found the post an earlier, unanswered create had made: not creating it again.",
                site_id=res.site_id,
                article_id=article.id,
            )
            record_written(res, rp, found, rp.base_revision or 0)
    if rp is None or rp.remote_id is None:
        prepared = prepare(res, article)
        rp = intend_create(res, article, prepared)
        prepared.payload["slug"] = rp.marker
        try:
            post = res.client.post("/wp/v2/posts", prepared.payload)
        except RefusedError as exc:
            if exc.code != "newsdesk_duplicate":
                raise
            # The plugin says an earlier attempt of ours made it: adopt that post.
            found = find_created(res, [rp], {article.id: article.uuid}).get(article.id)
            if found is None:
                raise
            record_written(res, rp, found, prepared.revision, prepared.missing)
            return update_article(res, article, rp)
        record_written(res, rp, post, prepared.revision, prepared.missing)
        return PushResult("pushed", rp.remote_id, rp.link)
    return update_article(res, article, rp)


def update_article(res: SiteResources, article: Article, rp: RemotePost) -> PushResult:
    assert article.id is not None and rp.remote_id is not None
    article_id = article.id
    merged = False
    for _attempt in range(MAX_STALE_RETRIES):
        check = _fetch(res, rp, fields=CHECK_FIELDS)
        if isinstance(check, PushResult):
            return check
        full: dict[str, Any] | None = None
        if _maybe_changed(rp, check):
            fetched = _fetch(res, rp, fields=EDIT_FIELDS)
            if isinstance(fetched, PushResult):
                return fetched
            if same_content(snapshot(fetched), rp.base_remote):
                # Saved again without a change we map: only the marks move on.
                rp.modified_gmt = str(fetched.get("modified_gmt", ""))
                rp.base_remote = snapshot(fetched)
                with res.store.atomic():
                    res.store.sync.save_remote_post(rp)
            else:
                full = fetched
        if full is not None:
            bring_photos(res, [full])  # a lead another desk gave it must not be merged away
            with res.store.atomic():
                outcome = reconcile(res, article, rp, full)
            if outcome.kind == "conflict":
                return PushResult("conflict", rp.remote_id, rp.link, ", ".join(outcome.fields))
            merged = merged or outcome.kind == "merged"
            article = res.store.articles.get(article_id)
        if (
            article_revision(res.store, article_id) == rp.base_revision
            and not _captions_changed(res, article, rp)
            and not _notes_unsent(res, article_id, rp)
            and not now_on_site(res, rp)
        ):
            with res.store.atomic():
                rp.state = "synced"
                res.store.sync.save_remote_post(rp)
            return PushResult("merged" if merged else "unchanged", rp.remote_id, rp.link)
        prepared = prepare(res, article)
        headers = {}
        if res.site.has_plugin:
            headers[BASE_HEADER] = rp.modified_gmt
            if "version" in rp.base_remote:
                headers[VERSION_HEADER] = str(rp.base_remote["version"])
        try:
            post = res.client.post(
                f"/wp/v2/posts/{rp.remote_id}", prepared.payload, headers=headers
            )
        except StaleWriteError:
            continue  # changed between our check and our write: merge again
        except NotFoundOnServer:
            return _gone(res, rp, "deleted")
        record_written(res, rp, post, prepared.revision, prepared.missing)
        return PushResult("merged+pushed" if merged else "pushed", rp.remote_id, rp.link)
    raise SyncError(
        f"The post on {res.site.name} kept changing while Newsdesk tried to update it; "
        "it will try again."
    )


def _captions_changed(res: SiteResources, article: Article, rp: RemotePost) -> bool:
    """Same revision, but a caption or alt text the post shows changed (the photo desk's
    per-article caption, or the library's): the post needs the new figures.

    Only a difference confined to figure captions and alt texts counts, so a body the
    server wrote its own way (a pulled web edit) is not overwritten by a queued note."""
    if "content" not in rp.base_remote:
        return False
    content, _lead = body_content(res, article)
    shown = {p.uuid for p in res.photos_of(article.lead_photo_id, article.body)}
    if shown & res.replaced_photos:
        return True  # a photo's media item was replaced (a new public copy): new ids
    return captions_only_differ(content, str(rp.base_remote["content"]))


def _notes_unsent(res: SiteResources, article_id: int, rp: RemotePost) -> bool:
    """Same revision, but a note written here is not in the post's meta yet (a note
    changes no revision, so without this it would wait for the story's next save)."""
    meta = rp.base_remote.get("meta")
    if not res.site.has_plugin or not isinstance(meta, dict):
        return False
    try:
        theirs = json.loads(meta.get("newsdesk_notes") or "[]")
    except ValueError:
        theirs = []
    sent = {
        (str(n.get("author")), str(n.get("created_at")), str(n.get("body")))
        for n in theirs
        if isinstance(n, dict)
    }
    return any(
        (n["author"], n["created_at"], n["body"]) not in sent
        for n in res.store.workflow.notes_export(article_id)
    )


def _maybe_changed(rp: RemotePost, check: dict[str, Any]) -> bool:
    """Did the post change since our base? modified_gmt, the plugin's save counter, or —
    with one-second resolution — a base written this very second, which needs a look."""
    if check.get("modified_gmt") != rp.modified_gmt:
        return True
    if "newsdesk_version" in check and "version" in rp.base_remote:
        return int(check["newsdesk_version"] or 0) != int(rp.base_remote["version"])
    return _within_last_seconds(rp.modified_gmt, 2)


def _within_last_seconds(modified_gmt: str, seconds: int) -> bool:
    from datetime import UTC, datetime

    try:
        moment = datetime.fromisoformat(modified_gmt[:19]).replace(tzinfo=UTC)
    except ValueError:
        return True
    return (datetime.now(UTC) - moment).total_seconds() < seconds + 1


def _fetch(res: SiteResources, rp: RemotePost, fields: str) -> dict[str, Any] | PushResult:
    try:
        post: dict[str, Any] = res.client.get(
            f"/wp/v2/posts/{rp.remote_id}", context="edit", _fields=fields
        )
    except NotFoundOnServer:
        return _gone(res, rp, "deleted")
    if post.get("status") == "trash":
        return _gone(res, rp, "trashed")
    return post


def _gone(res: SiteResources, rp: RemotePost, state: str) -> PushResult:
    """Trashed or deleted on the server: the local article stays, marked, never deleted."""
    with res.store.atomic():
        rp.state = state
        rp.last_error = f"{state} on {res.site.name}; the local article is kept"
        res.store.sync.save_remote_post(rp)
        res.store.sync.log(
            f"The post was {state} on the server; the local article is kept and not pushed.",
            level="warning",
            site_id=res.site_id,
            article_id=rp.article_id,
        )
    return PushResult(state, rp.remote_id, rp.link, rp.last_error)


def batch_create(
    res: SiteResources, articles: list[Article]
) -> tuple[list[PushResult | SyncError], int]:
    """Creates of new articles in /batch/v1 requests of up to 25; results in order."""
    from .client import BATCH_LIMIT
    from .errors import RefusedError

    results: list[PushResult | SyncError] = []
    for start in range(0, len(articles), BATCH_LIMIT):
        chunk = articles[start : start + BATCH_LIMIT]
        prepared = []
        for article in chunk:
            ready = prepare(res, article)
            rp = intend_create(res, article, ready)
            ready.payload["slug"] = rp.marker
            prepared.append((rp, ready))
        answers = res.client.batch(
            [{"method": "POST", "path": "/wp/v2/posts", "body": p.payload} for _, p in prepared]
        )
        for (rp, ready), answer in zip(prepared, answers, strict=False):
            body = answer.get("body") or {}
            if int(answer.get("status", 0)) in (200, 201) and "id" in body:
                record_written(res, rp, body, ready.revision, ready.missing)
                results.append(PushResult("pushed", rp.remote_id, rp.link))
            else:
                error = res.client.describe(
                    int(answer.get("status", 0)), body, "POST", "/wp/v2/posts"
                )
                results.append(error if isinstance(error, SyncError) else SyncError(str(error)))
        results.extend(
            RefusedError("The batch answer was short") for _ in range(len(prepared) - len(answers))
        )
    return results, len(articles)
