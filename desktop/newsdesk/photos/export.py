"""Exporting a photo: an upright JPEG at a chosen long edge with IPTC IIM, XMP and EXIF captions.

The original is only read. The output is written to a temporary file and moved
into place, so an interrupted export never leaves half a JPEG under the name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.photo import Photo
from .imaging import PhotoFileError, export_jpeg_bytes
from .metadata import write_metadata

EXPORT_SUFFIXES = {".jpg", ".jpeg"}


@dataclass
class ExportResult:
    path: Path
    width: int
    height: int
    notes: list[str] = field(default_factory=list)


def export_photo(
    photo: Photo, original: Path, destination: Path, *, long_edge: int | None = None
) -> ExportResult:
    """Write `destination` (a .jpg) from the original with the photo's captions embedded."""
    if destination.suffix.lower() not in EXPORT_SUFFIXES:
        raise PhotoFileError(
            f"{destination.name}: exports are JPEG files; name the output .jpg or .jpeg."
        )
    if long_edge is not None and long_edge < 16:
        raise PhotoFileError(f"--long-edge {long_edge}: give at least 16 pixels.")
    if destination.resolve() == original.resolve():
        raise PhotoFileError(f"{destination.name}: that is the original; choose another name.")
    jpeg = export_jpeg_bytes(original, long_edge)
    fields = photo.editable()
    data, notes = write_metadata(jpeg, fields, destination.name)
    destination.parent.mkdir(parents=True, exist_ok=True)
    temp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    temp.write_bytes(data)
    os.replace(temp, destination)
    from PIL import Image

    with Image.open(destination) as written:
        width, height = written.size
    return ExportResult(destination, width, height, notes)
