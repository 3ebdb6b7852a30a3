"""Photos the tests make: real JPEG/PNG/WebP/TIFF files with IPTC, XMP and EXIF written in."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyexiv2
import pytest
from PIL import Image

ARABIC_CAPTION = "جنود من الجيش اللبناني يقومون بدورية قرب الحدود الجنوبية يوم الاثنين. (أ ف ب)"
ARABIC_CREDIT = "أ ف ب"

# An agency's folder, as a photo editor receives it: (name, format, fields)
AGENCY_PHOTOS: list[tuple[str, str, dict[str, Any]]] = [
    (
        "ap-border.jpg",
        "JPEG",
        {
            "caption": "Lebanese soldiers patrol the southern border on Monday. (AP)",
            "credit": "AP",
            "creator": "Hussein Malla",
            "alt_text": "Three soldiers walk past an armoured vehicle on a dirt road.",
            "city": "Marjayoun",
            "country": "Lebanon",
            "date_created": "2026-11-23",
            "keywords": ["Lebanon", "army", "border"],
            "copyright": "Copyright 2026 The Associated Press",
        },
    ),
    (
        "army-handout.jpg",
        "JPEG",
        {
            "caption": "Soldiers inspect the site of a strike in Khiam on Tuesday. (Lebanonese Army)",
            "credit": "Lebanonese Army",
            "city": "Khiam",
        },
    ),
    (
        "afp-arabic.jpg",
        "JPEG",
        {
            "caption": ARABIC_CAPTION,
            "credit": ARABIC_CREDIT,
            "creator": "محمد الحسيني",
            "alt_text": "جنود يسيرون على طريق ترابي",
            "city": "مرجعيون",
            "country": "لبنان",
            "keywords": ["لبنان", "الجيش"],
        },
    ),
    (
        "pool-washington.png",
        "PNG",
        {
            "caption": "The president speaks in the Rose Garden",
            "credit": "Kenny Holston/The New York Times via AP, Pool",
            "creator": "Kenny Holston",
        },
    ),
    ("social-media.webp", "WEBP", {"caption": "Smoke rises over the port. (Social media)"}),
    ("reuters-scan.tif", "TIFF", {}),
]

XMP_KEYS = {
    "caption": ("Xmp.dc.description", "langalt"),
    "credit": ("Xmp.photoshop.Credit", "text"),
    "creator": ("Xmp.dc.creator", "seq"),
    "alt_text": ("Xmp.iptc.AltTextAccessibility", "langalt"),
    "city": ("Xmp.photoshop.City", "text"),
    "country": ("Xmp.photoshop.Country", "text"),
    "date_created": ("Xmp.photoshop.DateCreated", "text"),
    "keywords": ("Xmp.dc.subject", "bag"),
    "copyright": ("Xmp.dc.rights", "langalt"),
}
IIM_KEYS = {
    "caption": "Iptc.Application2.Caption",
    "credit": "Iptc.Application2.Credit",
    "creator": "Iptc.Application2.Byline",
    "city": "Iptc.Application2.City",
    "country": "Iptc.Application2.CountryName",
    "date_created": "Iptc.Application2.DateCreated",
    "keywords": "Iptc.Application2.Keywords",
    "copyright": "Iptc.Application2.Copyright",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_image(
    path: Path,
    fmt: str = "JPEG",
    size: tuple[int, int] = (640, 427),
    color: tuple[int, int, int] = (40, 90, 160),
    *,
    orientation: int | None = None,
    marker: bool = False,
) -> Path:
    """A real picture; with marker=True its top-left quarter is red, to see rotations."""
    image = Image.new("RGB", size, color)
    if marker:
        image.paste((230, 20, 20), (0, 0, size[0] // 2, size[1] // 2))
    kwargs: dict[str, Any] = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif.tobytes()
    if fmt == "JPEG":
        kwargs["quality"] = 85
    image.save(path, fmt, **kwargs)
    return path


def write_fields(path: Path, fields: dict[str, Any], *, iim: bool = True, xmp: bool = True) -> None:
    """Embed caption fields the way agencies do: IIM (marked UTF-8) and XMP."""
    with pyexiv2.Image(str(path)) as image:
        if xmp:
            values: dict[str, Any] = {}
            for name, value in fields.items():
                key, kind = XMP_KEYS.get(name, (None, None))
                if key is None:
                    continue
                if kind == "langalt":
                    values[key] = {'lang="x-default"': value}
                elif kind == "seq":
                    values[key] = [value]
                else:
                    values[key] = value
            if values:
                image.modify_xmp(values)
        if iim and path.suffix.lower() in (".jpg", ".jpeg", ".tif", ".tiff"):
            datasets: dict[str, Any] = {"Iptc.Envelope.CharacterSet": "\x1b%G"}
            for name, value in fields.items():
                if name in IIM_KEYS:
                    datasets[IIM_KEYS[name]] = [value] if name == "creator" else value
            image.modify_iptc(datasets)


@pytest.fixture
def agency_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "agency"
    folder.mkdir()
    for index, (name, fmt, fields) in enumerate(AGENCY_PHOTOS):
        path = make_image(folder / name, fmt, color=(30 + 30 * index, 80, 200 - 25 * index))
        if fields:
            write_fields(path, fields)
    return folder


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    """One of each kind of bad input the import must survive."""
    folder = tmp_path / "bad"
    folder.mkdir()
    good = make_image(folder / "good.jpg")
    truncated = folder / "truncated.jpg"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = folder / "empty.jpg"
    empty.write_bytes(b"")
    not_image = folder / "notes.jpg"
    not_image.write_text("This is a text file with a .jpg name.", encoding="utf-8")
    huge = folder / "huge.png"
    # 100 megapixels: a 1-bit PNG keeps the test file small and quick to write
    Image.new("1", (10_000, 10_000), 1).save(huge, "PNG")
    latin1 = make_image(folder / "latin1-caption.jpg", color=(120, 120, 20))
    with pyexiv2.Image(str(latin1)) as image:
        # Legacy IIM: Windows-1252 bytes with no character-set marker
        image.modify_iptc(
            {"Iptc.Application2.Caption": "Caf\xe9 in Bogot\xe1. (EFE)"}, encoding="latin-1"
        )
    return {
        "good": good,
        "truncated": truncated,
        "empty": empty,
        "not_image": not_image,
        "huge": huge,
        "latin1": latin1,
    }


def run_photo_cli(data_dir, *args: str) -> subprocess.CompletedProcess:
    """`newsdesk photo …` as a user runs it, on the store in data_dir."""
    env = {**os.environ, "NEWSDESK_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "photo", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
