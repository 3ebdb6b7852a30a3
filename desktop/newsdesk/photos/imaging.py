"""Opening images safely, thumbnails with EXIF orientation, resizing for export (Pillow)."""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

try:  # HEIC/HEIF where the plugin is installed
    from pillow_heif import register_heif_opener

    register_heif_opener()
except ImportError:  # pragma: no cover - optional
    pass

THUMBNAIL_SIZE = 320  # long edge in pixels: sharp in a 160 px cell on a 2x screen
# Above this many pixels an image is refused before it is decoded: a 100 MP image
# takes 300 MB to decode and seconds of a core, and Pillow calls it a decompression bomb.
DEFAULT_MAX_PIXELS = 90_000_000
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "TIFF", "HEIF", "AVIF"}
EXTENSIONS = {
    "JPEG": ".jpg",
    "MPO": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "TIFF": ".tif",
    "HEIF": ".heic",
    "AVIF": ".avif",
}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
# EXIF orientations 5-8 turn the picture a quarter: width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}


class PhotoFileError(Exception):
    """A file that cannot become a library photo; the message names it and says why."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int  # as displayed, after EXIF orientation
    height: int
    orientation: int


def inspect_image(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Format and displayed size from the header alone; refuses what we cannot or should not decode."""
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PhotoFileError(f"{name}: cannot be read ({exc.strerror or exc}).") from exc
    if size == 0:
        raise PhotoFileError(f"{name}: the file is empty (0 bytes).")
    try:
        with warnings.catch_warnings():
            # our own limit below decides, with the real size in the message
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = image.format or ""
                width, height = image.size
                orientation = _orientation(image)
    except Image.DecompressionBombError as exc:
        raise PhotoFileError(f"{name}: {_too_large(None, None, max_pixels)} ({exc})") from exc
    except UnidentifiedImageError as exc:
        raise PhotoFileError(
            f"{name}: not an image Newsdesk can read (JPEG, PNG, WebP, TIFF or HEIC)."
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoFileError(f"{name}: the image is damaged ({exc}).") from exc
    if fmt not in ACCEPTED_FORMATS:
        raise PhotoFileError(
            f"{name}: {fmt or 'this'} images are not accepted; use JPEG, PNG, WebP, TIFF or HEIC."
        )
    if width * height > max_pixels:
        raise PhotoFileError(f"{name}: {_too_large(width, height, max_pixels)}")
    if orientation in _QUARTER_TURNS:
        width, height = height, width
    return ImageInfo(fmt, width, height, orientation)


def _too_large(width: int | None, height: int | None, max_pixels: int) -> str:
    limit = f"{max_pixels / 1_000_000:.0f} megapixels"
    if width is None or height is None:
        return f"the image is too large to open safely (the limit is {limit})."
    return (
        f"{width} × {height} pixels ({width * height / 1_000_000:.1f} megapixels) is more than "
        f"the {limit} Newsdesk accepts; make a smaller copy and import that."
    )


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
        return int(value) if int(value) in range(1, 9) else 1
    except Exception:  # a broken EXIF block is no reason to refuse the picture
        return 1


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode.startswith("I;16") or image.mode == "I":
        return image.point(lambda v: v / 256).convert("L").convert("RGB")
    return image.convert("RGB")


def load_oriented(path: Path, long_edge: int | None = None) -> Image.Image:
    """The decoded picture, upright, optionally reduced to a long edge (never enlarged)."""
    name = path.name
    try:
        with warnings.catch_warnings():
            # inspect_image applied our own pixel limit before anything gets here
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                if long_edge:
                    # thumbnail() lets JPEG decode at 1/2, 1/4, 1/8 scale: far less work
                    image.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
                else:
                    image.load()
                upright = ImageOps.exif_transpose(image)
                return upright if upright is not None else image.copy()
    except (OSError, SyntaxError, ValueError) as exc:
        raise PhotoFileError(f"{name}: the image is damaged or truncated ({exc}).") from exc


def write_thumbnail(source: Path, destination: Path, size: int = THUMBNAIL_SIZE) -> None:
    """A small upright JPEG of the picture, written atomically (a crash leaves no half file)."""
    picture = _to_rgb(load_oriented(source, size))
    destination.parent.mkdir(parents=True, exist_ok=True)
    temp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    picture.save(temp, "JPEG", quality=82, optimize=False)
    os.replace(temp, destination)


def export_jpeg_bytes(source: Path, long_edge: int | None, quality: int = 90) -> bytes:
    """The picture as an upright JPEG, reduced to a long edge; the source is only read."""
    with Image.open(source) as original:
        icc = original.info.get("icc_profile")
    picture = load_oriented(source, long_edge)
    exif = picture.getexif()
    exif.pop(0x0112, None)  # already turned upright
    out = io.BytesIO()
    kwargs: dict[str, object] = {"quality": quality, "exif": exif.tobytes()}
    if icc:
        kwargs["icc_profile"] = icc
    _to_rgb(picture).save(out, "JPEG", **kwargs)
    return out.getvalue()
