"""Photo changes that are also changes of an article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store


def set_lead(store: Store, article_id: int, photo_id: int | None, *, author: str = "") -> Changes:
    """Make a photo the article's lead image (None clears it): a new revision of the
    article, which an editor that has the article open merges at its next save."""
    with store.atomic():
        store.photos.uses.set_lead(article_id, photo_id, author=author)
    photos = frozenset() if photo_id is None else frozenset({photo_id})
    return Changes(articles=frozenset({article_id}), photos=photos)
