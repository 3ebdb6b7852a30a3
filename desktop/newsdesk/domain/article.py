"""Articles and the sources a reporter relied on."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from .site import direction_of
from .text import DEFAULT_WORDS_PER_MINUTE, read_minutes, word_count


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_EDIT = "in_edit"
    RETURNED = "returned"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    SPIKED = "spiked"
    KILLED = "killed"


class SourceKind(StrEnum):
    NEWS_AGENCY = "news agency"
    OUTLET = "outlet"
    DOCUMENT = "document"
    INTERVIEW = "interview"
    SOCIAL_MEDIA = "social media"
    OFFICIAL_STATEMENT = "official statement"


def now_utc() -> str:
    """Timestamps are stored as ISO 8601 UTC strings, second resolution."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_uuid() -> str:
    return str(uuidlib.uuid4())


@dataclass
class Source:
    name: str
    url: str = ""
    kind: str = SourceKind.OUTLET.value
    notes: str = ""
    attribution: bool = False
    file_path: str = ""  # relative to the store's folder, when a file is attached
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "kind": self.kind,
            "notes": self.notes,
            "attribution": self.attribution,
            "file_path": self.file_path,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            name=str(data.get("name") or ""),
            url=str(data.get("url") or ""),
            kind=str(data.get("kind") or SourceKind.OUTLET.value),
            notes=str(data.get("notes") or ""),
            attribution=bool(data.get("attribution", False)),
            file_path=str(data.get("file_path") or ""),
        )


# The fields a revision snapshots and a three-way merge compares.
CONTENT_FIELDS = (
    "edition",
    "section",
    "subsection",
    "regions",
    "coverage",
    "slug",
    "headline",
    "standfirst",
    "body",
    "byline",
    "dateline",
    "tags",
    "sources",
    "priority",
    "status",
    "embargo_at",
    "scheduled_at",
    "lead_photo_id",
    "correction",
)


@dataclass
class Article:
    headline: str = ""
    standfirst: str = ""
    body: str = ""
    byline: str = ""
    dateline: str = ""
    edition: str = "en"
    section: str = "News"
    subsection: str = ""
    regions: list[str] = field(default_factory=list)
    coverage: str = ""
    slug: str = ""
    tags: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    priority: int = 0  # 0 normal, 1 breaking
    status: str = Status.DRAFT.value
    embargo_at: str | None = None
    scheduled_at: str | None = None
    lead_photo_id: int | None = None
    correction: str = ""  # the published correction note, part of the article
    uuid: str = field(default_factory=new_uuid)
    id: int | None = None
    created_at: str = field(default_factory=now_utc)
    updated_at: str = field(default_factory=now_utc)

    @property
    def direction(self) -> str:
        return direction_of(self.edition)

    @property
    def is_breaking(self) -> bool:
        return self.priority >= 1

    @property
    def words(self) -> int:
        return word_count(self.body)

    def read_minutes(self, words_per_minute: int = DEFAULT_WORDS_PER_MINUTE) -> int:
        return read_minutes(self.words, words_per_minute)

    @property
    def attribution_names(self) -> list[str]:
        return [s.name for s in self.sources if s.attribution and s.name]

    def content(self) -> dict[str, Any]:
        """The editable content as plain data: what a revision stores."""
        data = {name: getattr(self, name) for name in CONTENT_FIELDS}
        data["regions"] = list(self.regions)
        data["tags"] = list(self.tags)
        data["sources"] = [s.to_dict() for s in self.sources]
        return data

    def apply_content(self, data: dict[str, Any]) -> None:
        """Set the editable fields from a revision snapshot (unknown keys ignored)."""
        for name in CONTENT_FIELDS:
            if name not in data:
                continue
            value = data[name]
            if name == "sources":
                value = [Source.from_dict(s) for s in value or []]
            elif name in ("regions", "tags"):
                value = list(value or [])
            setattr(self, name, value)

    def copy(self) -> Article:
        clone = Article(**{f.name: getattr(self, f.name) for f in fields(self)})
        clone.apply_content(self.content())
        return clone

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["direction"] = self.direction
        data["word_count"] = self.words
        data["read_minutes"] = self.read_minutes()
        return data
