"""Categories a post went out without: said in words, and set once the site has them.

An author may not create categories. A story whose section, subsection, region
or "Breaking" the site lacks still goes out, without that category; the post
remembers which (`RemotePost.missing_categories`, with the sentence saying why).
Every sync reports it, and the first sync that finds the category on the site
(an editor added it, another Newsdesk created it) queues the post again so the
category is set without the story being edited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.article import Article
from .errors import RefusedError
from .mapping import category_names
from .reconcile import article_revision

if TYPE_CHECKING:
    from ..store import Store
    from ..store.sites import Site
    from ..store.sync_state import RemotePost
    from .resources import SiteResources


def missing_warning(name: str, site_name: str, role: str, exc: RefusedError) -> str:
    """'Ports' is not on Example News and authors cannot create categories: ask …"""
    if exc.status == 403:
        who = f"{role}s" if role else "this account"
        reason = f"{who} cannot create categories: ask an editor to add it"
    else:
        reason = f"creating it failed ({exc})"
    return f"{name!r} is not on {site_name} and {reason}; the story goes out without it"


def resolve_categories(res: SiteResources, article: Article) -> tuple[list[int], dict[str, str]]:
    """The article's category ids on the site, and the names it lacks with the reason."""
    ids: list[int] = []
    missing: dict[str, str] = {}
    for name, parent in category_names(article, res.site.category_map):
        try:
            ids.append(res.term_id("categories", name, parent))
        except RefusedError as exc:
            missing[name] = missing_warning(name, res.site.name, res.client.role, exc)
    if missing:
        with res.store.atomic():
            for warning in missing.values():
                res.store.sync.log(
                    warning, level="warning", site_id=res.site_id, article_id=article.id
                )
    return list(dict.fromkeys(ids)), missing


def now_on_site(res: SiteResources, rp: RemotePost) -> bool:
    """A category the post went out without is known on the site now (no request)."""
    return any(
        res.store.sync.term_id(res.site_id, "categories", name) is not None
        for name in rp.missing_categories
    )


def queue_found(res: SiteResources) -> list[int]:
    """Queue a push of each post whose missing category the site has now: one look-up
    per missing name and sync, none when nothing is missing."""
    queued = []
    for rp in res.store.sync.posts_missing_categories(res.site_id):
        if rp.state not in ("synced", "waiting"):
            continue  # a conflict or a removed post waits for a person first
        found = [n for n in rp.missing_categories if res.find_term("categories", n) is not None]
        if found:
            with res.store.atomic():
                res.store.outbox.enqueue_article(
                    rp.article_id, article_revision(res.store, rp.article_id)
                )
            queued.append(rp.article_id)
    return queued


def note_set(res: SiteResources, rp: RemotePost, before: dict[str, str]) -> None:
    """Log the categories a write set that the post had gone out without."""
    for name in before:
        known = res.store.sync.term_id(res.site_id, "categories", name) is not None
        if known and name not in rp.missing_categories:
            res.store.sync.log(
                f"{name!r} is on {res.site.name} now: set on the post.",
                site_id=res.site_id,
                article_id=rp.article_id,
            )


def open_warnings(store: Store, sites: list[Site]) -> list[str]:
    """Every post still without a category, as the sync report says it."""
    out = []
    for site in sites:
        for rp in store.sync.posts_missing_categories(site.id):
            headline = store.articles.get(rp.article_id).headline or "(no headline)"
            for warning in rp.missing_categories.values():
                out.append(f"{headline} (article {rp.article_id}): {warning}")
    return out
