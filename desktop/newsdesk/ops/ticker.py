"""The breaking ticker's moves as operations (the rules live in services/ticker.py).

Each returns Changes naming the item and `ticker=True`; a publish or a removal
also moves the item through the workflow, so the queue hears of it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..services import ticker
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store


def _item(article_id: int) -> Changes:
    return Changes(articles=frozenset({article_id}), queue=True, ticker=True)


def publish(
    store: Store, line: str, *, actor: str, edition: str = "en", byline: str = ""
) -> Changes:
    """Check, save and publish a line (TickerRejected says why not); the new item is the
    one article in the Changes."""
    item = ticker.publish_line(store, line, actor=actor, edition=edition, byline=byline)
    return _item(item.id)


def edit(store: Store, article_id: int, line: str, *, actor: str) -> Changes:
    ticker.edit_line(store, article_id, line, actor=actor)
    return _item(article_id)


def remove(store: Store, article_id: int, *, actor: str) -> Changes:
    """Off the ticker: spiked, kept, and can come back with `restore`."""
    with store.atomic():
        _require_item(store, article_id)
        ticker.remove(store, article_id, actor=actor)
    return _item(article_id)


def restore(store: Store, article_id: int, *, actor: str) -> Changes:
    with store.atomic():
        _require_item(store, article_id)
        ticker.restore(store, article_id, actor=actor)
    return _item(article_id)


def _require_item(store: Store, article_id: int) -> None:
    article = store.articles.get(article_id)
    if article.section != ticker.SECTION or article.priority < ticker.BREAKING:
        raise ticker.rules.WorkflowError(f"Article {article_id} is not a breaking ticker item.")
