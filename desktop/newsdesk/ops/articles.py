"""Saving an article that may have moved on since it was opened.

An editor keeps the revision it started from. When the stored article has a
newer revision (an approval on the queue, a pull from the site, the photo desk
setting a lead photo, another window), saving the whole article would put the
old values back. Instead the save merges field by field with the sync's
three-way merge: what only one side changed comes from that side. When both
changed the same field differently, nothing is written and `StaleEdit` says
which fields; the caller asks the person and saves again with `keep`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from ..domain.article import Article, Status
from ..domain.merge import MergeResult, merge_content
from .changes import Changes

if TYPE_CHECKING:
    from pathlib import Path

    from ..services.transfer import Imported
    from ..store import Store

# Stages in which a story sits in an editor's queue.
_QUEUED = {Status.SUBMITTED.value, Status.IN_EDIT.value, Status.APPROVED.value}


class StaleEdit(Exception):
    """The same fields changed here and elsewhere since `base_revision`; nothing was written."""

    def __init__(self, fields: list[str], base_revision: int, current_revision: int) -> None:
        self.fields = fields
        self.base_revision = base_revision
        self.current_revision = current_revision
        names = ", ".join(fields)
        super().__init__(
            f"Since you opened it, this story was changed elsewhere in the same places ({names})."
        )


@dataclass
class Saved:
    article: Article  # as stored: with what others changed merged in
    revision: int
    changes: Changes
    merged_from: list[str] = field(default_factory=list)  # fields that came from elsewhere


def save_article(
    store: Store,
    article: Article,
    *,
    base_revision: int | None,
    author: str = "",
    reason: str = "save",
    keep: Literal["mine", "theirs"] | None = None,
) -> Saved:
    """Write the article as a new revision without undoing what happened since `base_revision`.

    `keep` settles fields changed on both sides (after the person chose); without it
    such a save raises StaleEdit and writes nothing.
    """
    assert article.id is not None, "create the article first"
    with store.atomic():
        current = store.articles.revision_of(article.id)
        merged_from: list[str] = []
        if base_revision is not None and current != base_revision:
            result = _merge(store, article, base_revision, current)
            if result.conflicts and keep is None:
                raise StaleEdit(result.conflicts, base_revision, current)
            merged = dict(result.merged)
            if keep == "theirs":
                theirs = store.revisions.get(article.id, current).content
                merged.update({name: theirs[name] for name in result.conflicts})
            article.apply_content(merged)
            merged_from = [n for n in result.changed_by_them if n not in result.conflicts]
        before = store.articles.status_of(article.id)
        number = store.articles.save(article, author=author, reason=reason)
    queue = before != article.status and bool({before, article.status} & _QUEUED)
    return Saved(article, number, Changes.of_articles(article.id, queue=queue), merged_from)


def _merge(store: Store, article: Article, base: int, current: int) -> MergeResult:
    assert article.id is not None
    base_content = store.revisions.get(article.id, base).content
    theirs = store.revisions.get(article.id, current).content
    return merge_content(base_content, article.content(), theirs)


@dataclass
class Created:
    article: Article  # with its id
    changes: Changes


def create_article(
    store: Store, article: Article, *, author: str = "", reason: str = "create"
) -> Created:
    """A new article and its first revision."""
    with store.atomic():
        store.articles.create(article, author=author, reason=reason)
    assert article.id is not None
    queue = article.status in _QUEUED
    return Created(article, Changes.of_articles(article.id, queue=queue))


def restore_revision(store: Store, article_id: int, number: int, *, author: str = "") -> Saved:
    """Bring revision `number` back as a new revision (NotFoundError for no such one)."""
    with store.atomic():
        before = store.articles.status_of(article_id)
        new_number = store.revisions.restore(article_id, number, author=author)
        article = store.articles.get(article_id)
    queue = before != article.status and bool({before, article.status} & _QUEUED)
    return Saved(article, new_number, Changes.of_articles(article_id, queue=queue))


def write_journal(store: Store, article_id: int, content: dict[str, Any]) -> None:
    """Keep what is being typed in the autosave journal (no revision, no announcement:
    nobody else shows the journal; a restart turns it into a revision)."""
    store.autosaves.write(article_id, content)


@dataclass
class ImportedArticles:
    results: list[Imported]
    changes: Changes


def import_articles(
    store: Store, paths: list[Path], *, author: str = "", queue: bool = True
) -> ImportedArticles:
    """Import Markdown or ninjs files as articles, every one or none (ImportError_,
    StoreError or OSError names the file that cannot be, and nothing is written)."""
    from ..services.transfer import import_files

    results = import_files(store, paths, author=author, queue=queue)
    ids = frozenset(r.article_id for r in results)
    return ImportedArticles(results, Changes(articles=ids, queue=True))
