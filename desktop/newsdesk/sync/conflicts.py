"""Resolving a conflict: take mine, take theirs, or an edited merge. Neither side is lost.

The server's version becomes a local revision (the new base), then the chosen
content is saved on top of it and queued, so the next push updates the post
from the version it really holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain.merge import conflict_text, merge_paragraphs
from ..ops.from_site import save_from_site
from ..store.errors import StoreError
from .reconcile import adopt_server_version

if TYPE_CHECKING:
    from ..store import Store

CHOICES = ("mine", "theirs", "edited")


def edit_merge_start(store: Store, conflict_id: int) -> dict[str, Any]:
    """What an edit-the-merge editor opens with: clean parts merged, overlaps spelled out."""
    c = store.sync.conflict(conflict_id)
    content = dict(c.merged)
    if "body" in c.fields:
        merged_body, hunks = merge_paragraphs(
            c.base.get("body", ""), c.mine.get("body", ""), c.theirs.get("body", "")
        )
        content["body"] = conflict_text(hunks, merged_body)
    return content


def resolve(
    store: Store, conflict_id: int, choice: str, edited: dict[str, Any] | None = None
) -> int:
    """Apply the choice; returns the article's new revision number."""
    if choice not in CHOICES:
        raise StoreError(f"Unknown resolution {choice!r}: choose one of {', '.join(CHOICES)}.")
    c = store.sync.conflict(conflict_id)
    if c.resolved_at:
        raise StoreError(f"Conflict {conflict_id} was already resolved ({c.resolution}).")
    if choice == "edited" and not edited:
        raise StoreError("An edited merge needs the edited content.")
    final = {"mine": c.mine, "theirs": c.theirs}.get(choice) or dict(edited or {})
    if "<<<<<<< mine" in str(final.get("body", "")):
        raise StoreError("The edited body still holds conflict markers (<<<<<<< mine).")
    rp = store.sync.remote_post(c.article_id, c.site_id)
    site = store.sites.get(c.site_id)
    with store.atomic():
        article = store.articles.get(c.article_id)
        if rp is not None:
            adopt_server_version(store, article, rp, c.theirs_remote, c.theirs, site.name)
        article.apply_content(final)
        reason = f"conflict resolved: {choice}"
        number = save_from_site(store, article, reason=reason, queue=True).revision
        if rp is not None:
            rp.state = "synced" if number == rp.base_revision else "waiting"
            rp.last_error = ""
            store.sync.save_remote_post(rp)
        store.sync.mark_resolved(conflict_id, choice)
        store.sync.log(f"Conflict resolved: {choice}.", site_id=c.site_id, article_id=c.article_id)
    return number
