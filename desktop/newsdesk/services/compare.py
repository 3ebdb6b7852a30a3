"""Compare two versions of a story, every field, word by word (no Qt).

A version is a stored revision number, or None for the article as it is now.
Photo captions live with the photos, not in the article's content: a revision
keeps the captions its photos carried when it was saved (schema 5), and the
current version shows them as they are now. Revisions older than that fall
back to today's captions for the photos they use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..domain.diff import Chunk, content_diff
from ..domain.photo import photo_refs
from ..domain.text import utc_label
from ..store import Store
from ..store.errors import NotFoundError

# The fields an editor reads first come first; every content field is listed.
FIELDS: tuple[tuple[str, str], ...] = (
    ("headline", "Headline"),
    ("standfirst", "Standfirst"),
    ("body", "Body"),
    ("tags", "Tags"),
    ("sources", "Sources"),
    ("captions", "Photo captions"),
    ("byline", "Byline"),
    ("dateline", "Dateline"),
    ("edition", "Edition"),
    ("section", "Section"),
    ("subsection", "Subsection"),
    ("regions", "Regions"),
    ("coverage", "Coverage"),
    ("slug", "Slug"),
    ("priority", "Priority"),
    ("status", "Status"),
    ("embargo_at", "Embargo"),
    ("scheduled_at", "Scheduled"),
    ("correction", "Correction"),
)
CURRENT = None  # the version "as it is now"
BODY_ROLES = ("inline", "gallery")


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    changed: bool
    chunks: list[Chunk]  # equal chunks only when unchanged
    old_text: str
    new_text: str


@dataclass(frozen=True)
class Version:
    number: int | None  # None: the current article
    label: str


@dataclass(frozen=True)
class Comparison:
    article_id: int
    old: Version
    new: Version
    fields: list[FieldDiff]

    @property
    def changed(self) -> list[FieldDiff]:
        return [f for f in self.fields if f.changed]

    def field(self, name: str) -> FieldDiff:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)


def versions(store: Store, article_id: int) -> list[Version]:
    """The current text first, then every revision newest first, labelled for a picker."""
    submitted = store.workflow.submitted_revision(article_id)
    out = [Version(CURRENT, "Current text")]
    for rev in store.revisions.list(article_id):
        mark = " — reporter's submitted version" if rev.number == submitted else ""
        who = rev.author or "unknown"
        out.append(
            Version(
                rev.number,
                f"#{rev.number} · {utc_label(rev.created_at)} · {who} · {rev.reason}{mark}",
            )
        )
    return out


def default_pair(store: Store, article_id: int) -> tuple[int | None, int | None]:
    """The reporter's submitted revision against the current text (first revision if never submitted)."""
    submitted = store.workflow.submitted_revision(article_id)
    if submitted is None:
        revisions = store.revisions.list(article_id)
        submitted = revisions[-1].number if revisions else None
    return submitted, CURRENT


def content_of(store: Store, article_id: int, number: int | None) -> dict[str, Any]:
    if number is None:
        return store.articles.get(article_id).content()
    return dict(store.revisions.get(article_id, number).content)


def _caption_line(label: str, text: str, credit: str, alt: str) -> str:
    line = f"{label}: {text or '(no caption)'}"
    if credit and f"({credit})" not in text:
        line += f" ({credit})"
    return line + f" — alt: {alt or '(none)'}"


def snapshot_text(captions: list[dict[str, Any]]) -> str:
    """The captions a revision kept, one line per photo, as captions_text writes them."""
    return "\n".join(
        _caption_line(
            "Lead" if c.get("role") == "lead" else "In body",
            str(c.get("caption") or ""),
            str(c.get("credit") or ""),
            str(c.get("alt_text") or ""),
        )
        for c in captions
    )


def captions_text(store: Store, article_id: int, content: dict[str, Any]) -> str:
    """One line per photo the version uses: role, caption, credit, alt text."""
    current = {(u.use.photo_id, u.use.role): u for u in store.photos.uses.for_article(article_id)}
    wanted: list[tuple[str, int, tuple[str, ...]]] = []  # label, photo id, roles to look up
    lead = content.get("lead_photo_id")
    if lead is not None:
        wanted.append(("Lead", int(lead), ("lead",)))
    for uuid, _alt in photo_refs(str(content.get("body") or "")):
        try:
            wanted.append(("In body", int(store.photos.get_by_uuid(uuid).id or 0), BODY_ROLES))
        except NotFoundError:
            wanted.append(("In body", -1, BODY_ROLES))
    lines = []
    for role_label, photo_id, roles in wanted:
        used = next((current[(photo_id, r)] for r in roles if (photo_id, r) in current), None)
        if used is not None:
            cap = used.caption
            text, credit, alt = cap.text, cap.credit, cap.alt_text
        else:
            try:
                view = store.photos.get(photo_id).caption_view()
                text, credit, alt = view.text, view.credit, view.alt_text
            except NotFoundError:
                lines.append(f"{role_label}: (a photo no longer in the library)")
                continue
        lines.append(_caption_line(role_label, text, credit, alt))
    return "\n".join(lines)


def _field_texts(store: Store, article_id: int, number: int | None) -> dict[str, str]:
    content = content_of(store, article_id, number)
    kept = store.revisions.get(article_id, number).captions if number is not None else None
    texts: dict[str, str] = {}
    for name, _label in FIELDS:
        if name == "captions":
            texts[name] = (
                snapshot_text(kept)
                if kept is not None
                else captions_text(store, article_id, content)
            )
        elif name == "tags":
            texts[name] = " · ".join(content.get("tags") or [])
        elif name == "regions":
            texts[name] = " · ".join(content.get("regions") or [])
        elif name == "sources":
            texts[name] = "\n".join(_source_line(s) for s in content.get("sources") or [])
        elif name == "priority":
            texts[name] = "breaking" if int(content.get("priority") or 0) >= 1 else "normal"
        else:
            value = content.get(name)
            texts[name] = "" if value is None else str(value)
    return texts


def _source_line(source: dict[str, Any]) -> str:
    parts = [str(source.get("name") or "(unnamed)")]
    for key in ("kind", "url", "notes"):
        if source.get(key):
            parts.append(str(source[key]))
    if source.get("attribution"):
        parts.append("on the attribution line")
    return " · ".join(parts)


def _label(store: Store, article_id: int, number: int | None) -> str:
    if number is None:
        return "Current text"
    for v in versions(store, article_id):
        if v.number == number:
            return v.label
    return f"#{number}"


def compare(
    store: Store, article_id: int, old: int | None, new: int | None = CURRENT
) -> Comparison:
    """Every field of `old` against `new`; unchanged fields are kept, marked unchanged."""
    old_texts = _field_texts(store, article_id, old)
    new_texts = _field_texts(store, article_id, new)
    changes = content_diff(old_texts, new_texts)
    fields = []
    for name, label in FIELDS:
        a, b = old_texts[name], new_texts[name]
        if name in changes:
            fields.append(FieldDiff(name, label, True, changes[name], a, b))
        else:
            fields.append(FieldDiff(name, label, False, [Chunk("equal", b)] if b else [], a, b))
    return Comparison(
        article_id,
        Version(old, _label(store, article_id, old)),
        Version(new, _label(store, article_id, new)),
        fields,
    )
