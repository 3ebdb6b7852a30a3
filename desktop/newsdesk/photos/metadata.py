"""Reading and writing IPTC IIM, XMP and EXIF captions with pyexiv2 (Exiv2).

Reading prefers XMP (always UTF-8), then IPTC IIM, then EXIF, as the IPTC and
MWG guidelines suggest. IIM text is decoded by hand: a file that declares no
character set, or lies about it, is read as UTF-8 when it is valid UTF-8 and
as Windows-1252 otherwise, with a note naming the file and the field — the
original file stays as it was, so nothing is lost. Writing always marks IIM as
UTF-8 (dataset 1:90 = ESC % G) and cuts IIM values at its byte limits on a
character boundary; XMP carries the full text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyexiv2

from ..domain.captions import IIM_LIMITS, truncate_utf8
from ..domain.embargo import normalise_embargo

pyexiv2.set_log_level(4)  # Exiv2 would print warnings to stderr; we report problems ourselves

UTF8_MARKER = "\x1b%G"
X_DEFAULT = 'lang="x-default"'

# field -> (IIM dataset key, XMP key, XMP kind) ; kind: text, langalt, bag, seq
FIELD_MAP: dict[str, tuple[str | None, str | None, str]] = {
    "caption": ("Iptc.Application2.Caption", "Xmp.dc.description", "langalt"),
    "headline": ("Iptc.Application2.Headline", "Xmp.photoshop.Headline", "text"),
    "creator": ("Iptc.Application2.Byline", "Xmp.dc.creator", "seq"),
    "credit": ("Iptc.Application2.Credit", "Xmp.photoshop.Credit", "text"),
    "source": ("Iptc.Application2.Source", "Xmp.photoshop.Source", "text"),
    "copyright": ("Iptc.Application2.Copyright", "Xmp.dc.rights", "langalt"),
    "alt_text": (None, "Xmp.iptc.AltTextAccessibility", "langalt"),
    "extended_description": (None, "Xmp.iptc.ExtDescrAccessibility", "langalt"),
    "date_created": ("Iptc.Application2.DateCreated", "Xmp.photoshop.DateCreated", "text"),
    "city": ("Iptc.Application2.City", "Xmp.photoshop.City", "text"),
    "country": ("Iptc.Application2.CountryName", "Xmp.photoshop.Country", "text"),
    "keywords": ("Iptc.Application2.Keywords", "Xmp.dc.subject", "bag"),
    "instructions": ("Iptc.Application2.SpecialInstructions", "Xmp.photoshop.Instructions", "text"),
    "usage_terms": (None, "Xmp.xmpRights.UsageTerms", "langalt"),
    "rights_expiry": (None, "Xmp.plus.LicenseEndDate", "text"),
    "event": (None, "Xmp.iptcExt.Event", "langalt"),
}
_IIM_LIMIT_NAMES = {"keywords": "keyword"}
RELEASE_DATE, RELEASE_TIME = "Iptc.Application2.ReleaseDate", "Iptc.Application2.ReleaseTime"
_EXIF_FALLBACK = {
    "caption": "Exif.Image.ImageDescription",
    "creator": "Exif.Image.Artist",
    "copyright": "Exif.Image.Copyright",
    "date_created": "Exif.Photo.DateTimeOriginal",
}


class MetadataError(Exception):
    """Metadata could not be read or written; the message names the file."""


def _langalt(value: Any) -> str:
    if isinstance(value, dict):
        if X_DEFAULT in value:
            return str(value[X_DEFAULT])
        return str(next(iter(value.values()), ""))
    return str(value)


def _as_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)] if str(value).strip() else []


def _normalise_date(value: str) -> str:
    """EXIF/IIM dates (2024:05:01 10:00:00, 20240501) as ISO 8601 (2024-05-01)."""
    value = value.strip()
    if len(value) >= 10 and value[4] == ":" and value[7] == ":":
        return value[:10].replace(":", "-")
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value[:10] if len(value) >= 10 and value[4] == "-" else value


def _decode_iim(raw: str, declared_utf8: bool, label: str, notes: list[str]) -> str:
    """IIM bytes arrive as Latin-1 text (one char per byte); decode them properly."""
    data = raw.encode("latin-1")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        why = "declares UTF-8 but is not valid UTF-8" if declared_utf8 else "is not UTF-8"
        notes.append(f"IPTC {label} {why}; read it as Windows-1252 — check accented letters.")
        return text


def read_metadata(path: Path, label: str = "") -> tuple[dict[str, Any], list[str]]:
    """The caption fields embedded in a file, and notes (naming `label`, else the file)."""
    label = label or path.name
    notes: list[str] = []
    fields: dict[str, Any] = {}
    try:
        image = pyexiv2.Image(str(path))
    except Exception as exc:  # Exiv2 raises RuntimeError for files it cannot parse
        return {}, [f"{label}: embedded metadata could not be read ({exc})."]
    try:
        xmp = _read(image.read_xmp, "XMP", notes)
        iptc = _read(lambda: image.read_iptc(encoding="latin-1"), "IPTC", notes)
        exif = _read(lambda: image.read_exif(encoding="latin-1"), "EXIF", notes)
    finally:
        image.close()
    declared_utf8 = iptc.get("Iptc.Envelope.CharacterSet") == UTF8_MARKER
    for name, (iim_key, xmp_key, kind) in FIELD_MAP.items():
        value: Any = None
        if xmp_key and xmp.get(xmp_key) not in (None, "", [], {}):
            raw = xmp[xmp_key]
            value = _as_list(raw) if kind in ("bag", "seq") else _langalt(raw)
        elif iim_key and iptc.get(iim_key) not in (None, "", []):
            raw_values = _as_list(iptc[iim_key])
            decoded = [_decode_iim(v, declared_utf8, name, notes) for v in raw_values]
            value = decoded if kind == "bag" else "; ".join(decoded)
        elif name in _EXIF_FALLBACK and exif.get(_EXIF_FALLBACK[name]):
            value = _decode_iim(str(exif[_EXIF_FALLBACK[name]]), False, f"EXIF {name}", notes)
        if value is None:
            continue
        if name == "creator" and isinstance(value, list):
            value = "; ".join(value)
        if isinstance(value, str):
            value = value.strip()
            if name in ("date_created", "rights_expiry"):
                value = _normalise_date(value)
        fields[name] = value
    embargo = _release_time(iptc, label, notes)
    if embargo:
        fields["embargo_until"] = embargo
    notes = list(dict.fromkeys(f"{label}: {n}" for n in notes))
    return fields, notes


def _release_time(iptc: dict[str, Any], label: str, notes: list[str]) -> str:
    """An agency's embargo: IIM Release Date (2:30) and Release Time (2:35), as ISO UTC.

    IPTC Core and Extension define no XMP property for it, so IIM is where agencies put
    it. A date without a time is embargoed until its first second, UTC."""
    day = str(iptc.get(RELEASE_DATE) or "").strip()
    if not day:
        return ""
    clock = str(iptc.get(RELEASE_TIME) or "").strip() or "00:00:00+00:00"
    try:
        return normalise_embargo(f"{_normalise_date(day)}T{clock}")
    except ValueError:
        notes.append(f"IPTC release date {day} {clock} could not be read; no embargo was set.")
        return ""


def _read(reader: Any, label: str, notes: list[str]) -> dict[str, Any]:
    try:
        return dict(reader())
    except Exception as exc:  # broken blocks must not stop the import
        notes.append(f"{label} block could not be read ({exc}).")
        return {}


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def iim_values(fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """IIM datasets for the fields, cut to IIM's byte limits; notes say what was cut."""
    out: dict[str, Any] = {"Iptc.Envelope.CharacterSet": UTF8_MARKER}
    notes: list[str] = []
    for name, (iim_key, _, kind) in FIELD_MAP.items():
        value = fields.get(name)
        if not iim_key or not value:
            continue
        if name == "date_created" and not _is_iso_date(str(value)):
            notes.append(f'IPTC IIM wants a date as YYYY-MM-DD; "{value}" went to XMP only.')
            continue
        limit = IIM_LIMITS.get(_IIM_LIMIT_NAMES.get(name, name))
        values = list(value) if kind == "bag" else [str(value)]
        if limit:
            cut = [truncate_utf8(v, limit) for v in values]
            if cut != values:
                notes.append(
                    f"IPTC IIM allows {limit} bytes for {name}: cut there (XMP has it whole)."
                )
            values = cut
        out[iim_key] = values if kind in ("bag", "seq") else values[0]
    return out, notes


def xmp_values(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, (_, xmp_key, kind) in FIELD_MAP.items():
        value = fields.get(name)
        if not xmp_key or not value:
            continue
        if kind == "langalt":
            out[xmp_key] = {X_DEFAULT: str(value)}
        elif kind == "bag":
            out[xmp_key] = [str(v) for v in value]
        elif kind == "seq":
            out[xmp_key] = [str(value)]
        else:
            out[xmp_key] = str(value)
    return out


def write_metadata(
    image_bytes: bytes, fields: dict[str, Any], label: str
) -> tuple[bytes, list[str]]:
    """The image with IPTC IIM (marked UTF-8), XMP and EXIF captions written in."""
    iim, notes = iim_values(fields)
    exif: dict[str, Any] = {}
    # EXIF ASCII fields are read as Latin-1 by many tools: write only what is plain ASCII.
    for name, key in (
        ("caption", "Exif.Image.ImageDescription"),
        ("creator", "Exif.Image.Artist"),
        ("copyright", "Exif.Image.Copyright"),
    ):
        value = str(fields.get(name) or "")
        if value and value.isascii():
            exif[key] = value
    try:
        image = pyexiv2.ImageData(image_bytes)
        try:
            image.modify_iptc(iim)
            image.modify_xmp(xmp_values(fields))
            if exif:
                image.modify_exif(exif)
            return image.get_bytes(), notes
        finally:
            image.close()
    except Exception as exc:
        raise MetadataError(f"{label}: the metadata could not be written ({exc}).") from exc
