"""Markdown files with YAML front matter <-> articles.

The front matter carries every field but the body; the body follows the
closing `---`. Exported files import back to the same fields and, through the
uuid, to the same article.
"""

from __future__ import annotations

from typing import Any

import yaml

from ..domain.article import Article, Source, SourceKind

ALLOWED_KEYS = frozenset(
    {
        "uuid",
        "headline",
        "standfirst",
        "edition",
        "section",
        "subsection",
        "regions",
        "tags",
        "byline",
        "dateline",
        "status",
        "coverage",
        "sources",
        "slug",
        "priority",
        "embargo_at",
        "scheduled_at",
        "lead_photo",
    }
)
SOURCE_KEYS = frozenset({"name", "url", "kind", "notes", "attribution"})


class FormatError(ValueError):
    """The text is not a valid article file; the message says where and why."""


MAX_YAML_DEPTH = 20  # a front matter nests two levels (sources: [{...}]); 20 is plenty


class _FrontMatterLoader(yaml.SafeLoader):
    """SafeLoader without aliases and with a nesting limit.

    An alias (`*name`) repeats a node without repeating its text: nine levels of
    ten make a billion items once turned into text ("billion laughs"). A front
    matter never needs one. Deep nesting would exhaust the composer's recursion.
    """

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed", mark
            )
        if self._depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def split(text: str) -> tuple[dict[str, Any], str]:
    """Front matter (as a mapping) and body."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise FormatError("no front matter: the file must start with a line '---'")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            header = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            break
    else:
        raise FormatError("the front matter is not closed by a line '---'")
    try:
        data = yaml.load(header, Loader=_FrontMatterLoader) or {}  # a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FormatError(f"broken YAML in the front matter{where}: {problem}") from exc
    except ValueError as exc:  # a value YAML reads but Python refuses: 2026-02-30, 5000 digits
        raise FormatError(f"broken YAML in the front matter: {str(exc).split(';')[0]}") from exc
    if not isinstance(data, dict):
        raise FormatError("the front matter must be a mapping of keys to values")
    return data, body.lstrip("\n")


def _str_list(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise FormatError(f"'{key}' must be a list of names")
    return [str(v).strip() for v in value if str(v).strip()]


def _sources(data: dict[str, Any]) -> list[Source]:
    raw = data.get("sources") or []
    if not isinstance(raw, list):
        raise FormatError("'sources' must be a list of {name, url, kind, notes, attribution}")
    kinds = {k.value for k in SourceKind}
    result = []
    for index, item in enumerate(raw, start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise FormatError(f"source {index} must be a mapping")
        unknown = set(item) - SOURCE_KEYS
        if unknown:
            raise FormatError(f"source {index} has unknown keys: {', '.join(sorted(unknown))}")
        if not str(item.get("name") or "").strip():
            raise FormatError(f"source {index} has no name")
        kind = str(item.get("kind") or SourceKind.OUTLET.value)
        if kind not in kinds:
            raise FormatError(
                f"source {index} has unknown kind {kind!r} (one of: {', '.join(sorted(kinds))})"
            )
        result.append(Source.from_dict({**item, "kind": kind}))
    return result


def parse(text: str) -> Article:
    """An Article from a front-matter Markdown text (not yet checked against a store)."""
    return parse_with_lead(text)[0]


def parse_with_lead(text: str) -> tuple[Article, str]:
    """The article and its `lead_photo:` (the uuid of a library photo, or ""): the store,
    not the file, knows whether that photo exists."""
    data, body = split(text)
    unknown = set(data) - ALLOWED_KEYS
    if unknown:
        raise FormatError(
            f"unknown keys in the front matter: {', '.join(sorted(map(str, unknown)))}"
        )
    headline = str(data.get("headline") or "").strip()
    if not headline:
        raise FormatError("the front matter has no headline")
    article = Article(headline=headline, body=body)
    for key in ("standfirst", "byline", "dateline", "coverage", "slug", "subsection"):
        if data.get(key) is not None:
            setattr(article, key, str(data[key]).strip())
    for key in ("edition", "section", "status"):
        if data.get(key) is not None:
            setattr(article, key, str(data[key]).strip())
    for key in ("embargo_at", "scheduled_at"):
        if data.get(key) is not None:
            setattr(article, key, _timestamp(data[key]))
    if data.get("uuid"):
        article.uuid = str(data["uuid"]).strip()
    if data.get("priority") is not None:
        article.priority = 1 if str(data["priority"]).lower() in ("1", "true", "breaking") else 0
    article.regions = _str_list(data, "regions")
    article.tags = _str_list(data, "tags")
    article.sources = _sources(data)
    lead = data.get("lead_photo")
    if lead is not None and not isinstance(lead, str):
        raise FormatError("lead_photo must be the uuid of a photo in the library")
    return article, (lead or "").strip()


def _timestamp(value: Any) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return text.replace("+00:00", "Z")


def dump(article: Article, *, lead_photo: str = "") -> str:
    """The article as a front-matter Markdown text (`lead_photo`: its lead's uuid)."""
    data: dict[str, Any] = {
        "uuid": article.uuid,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "edition": article.edition,
        "section": article.section,
        "subsection": article.subsection,
        "regions": list(article.regions),
        "tags": list(article.tags),
        "byline": article.byline,
        "dateline": article.dateline,
        "status": article.status,
        "coverage": article.coverage,
        "slug": article.slug,
        "priority": article.priority,
        "sources": [
            {k: v for k, v in s.to_dict().items() if k in SOURCE_KEYS} for s in article.sources
        ],
    }
    for key in ("embargo_at", "scheduled_at"):
        if getattr(article, key):
            data[key] = getattr(article, key)
    if lead_photo:
        data["lead_photo"] = lead_photo
    header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{article.body.rstrip()}\n"
