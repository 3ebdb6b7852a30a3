"""The public copy of a photo: what a site receives, carrying only what the desk publishes.

A camera file says more than its caption: the GPS position, the camera's and
lens's serial numbers, the owner's name, maker notes, an embedded thumbnail
with its own EXIF, the original file name. A source's house or a reporter's
camera can be found from them. The public copy is re-encoded from the
decoded pixels (so nothing hidden in the file — trailing data, extra MPO
frames, unknown segments — can come along) and gets back only an allow-list:
the desk's caption fields and the colour profile. The picture is turned
upright (the orientation applied, not kept as a tag), so it neither turns nor
changes colour. The GPS position stays only when the desk chose "keep
location" for a photo whose place is the news. The original is only read.
"""

from __future__ import annotations

import io
import re
import secrets
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from ..domain.photo import Photo
from .imaging import PhotoFileError, _to_rgb, load_oriented
from .metadata import write_metadata

# The caption fields a public copy carries (IPTC IIM, XMP and the ASCII EXIF ones).
PUBLIC_FIELDS = (
    "caption",
    "headline",
    "creator",
    "credit",
    "source",
    "copyright",
    "usage_terms",
    "alt_text",
    "extended_description",
)
# With "keep location": the place fields the desk typed, besides the GPS position.
LOCATION_FIELDS = ("city", "country")
GPS_IFD = 0x8825
# GPSVersionID, latitude, longitude, altitude (with their refs): the position, no more —
# not the time, the direction, the speed or the device's processing notes.
GPS_POSITION_TAGS = (0, 1, 2, 3, 4, 5, 6)
JPEG_QUALITY = 92
NAME_WORDS = 6  # words of the story's slug or caption in a public file name


@dataclass
class PublicCopy:
    data: bytes
    mime: str
    extension: str
    width: int
    height: int
    notes: list[str] = field(default_factory=list)


def public_fields(photo: Photo) -> dict[str, Any]:
    """The photo's fields a site may receive (location ones only with keep location)."""
    names = PUBLIC_FIELDS + (LOCATION_FIELDS if photo.keep_location else ())
    return {name: getattr(photo, name) for name in names}


def public_copy(photo: Photo, original: Path, *, label: str = "") -> PublicCopy:
    """The bytes a site receives for `photo`; PhotoFileError names `label` when it cannot be made.

    PNG stays PNG (transparency kept); everything else becomes a JPEG.
    """
    label = label or "the photo"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(original) as image:
                fmt = image.format or ""
                icc = image.info.get("icc_profile") or None
                gps = _gps_position(image) if photo.keep_location else {}
    except FileNotFoundError as exc:
        raise PhotoFileError(
            f"{label}: the file is missing from the library ({original})."
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoFileError(f"{label}: the image is damaged or truncated ({exc}).") from exc
    try:
        picture = load_oriented(original)
    except PhotoFileError as exc:
        raise PhotoFileError(f"{label}: {str(exc).split(': ', 1)[-1]}") from exc
    picture, icc = _colour(picture, icc, keep_alpha=fmt == "PNG")
    # Pillow falls back on what it read (a JPEG comment, a PNG's profile): only ours goes out.
    picture.info = {}
    exif = Image.Exif()
    if gps:
        exif.get_ifd(GPS_IFD).update(gps)
    out = io.BytesIO()
    kwargs: dict[str, Any] = {"exif": exif.tobytes()} if gps else {}
    if icc:
        kwargs["icc_profile"] = icc
    if fmt == "PNG":
        picture.save(out, "PNG", **kwargs)
        mime, extension = "image/png", ".png"
    else:
        picture.save(out, "JPEG", quality=JPEG_QUALITY, **kwargs)
        mime, extension = "image/jpeg", ".jpg"
    data, notes = write_metadata(out.getvalue(), public_fields(photo), label)
    return PublicCopy(data, mime, extension, picture.width, picture.height, notes)


def _gps_position(image: Image.Image) -> dict[int, Any]:
    try:
        tags = image.getexif().get_ifd(GPS_IFD)
    except Exception:  # a broken EXIF block: no position to keep
        return {}
    return {tag: tags[tag] for tag in GPS_POSITION_TAGS if tag in tags}


def _colour(
    picture: Image.Image, icc: bytes | None, *, keep_alpha: bool
) -> tuple[Image.Image, bytes | None]:
    """Pixels a JPEG (or PNG) can hold, with a profile that matches them.

    A profile describes one colour space: grey stays grey with its profile, RGB
    keeps its own; CMYK is converted through its profile to sRGB (which then needs
    none). A profile that does not match the pixels is dropped rather than lying.
    """
    space = _profile_space(icc)
    if picture.mode == "CMYK":
        if space == "CMYK" and icc is not None:
            srgb = ImageCms.createProfile("sRGB")
            try:
                converted = ImageCms.profileToProfile(
                    picture, ImageCms.ImageCmsProfile(io.BytesIO(icc)), srgb, outputMode="RGB"
                )
                if converted is not None:
                    return converted, None
            except ImageCms.PyCMSError:
                pass
        return picture.convert("RGB"), None
    if picture.mode in ("L", "1") and not keep_alpha:
        return picture.convert("L"), icc if space == "GRAY" else None
    if keep_alpha and picture.mode in ("RGBA", "LA", "P", "PA"):
        rgba = picture.convert("RGBA")
        return rgba, icc if space == "RGB" else None
    return _to_rgb(picture), icc if space == "RGB" else None


def _profile_space(icc: bytes | None) -> str:
    if not icc:
        return ""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return str(profile.profile.xcolor_space).strip()
    except (ImageCms.PyCMSError, OSError, ValueError):
        return ""


def ascii_slug(text: str, words: int = NAME_WORDS) -> str:
    """Lower-case ASCII words joined by hyphens ('' when none): safe in any URL or file name."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", plain.lower())[:words])


def public_name(*hints: str) -> str:
    """A public file stem from the first hint that gives one (story slug, headline,
    caption), then a short random tail so two stories' "market-fire" never meet.
    Never the original file name: that can name a place or a person."""
    base = next((slug for slug in (ascii_slug(h) for h in hints) if slug), "photo")
    return f"{base[:48].strip('-')}-{secrets.token_hex(3)}"
