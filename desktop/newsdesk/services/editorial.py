"""Editorial use cases: the pre-publish checklist against the store, and gated transitions."""

from __future__ import annotations

from ..domain import workflow as rules
from ..domain.article import Article
from ..domain.checklist import (
    ChecklistConfig,
    CheckResult,
    Context,
    blocking_failures,
    config_for,
    run_checklist,
)
from ..store import Store

GATED = (rules.Action.PUBLISH, rules.Action.SCHEDULE)


class ChecklistFailed(rules.WorkflowError):
    """Publishing was stopped by blocking checklist rules, each listed."""

    def __init__(self, failures: list[CheckResult]) -> None:
        super().__init__("Cannot publish: " + " ".join(f"{r.message}" for r in failures))
        self.failures = failures


def lead_photo_problems(store: Store, article: Article) -> list[str] | None:
    """What the photo desk's checks say of the lead photo as this article uses it."""
    if article.lead_photo_id is None or article.id is None:
        return None
    caption = store.photos.uses.article_caption(article.id, article.lead_photo_id, "lead")
    return [p.message for p in store.photos.check_caption(caption)]


def check_article(
    store: Store,
    article: Article,
    *,
    publish_at: str | None = None,
    config: ChecklistConfig | None = None,
) -> list[CheckResult]:
    context = Context(
        lead_photo_problems=lead_photo_problems(store, article), publish_at=publish_at
    )
    return run_checklist(article, config or config_for(article.section), context)


def move(
    store: Store,
    article_id: int,
    action: str,
    *,
    actor: str,
    role: str,
    note: str = "",
    scheduled_at: str | None = None,
) -> str:
    """A workflow transition; publishing and scheduling first pass the checklist."""
    if action in GATED:
        article = store.articles.get(article_id)
        failures = blocking_failures(check_article(store, article, publish_at=scheduled_at))
        if failures:
            raise ChecklistFailed(failures)
    return store.workflow.transition(
        article_id, action, actor=actor, role=role, note=note, scheduled_at=scheduled_at
    )
