"""Bringing a server version of a post together with the local article.

Three versions meet: the base (the local revision the server last matched,
and the server's fields at that moment), mine (the article now) and theirs
(the post now). Only the server fields that differ from the base are turned
into article fields; the rest of theirs *is* the base. Then the domain merge
decides: clean -> the server version and the merge are saved as revisions;
a true overlap -> a conflict is stored and the article is left as it was.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from html import unescape
from typing import TYPE_CHECKING, Any

from ..domain.article import Article, Source
from ..domain.merge import merge_content
from ..ops.from_site import save_from_site
from ..store.sync_state import RemotePost
from .blocks import html_to_markdown, same_markup
from .mapping import (
    local_status,
    locals_from_categories,
    markdown_if_current,
    scheduled_from,
    snapshot,
)

if TYPE_CHECKING:
    from ..ops.changes import Changes
    from ..store import Store
    from .resources import SiteResources


@dataclass
class Outcome:
    kind: str  # 'unchanged', 'pulled', 'merged', 'conflict'
    fields: list[str]


def article_revision(store: Store, article_id: int) -> int:
    row = store.conn.execute("SELECT revision FROM articles WHERE id = ?", (article_id,)).fetchone()
    return int(row[0]) if row else 0


def _body_from(
    res: SiteResources,
    theirs: dict[str, Any],
    candidates: list[dict[str, Any]],
    article_id: int | None,
) -> str:
    """The Markdown behind the server's content, as exactly as can be known.

    The plugin's Markdown if still current; else a local version (mine, the
    base) that renders to exactly this content (e.g. our own write whose answer
    was lost; rendered with the article's own photo captions, as the push did);
    only else HTML-to-Markdown, which is lossy.
    """
    markdown = markdown_if_current(theirs)
    if markdown is not None:
        return markdown
    for content in candidates:
        rendered = res.render_offline(article_id, content)
        if rendered is not None and same_markup(rendered, theirs["content"]):
            return str(content.get("body", ""))
    return html_to_markdown(theirs["content"], res.photo_uuid_for_media)


def remote_to_local(
    res: SiteResources,
    base: dict[str, Any],
    base_snap: dict[str, Any],
    theirs: dict[str, Any],
    candidates: list[dict[str, Any]] | None = None,
    article_id: int | None = None,
    absent_categories: list[str] | None = None,
) -> dict[str, Any]:
    """The base content with each field the server changed replaced by the server's value.

    `absent_categories`: those the post went out without (the site lacked them); the
    post cannot show them, which is not the web taking them away."""
    candidates = [*(candidates or []), base]
    out = json.loads(json.dumps(base))

    def changed(key: str) -> bool:
        return key not in base_snap or base_snap.get(key) != theirs.get(key)

    if changed("title"):
        out["headline"] = unescape(theirs["title"])
    if changed("excerpt"):
        out["standfirst"] = unescape(theirs["excerpt"]).strip()
    if changed("content"):
        out["body"] = _body_from(res, theirs, candidates, article_id)
    if changed("status") or changed("meta"):
        out["status"] = local_status(theirs)
    if changed("date_gmt"):
        out["scheduled_at"] = scheduled_from(theirs)
    if changed("categories"):
        names = [*res.term_names("categories", theirs["categories"]), *(absent_categories or [])]
        out.update(locals_from_categories(names, res.site.category_map))
    if changed("tags"):
        out["tags"] = res.term_names("tags", theirs["tags"])
    if changed("featured_media"):
        media = theirs["featured_media"]
        if not media:
            out["lead_photo_id"] = None
        else:
            local = res.photo_id_for_media(media)
            if local is not None:
                out["lead_photo_id"] = local
            # A photo chosen on the web is not in the library: the lead stays as it was.
    meta = theirs.get("meta") or {}
    if meta and changed("meta"):
        if meta.get("newsdesk_byline", "") != (base_snap.get("meta") or {}).get("newsdesk_byline"):
            out["byline"] = meta.get("newsdesk_byline", "")
        sources = meta.get("newsdesk_sources", "")
        if sources and sources != (base_snap.get("meta") or {}).get("newsdesk_sources"):
            # Not ours to trust: unreadable sources keep the local ones.
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                out["sources"] = [Source.from_dict(s).to_dict() for s in json.loads(sources)]
    return out


def adopt_server_version(
    store: Store,
    article: Article,
    rp: RemotePost,
    post: dict[str, Any],
    content: dict[str, Any],
    site_name: str,
) -> Changes:
    """Save theirs as a local revision (not queued) and make it the new base."""
    article.apply_content(content)
    saved = save_from_site(store, article, reason=f"from {site_name}", queue=False)
    rp.base_revision = saved.revision
    rp.base_remote = snapshot(post)
    rp.modified_gmt = str(post.get("modified_gmt", ""))
    rp.remote_status = str(post.get("status", ""))
    rp.link = str(post.get("link", rp.link))
    return saved.changes


def reconcile(
    res: SiteResources, article: Article, rp: RemotePost, post: dict[str, Any]
) -> Outcome:
    """Merge the server's post into the article (inside the caller's transaction)."""
    store = res.store
    assert article.id is not None
    base_content = (
        store.revisions.get(article.id, rp.base_revision).content
        if rp.base_revision
        else article.content()
    )
    theirs_snap = snapshot(post)
    mine = json.loads(json.dumps(article.content()))
    theirs = remote_to_local(
        res, base_content, rp.base_remote, theirs_snap, [mine], article.id,
        absent_categories=list(rp.missing_categories),
    )  # fmt: skip
    if theirs == base_content:
        # Nothing the article knows about changed (e.g. a field we do not map).
        rp.base_remote = theirs_snap
        rp.modified_gmt = str(post.get("modified_gmt", ""))
        rp.state = "synced" if mine == base_content else "waiting"
        store.sync.save_remote_post(rp)
        return Outcome("unchanged", [])
    result = merge_content(base_content, mine, theirs)
    if mine == base_content:
        res.changes |= adopt_server_version(store, article, rp, post, theirs, res.site.name)
        rp.state = "synced"
        store.sync.save_remote_post(rp)
        return Outcome("pulled", result.changed_by_them)
    if not result.clean:
        store.sync.add_conflict(
            article.id,
            res.site_id,
            fields=result.conflicts,
            mine=mine,
            theirs=theirs,
            base=base_content,
            merged=result.merged,
            theirs_modified_gmt=str(post.get("modified_gmt", "")),
            theirs_remote=dict(post),
        )
        rp.state = "conflict"
        rp.last_error = "changed here and on the server: " + ", ".join(result.conflicts)
        store.sync.save_remote_post(rp)
        store.sync.log(
            f"Conflict on {', '.join(result.conflicts)}: kept both versions until resolved.",
            level="warning",
            site_id=res.site_id,
            article_id=article.id,
        )
        return Outcome("conflict", result.conflicts)
    res.changes |= adopt_server_version(store, article, rp, post, theirs, res.site.name)
    article.apply_content(result.merged)
    merged = save_from_site(store, article, reason=f"merged with {res.site.name}", queue=True)
    res.changes |= merged.changes
    rp.state = "waiting"
    store.sync.save_remote_post(rp)
    store.sync.log(
        f"Merged the server's changes to {', '.join(result.changed_by_them)} with local edits.",
        site_id=res.site_id,
        article_id=article.id,
    )
    return Outcome("merged", result.changed_by_them)
