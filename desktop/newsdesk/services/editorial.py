"""The pre-publish checklist against the store (the workflow moves are ops.workflow)."""

from __future__ import annotations

from ..domain import workflow as rules
from ..domain.article import Article
from ..domain.checklist import (
    ChecklistConfig,
    CheckResult,
    Context,
    config_for,
    run_checklist,
)
from ..store import Store


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
    # An embargo is judged at the publish time, by its own rule (photo_embargo).
    return [p.message for p in store.photos.check_caption(caption) if p.code != "embargoed"]


def photo_embargoes(store: Store, article: Article) -> tuple[tuple[str, str], ...]:
    """(which photo, its embargo) of every photo the story shows that carries one."""
    used = store.photos.uses.for_content(
        article.id, article.body, article.lead_photo_id, article.section, article.edition
    )
    return tuple(
        (
            f"{u.use.role} photo {u.photo.id} ({u.photo.credit or 'no credit'})",
            u.photo.embargo_until,
        )
        for u in used
        if u.photo.embargo_until
    )


def check_article(
    store: Store,
    article: Article,
    *,
    publish_at: str | None = None,
    config: ChecklistConfig | None = None,
) -> list[CheckResult]:
    context = Context(
        lead_photo_problems=lead_photo_problems(store, article),
        publish_at=publish_at,
        photo_embargoes=photo_embargoes(store, article),
    )
    return run_checklist(article, config or config_for(article.section), context)
