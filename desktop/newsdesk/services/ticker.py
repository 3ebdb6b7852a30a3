"""The breaking ticker: one attributed line, checked and published in one step (no Qt).

A ticker item is an Article in section "Live" with priority 1; its headline is
the whole line, attribution prefix included ("Palestinian media: …"). The
prefix also becomes the item's one source, marked for the attribution line.
Publishing walks the ordinary workflow (submit → approve → publish, as an
editor), so every item has its transitions recorded like any story.

On WordPress (sync/mapping.py) an item is a published post titled with the
line, in the categories "Live" and "Breaking"; the site's ticker lists the
"Breaking" category newest first. A removed (spiked) item becomes a draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..domain import workflow as rules
from ..domain.article import Article, Source, SourceKind, Status
from ..domain.checklist import (
    BLOCKING,
    CheckResult,
    Context,
    blocking_failures,
    config_for,
    run_checklist,
)
from ..store import Store
from ..store.errors import NotFoundError

SECTION = "Live"
BREAKING = 1
LINE_LIMIT = 160  # characters, prefix included: one line on the site's ticker
DEFAULT_BYLINE = "Newsdesk Live Desk"
DEFAULT_PREFIXES = ("Palestinian media", "Israeli media", "Lebanese media")
# "Palestinian media: text" — a prefix of 2–60 characters, a colon, then the news.
_PREFIXED = re.compile(r"^\s*(?P<prefix>[^:\n]{2,60}?)\s*:\s+(?P<text>\S.*)$", re.DOTALL)
_GONE = (Status.SPIKED.value, Status.KILLED.value)

# The "Live" section's checklist, reduced to what a one-line item can have.
TICKER_CONFIG = replace(
    config_for(SECTION),
    headline_limit=LINE_LIMIT,
    severity={"headline": BLOCKING, "embargo": BLOCKING},
)


class TickerRejected(rules.WorkflowError):
    """The line failed a blocking check; nothing was saved. `failures` lists why."""

    def __init__(self, failures: list[CheckResult]) -> None:
        super().__init__(" ".join(f.message for f in failures))
        self.failures = failures


@dataclass(frozen=True)
class TickerItem:
    id: int
    line: str
    status: str
    edition: str
    created_at: str
    updated_at: str

    @property
    def prefix(self) -> str:
        parts = split_prefix(self.line)
        return parts[0] if parts else ""


def split_prefix(line: str) -> tuple[str, str] | None:
    """(attribution, text) of a ticker line, or None when it has no attribution prefix."""
    match = _PREFIXED.match(line)
    if not match:
        return None
    return match.group("prefix").strip(), match.group("text").strip()


def check_line(line: str) -> list[CheckResult]:
    """The ticker's short checklist: attribution prefix, then the Live section's rules."""
    clean = " ".join(line.split())
    parts = split_prefix(clean)
    if parts:
        prefix_rule = CheckResult(
            "attribution_prefix", BLOCKING, True, f"Attributed to {parts[0]}."
        )
    else:
        prefix_rule = CheckResult(
            "attribution_prefix",
            BLOCKING,
            False,
            'A breaking line opens with its attribution, e.g. "Palestinian media: …".',
        )
    probe = Article(headline=clean, section=SECTION, priority=BREAKING)
    return [prefix_rule, *run_checklist(probe, TICKER_CONFIG, Context())]


def _checked(line: str) -> tuple[str, str]:
    clean = " ".join(line.split())
    failures = blocking_failures(check_line(clean))
    if failures:
        raise TickerRejected(failures)
    parts = split_prefix(clean)
    assert parts is not None  # the prefix rule passed
    return clean, parts[0]


def publish_line(
    store: Store, line: str, *, actor: str, edition: str = "en", byline: str = ""
) -> TickerItem:
    """Check, save and publish a breaking line; all or nothing. Raises TickerRejected."""
    clean, prefix = _checked(line)
    who = actor or "editor"
    with store.atomic():
        article = store.articles.create(
            Article(
                headline=clean,
                section=SECTION,
                priority=BREAKING,
                edition=edition,
                byline=byline or DEFAULT_BYLINE,
                sources=[Source(prefix, kind=SourceKind.OUTLET.value, attribution=True)],
            ),
            author=who,
            reason="ticker",
        )
        assert article.id is not None
        for action in (rules.Action.SUBMIT, rules.Action.APPROVE, rules.Action.PUBLISH):
            store.workflow.transition(article.id, action, actor=who, role=rules.Role.EDITOR)
    return get(store, article.id)


def edit_line(store: Store, article_id: int, line: str, *, actor: str) -> TickerItem:
    """Replace an item's line (checked again); a published item records an update."""
    clean, prefix = _checked(line)
    with store.atomic():
        article = store.articles.get(article_id)
        if article.section != SECTION or article.priority < BREAKING:
            raise rules.WorkflowError(f"Article {article_id} is not a breaking ticker item.")
        article.headline = clean
        others = [s for s in article.sources if not s.attribution]
        article.sources = [
            Source(prefix, kind=SourceKind.OUTLET.value, attribution=True),
            *others,
        ]
        store.articles.save(article, author=actor, reason="ticker edit")
        if article.status == Status.PUBLISHED.value:
            store.workflow.transition(
                article_id, rules.Action.UPDATE, actor=actor, role=rules.Role.EDITOR
            )
    return get(store, article_id)


def remove(store: Store, article_id: int, *, actor: str) -> None:
    """Take an item off the ticker: spiked, so it is kept and can be brought back."""
    store.workflow.transition(article_id, rules.Action.SPIKE, actor=actor, role=rules.Role.EDITOR)


def restore(store: Store, article_id: int, *, actor: str) -> None:
    store.workflow.transition(article_id, rules.Action.UNSPIKE, actor=actor, role=rules.Role.EDITOR)


_COLUMNS = "id, headline, status, edition, created_at, updated_at"


def get(store: Store, article_id: int) -> TickerItem:
    found = store.conn.execute(
        f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if found is None:
        raise NotFoundError(f"No article with id {article_id}.")
    return TickerItem(*found)


def items(store: Store, *, edition: str | None = None, limit: int = 200) -> list[TickerItem]:
    """Live breaking items still on the ticker, newest first."""
    sql = (
        f"SELECT {_COLUMNS} FROM articles WHERE section = ? AND priority >= ? "
        f"AND status NOT IN (?, ?)"
    )
    params: list[object] = [SECTION, BREAKING, *_GONE]
    if edition:
        sql += " AND edition = ?"
        params.append(edition)
    sql += " ORDER BY created_at DESC, id DESC LIMIT ?"
    params.append(limit)
    return [TickerItem(*row) for row in store.conn.execute(sql, params)]


def recent_prefixes(store: Store, limit: int = 30) -> list[str]:
    """Attribution prefixes used lately, most recent first, then the house defaults."""
    seen: dict[str, None] = {}
    rows = store.conn.execute(
        "SELECT headline FROM articles WHERE section = ? AND priority >= ? "
        "ORDER BY created_at DESC, id DESC LIMIT 500",
        (SECTION, BREAKING),
    )
    for (headline,) in rows:
        parts = split_prefix(headline or "")
        if parts and parts[0] not in seen:
            seen[parts[0]] = None
        if len(seen) >= limit:
            break
    for prefix in DEFAULT_PREFIXES:
        seen.setdefault(prefix, None)
    return list(seen)
