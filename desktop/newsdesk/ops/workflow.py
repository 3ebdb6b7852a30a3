"""The newsroom's editorial moves as operations: the queue, the reporter's desk and
the command line all go through these, so a rule lives in one place.

Each runs in one transaction and returns the `Changes` it made. Refusals are
`WorkflowError` (a rule, in words), `ChecklistFailed` (blocking checklist
rules, listed) or `ClaimedError` (another editor holds the story).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..domain import workflow as rules
from ..domain.article import Status
from ..domain.checklist import blocking_failures
from ..services.editorial import ChecklistFailed, check_article
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store

# Stages in which a story waits in the editors' queue.
QUEUED = frozenset({Status.SUBMITTED.value, Status.IN_EDIT.value, Status.APPROVED.value})
# Going out (publish, schedule) approves on the way a story still in the queue.
_GOING_OUT = (rules.Action.PUBLISH, rules.Action.SCHEDULE)


def _moved(article_id: int) -> Changes:
    return Changes.of_articles(article_id, queue=True)


def transition(
    store: Store,
    article_id: int,
    action: str,
    *,
    actor: str,
    role: str,
    note: str = "",
    scheduled_at: str | None = None,
) -> Changes:
    """One workflow action. Publishing and scheduling pass the checklist first (once),
    and a story still in the queue is approved on the way, in the same transaction."""
    action = rules.Action(action)
    with store.atomic():
        article = store.articles.get(article_id)
        if action in _GOING_OUT:
            failures = blocking_failures(check_article(store, article, publish_at=scheduled_at))
            if failures:
                raise ChecklistFailed(failures)
            if article.status in (Status.SUBMITTED.value, Status.IN_EDIT.value):
                store.workflow.transition(article_id, rules.Action.APPROVE, actor=actor, role=role)
        store.workflow.transition(
            article_id, action, actor=actor, role=role, note=note, scheduled_at=scheduled_at
        )
    return _moved(article_id)


def claim(store: Store, article_id: int, *, editor: str, role: str, force: bool = False) -> Changes:
    """Take the story to edit: a submitted one starts its edit; one held by someone
    else is refused in words (take it over instead). `force`: the site, which holds
    shared claims, granted it already."""
    with store.atomic():
        held = store.workflow.claim_of(article_id)
        if held is not None and held.editor != editor and not force:
            store.workflow.claim(article_id, editor)  # raises ClaimedError, in words
        elif store.articles.status_of(article_id) == Status.SUBMITTED.value:
            store.workflow.transition(article_id, rules.Action.START_EDIT, actor=editor, role=role)
        else:
            store.workflow.claim(article_id, editor, force=force)
    return _moved(article_id)


def take_over(store: Store, article_id: int, *, editor: str) -> Changes:
    """Take a story another editor holds; the thread says so."""
    with store.atomic():
        held = store.workflow.claim_of(article_id)
        store.workflow.claim(article_id, editor, force=True)
        if held is not None and held.editor != editor:
            store.workflow.add_note(
                article_id, editor, f"Took the story over from {held.editor}.", kind="takeover"
            )
    return _moved(article_id)


def release(store: Store, article_id: int, *, editor: str) -> Changes:
    with store.atomic():
        store.workflow.release(article_id, editor)
    return _moved(article_id)


def add_note(
    store: Store,
    article_id: int,
    *,
    author: str,
    body: str,
    parent_id: int | None = None,
    kind: str = "note",
) -> Changes:
    """A note in the story's thread (it travels to the site with the companion plugin)."""
    with store.atomic():
        store.workflow.add_note(article_id, author, body, parent_id=parent_id, kind=kind)
    return Changes.of_articles(article_id)


def import_notes(store: Store, article_id: int, notes: list[dict[str, Any]]) -> Changes:
    """Editorial notes from elsewhere (a pulled post) join the story's thread: a union,
    none lost; the story is named only if one was new."""
    with store.atomic():
        added = store.workflow.notes_import(article_id, notes)
    return Changes.of_articles(article_id) if added else Changes()
