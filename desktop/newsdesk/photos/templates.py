"""Batch captioning templates, like Photo Mechanic's code replacements.

A template is text with {variables} filled from each photo: {creator}, {date},
{city}, {country}, {event}, {credit}, {source}, {headline}, {caption},
{filename}, plus any extra values the person types once for the batch (such as
{event} when the photos carry none). {date} reads "27 November 2026";
{date:%d/%m/%Y} takes a strftime pattern. {{ and }} are literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle, house_form
from ..domain.photo import Photo

_VARIABLE = re.compile(r"\{\{|\}\}|\{(\w+)(?::([^{}]*))?\}")
VARIABLES = (
    "creator",
    "date",
    "city",
    "country",
    "event",
    "credit",
    "source",
    "headline",
    "caption",
    "filename",
)
_ATTRIBUTES = {"date": "date_created"}
# Fields a template may set, in the order the batch dialog shows them.
TEMPLATE_FIELDS = (
    "caption",
    "headline",
    "credit",
    "creator",
    "source",
    "copyright",
    "alt_text",
    "city",
    "country",
    "event",
    "usage_terms",
    "rights_expiry",
    "instructions",
)


class TemplateError(ValueError):
    """A template that cannot be filled; the message names the field and variable."""


def _format_date(value: str, pattern: str | None) -> str:
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    if pattern:
        return day.strftime(pattern)
    return f"{day.day} {day.strftime('%B %Y')}"


def fill(
    template: str, photo: Photo, extra: Mapping[str, str] | None = None, *, field: str = "template"
) -> str:
    """The template with each {variable} replaced by this photo's value (or an extra value)."""
    extra = extra or {}

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name, pattern = match.group(1), match.group(2)
        if name in extra and str(extra[name]).strip():
            value = str(extra[name])
        elif name == "filename":
            value = photo.original_name
        elif name in VARIABLES:
            value = str(getattr(photo, _ATTRIBUTES.get(name, name)) or "")
        else:
            known = ", ".join("{" + v + "}" for v in VARIABLES)
            raise TemplateError(f"{field}: unknown variable {{{name}}}; known ones are {known}.")
        return _format_date(value, pattern) if name == "date" and value else value

    return _VARIABLE.sub(replace, template)


@dataclass(frozen=True)
class CaptionTemplate:
    """Field -> template; empty templates leave a field as it is."""

    fields: Mapping[str, str]
    extra: Mapping[str, str]
    close_with_credit: bool = True  # end the caption with the credit, the house form
    caption_style: CaptionStyle = DEFAULT_CAPTION_STYLE  # "(credit)" or "/ credit"

    def apply(self, photo: Photo) -> dict[str, Any]:
        """The changed fields for one photo (only those that differ)."""
        changes: dict[str, Any] = {}
        for name, template in self.fields.items():
            if name not in TEMPLATE_FIELDS:
                raise TemplateError(f"{name}: not a field a template can set.")
            if template.strip():
                changes[name] = fill(template, photo, self.extra, field=name).strip()
        caption = changes.get("caption", photo.caption)
        credit = changes.get("credit", photo.credit)
        if self.close_with_credit and caption and credit:
            changes["caption"] = house_form(caption, credit, self.caption_style)
        return {k: v for k, v in changes.items() if getattr(photo, k) != v}
