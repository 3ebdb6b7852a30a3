"""The pre-publish checklist: rules per section, each blocking or a warning."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from .article import Article, SourceKind
from .embargo import embargo_label, under_embargo
from .validation import DEFAULT_HEADLINE_LIMIT, DEFAULT_STANDFIRST_LIMIT

BLOCKING = "blocking"
WARNING = "warning"


@dataclass(frozen=True)
class ChecklistConfig:
    """What a section asks of a story before it goes out."""

    headline_limit: int = DEFAULT_HEADLINE_LIMIT
    standfirst_limit: int = DEFAULT_STANDFIRST_LIMIT
    min_words: int = 80
    max_words: int = 3000
    needs_source: bool = True
    needs_lead_photo: bool = True
    # rule name -> BLOCKING or WARNING; a rule missing here does not run
    severity: dict[str, str] = field(
        default_factory=lambda: {
            "headline": BLOCKING,
            "standfirst": BLOCKING,
            "section_and_tag": BLOCKING,
            "lead_photo": BLOCKING,
            "source": BLOCKING,
            "attribution": WARNING,
            "embargo": BLOCKING,
            "photo_embargo": BLOCKING,
            "word_count": WARNING,
        }
    )


# Sections differ: opinion needs no source, a breaking line no photo or length.
SECTION_DEFAULTS: dict[str, ChecklistConfig] = {
    "News": ChecklistConfig(),
    "Articles": ChecklistConfig(needs_source=False, min_words=300),
    "In Pictures": ChecklistConfig(min_words=0),
    "Live": ChecklistConfig(needs_lead_photo=False, min_words=0),
}


def config_for(
    section: str, overrides: dict[str, ChecklistConfig] | None = None
) -> ChecklistConfig:
    table = {**SECTION_DEFAULTS, **(overrides or {})}
    return table.get(section, ChecklistConfig())


@dataclass(frozen=True)
class CheckResult:
    rule: str
    severity: str
    ok: bool
    message: str

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCKING and not self.ok


@dataclass(frozen=True)
class Context:
    """What the checklist needs beyond the article itself."""

    lead_photo_problems: list[str] | None = None  # None: no lead photo
    publish_at: str | None = None  # ISO UTC; None means now
    now: str | None = None
    # (what the photo is, its embargo) of every photo the story shows that has one
    photo_embargoes: tuple[tuple[str, str], ...] = ()


def _parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)


def _headline(a: Article, c: ChecklistConfig, _: Context) -> tuple[bool, str]:
    n = len(a.headline.strip())
    if not n:
        return False, "The headline is empty."
    return n <= c.headline_limit, f"Headline: {n} of {c.headline_limit} characters."


def _standfirst(a: Article, c: ChecklistConfig, _: Context) -> tuple[bool, str]:
    n = len(a.standfirst.strip())
    if not n:
        return False, "The standfirst is empty."
    return n <= c.standfirst_limit, f"Standfirst: {n} of {c.standfirst_limit} characters."


def _section_and_tag(a: Article, _: ChecklistConfig, __: Context) -> tuple[bool, str]:
    if not a.section:
        return False, "No section is chosen."
    if not a.tags:
        return False, "The story has no tag."
    return True, f"Section {a.section}; {len(a.tags)} tag(s)."


def _lead_photo(a: Article, c: ChecklistConfig, ctx: Context) -> tuple[bool, str]:
    if not c.needs_lead_photo:
        return True, "This section needs no lead photo."
    if ctx.lead_photo_problems is None:
        return False, "There is no lead photo."
    if ctx.lead_photo_problems:
        return False, "Lead photo: " + "; ".join(ctx.lead_photo_problems)
    return True, "Lead photo has caption, credit and alt text."


def _source(a: Article, c: ChecklistConfig, _: Context) -> tuple[bool, str]:
    if not c.needs_source:
        return True, "This section needs no source."
    if not a.sources:
        return False, "A news story needs at least one source."
    return True, f"{len(a.sources)} source(s)."


def _attribution(a: Article, _: ChecklistConfig, __: Context) -> tuple[bool, str]:
    agency = [s.name for s in a.sources if s.kind == SourceKind.NEWS_AGENCY.value]
    if agency and not a.attribution_names:
        return (
            False,
            f"Agency copy ({', '.join(agency)}) but no source marked for the attribution line.",
        )
    if a.attribution_names:
        return True, "Attribution line: Source: " + ", ".join(a.attribution_names)
    return True, "No attribution line needed."


def _embargo(a: Article, _: ChecklistConfig, ctx: Context) -> tuple[bool, str]:
    if not a.embargo_at:
        return True, "No embargo."
    when = _parse(ctx.publish_at or ctx.now or datetime.now(UTC).isoformat())
    embargo = _parse(a.embargo_at)
    if when < embargo:
        return (
            False,
            f"Embargoed until {a.embargo_at}; publishing at {when:%Y-%m-%d %H:%M} UTC is too early.",
        )
    return True, f"Embargo {a.embargo_at} respected."


def _photo_embargo(a: Article, _: ChecklistConfig, ctx: Context) -> tuple[bool, str]:
    """An agency photo under embargo at the publish time stops the story; a schedule
    after the embargo ends is fine."""
    when = _parse(ctx.publish_at or ctx.now or datetime.now(UTC).isoformat())
    held = [
        f"{label}: {embargo_label(until)}"
        for label, until in ctx.photo_embargoes
        if under_embargo(until, when)
    ]
    if held:
        return (
            False,
            f"Photo under embargo at {when:%Y-%m-%d %H:%M} UTC — " + "; ".join(held) + ".",
        )
    return True, "No photo under embargo."


def _word_count(a: Article, c: ChecklistConfig, _: Context) -> tuple[bool, str]:
    n = a.words
    ok = c.min_words <= n <= c.max_words
    return ok, f"{n} words (range {c.min_words}–{c.max_words})."


RULES: dict[str, Callable[[Article, ChecklistConfig, Context], tuple[bool, str]]] = {
    "headline": _headline,
    "standfirst": _standfirst,
    "section_and_tag": _section_and_tag,
    "lead_photo": _lead_photo,
    "source": _source,
    "attribution": _attribution,
    "embargo": _embargo,
    "photo_embargo": _photo_embargo,
    "word_count": _word_count,
}


def run_checklist(
    article: Article, config: ChecklistConfig, context: Context | None = None
) -> list[CheckResult]:
    ctx = context or Context()
    results = []
    for name, rule in RULES.items():
        severity = config.severity.get(name)
        if severity is None:
            continue
        ok, message = rule(article, config, ctx)
        results.append(CheckResult(name, severity, ok, message))
    return results


def blocking_failures(results: list[CheckResult]) -> list[CheckResult]:
    return [r for r in results if r.blocks]


def with_severity(config: ChecklistConfig, rule: str, severity: str | None) -> ChecklistConfig:
    """A copy of `config` where `rule` is blocking, a warning, or off (None)."""
    table = dict(config.severity)
    if severity is None:
        table.pop(rule, None)
    else:
        table[rule] = severity
    return replace(config, severity=table)
