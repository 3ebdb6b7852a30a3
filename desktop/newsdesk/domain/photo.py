"""Photos in the library and their uses in articles (plain data, no I/O)."""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .captions import Caption


class CaptionState(StrEnum):
    UNCAPTIONED = "uncaptioned"
    CAPTIONED = "captioned"
    APPROVED = "approved"


class PhotoRole(StrEnum):
    LEAD = "lead"
    INLINE = "inline"
    GALLERY = "gallery"


# The fields a person edits on the photo desk, with their IPTC names: the
# command line, the JSON output and the edit panel all use these names.
EDITABLE_FIELDS: tuple[str, ...] = (
    "caption",
    "headline",
    "creator",
    "credit",
    "source",
    "copyright",
    "alt_text",
    "extended_description",
    "date_created",
    "city",
    "country",
    "keywords",
    "instructions",
    "usage_terms",
    "rights_expiry",
    "embargo_until",
    "event",
    "caption_state",
    "keep_location",
)

# Markdown image references to library photos: ![alt](photo:<uuid>)
PHOTO_REF = re.compile(r"!\[(?P<alt>[^\]]*)\]\(photo:(?P<uuid>[0-9a-fA-F-]{8,36})\)")


def photo_refs(markdown: str) -> list[tuple[str, str]]:
    """(uuid, alt) of every photo referenced in a Markdown body, in order."""
    return [(m.group("uuid"), m.group("alt")) for m in PHOTO_REF.finditer(markdown)]


def photo_markdown(uuid: str, alt: str) -> str:
    """The body reference for a photo; brackets in the alt text would end it early."""
    safe_alt = alt.replace("[", "(").replace("]", ")").replace("\n", " ")
    return f"![{safe_alt}](photo:{uuid})"


@dataclass
class Photo:
    caption: str = ""
    headline: str = ""
    creator: str = ""
    credit: str = ""
    source: str = ""
    copyright: str = ""
    alt_text: str = ""
    extended_description: str = ""
    date_created: str = ""
    city: str = ""
    country: str = ""
    keywords: list[str] = field(default_factory=list)
    instructions: str = ""
    usage_terms: str = ""
    rights_expiry: str = ""
    # The agency's release time (ISO UTC, domain/embargo.py); '' : none.
    embargo_until: str = ""
    event: str = ""
    caption_state: str = CaptionState.UNCAPTIONED.value
    # The GPS position stays in the copy a site receives (a photo whose place is the news).
    keep_location: bool = False
    # Set by the library, not edited:
    uuid: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    id: int | None = None
    sha256: str = ""
    file_path: str = ""  # relative to the store's media folder
    original_name: str = ""
    format: str = ""
    width: int = 0
    height: int = 0
    file_size: int = 0
    check_codes: list[str] = field(default_factory=list)
    import_notes: str = ""
    imported_at: str = ""
    updated_at: str = ""
    # The shared library: the desktop that published it ('' : this one) and who captioned it.
    origin: str = ""
    captioned_by: str = ""

    @property
    def file_here(self) -> bool:
        """False for a photo pulled from the site's library whose full file is not here yet."""
        return bool(self.file_path)

    def caption_view(self, language: str = "") -> Caption:
        return Caption(
            text=self.caption,
            credit=self.credit,
            alt_text=self.alt_text,
            rights_expiry=self.rights_expiry,
            embargo_until=self.embargo_until,
            trusted_names=(self.creator, self.city, self.country),
            language=language,
        )

    def editable(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in EDITABLE_FIELDS}
        data["keywords"] = list(self.keywords)
        return data

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["megapixels"] = round(self.width * self.height / 1_000_000, 1)
        return data

    @property
    def place(self) -> str:
        return ", ".join(p for p in (self.city, self.country) if p)


@dataclass
class PhotoUse:
    """A photo placed in an article; its own caption and alt text override the library's."""

    article_id: int
    photo_id: int
    role: str = PhotoRole.INLINE.value
    position: int = 0
    caption: str | None = None  # None: the library caption
    alt_text: str | None = None  # None: the library alt text
    id: int | None = None

    def resolve(self, photo: Photo, language: str = "") -> Caption:
        """The caption readers see in this article: per-use text, else the library's."""
        base = photo.caption_view(language)
        return Caption(
            text=self.caption if self.caption is not None else base.text,
            credit=base.credit,
            alt_text=self.alt_text if self.alt_text is not None else base.alt_text,
            rights_expiry=base.rights_expiry,
            embargo_until=base.embargo_until,
            trusted_names=base.trusted_names,
            language=language,
        )


def original_relpath(sha256: str, extension: str) -> str:
    """Where an original lives under the media folder: named by content, so never twice."""
    return f"originals/{sha256[:2]}/{sha256}{extension.lower()}"


def thumbnail_relpath(sha256: str) -> str:
    return f"thumbs/{sha256[:2]}/{sha256}.jpg"
