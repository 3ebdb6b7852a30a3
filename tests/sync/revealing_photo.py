"""A camera file that gives its source away, and exiftool to read public copies back.

Everything a newsroom must not publish by accident is in it: the GPS position,
the camera's and the lens's serial numbers, the owner's name, a maker note, an
EXIF thumbnail with its own EXIF (GPS again), a JPEG comment and a revealing
file name; and the desk's fields that must survive: caption, credit, creator,
copyright (IPTC and XMP). It is rotated by its EXIF orientation and carries an
ICC profile, so a copy that turned the picture or lost its colour is caught.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

from PIL import Image, ImageCms

EXIFTOOL = shutil.which("exiftool") or "exiftool"
REVEALING_NAME = "informant-house-rue-9"
SERIAL = "CAM0042SERIAL"
LENS_SERIAL = "LENS0077SERIAL"
OWNER = "Samira Haddad"
MAKER_NOTE = b"SECRETMAKERNOTE firmware 1.2 owner id 77\x00"  # exiftool: MakerNoteUnknownText
# Latitude 33 deg 53' 24.5" N, longitude 35 deg 30' 7.2" E
GPS = {
    0: b"\x02\x03\x00\x00",
    1: "N",
    2: (Fraction(33), Fraction(53), Fraction(245, 10)),
    3: "E",
    4: (Fraction(35), Fraction(30), Fraction(72, 10)),
}


def _exif(thumbnail: bool = False) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Acme Optics"  # Make (a maker exiftool does not decode: the note stays visible)
    exif[0x0110] = "Field 6"  # Model
    exif[0x0112] = 6  # Orientation: turn 90° clockwise to show
    exif[0x013B] = OWNER  # Artist: cameras fill it from the owner setting
    exif.get_ifd(0x8825).update(GPS)
    sub = exif.get_ifd(0x8769)
    sub[0xA430] = OWNER  # CameraOwnerName
    sub[0xA431] = SERIAL  # BodySerialNumber
    sub[0xA435] = LENS_SERIAL  # LensSerialNumber
    if not thumbnail:
        sub[0x927C] = MAKER_NOTE
    return exif


def make_revealing_jpeg(folder: Path, name: str = REVEALING_NAME, shade: int = 0) -> Path:
    """The file as a camera (and a careless desk) would hand it over: 400 × 240 stored,
    shown 240 × 400 upright; left half red, right half blue as stored (upright: red on
    top). `shade` makes another picture (other bytes) of the same kind."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jpg"
    path.unlink(missing_ok=True)
    image = Image.new("RGB", (400, 240), (200, 30 + shade, 30))
    image.paste((30, 30, 200), (200, 0, 400, 240))
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=95, exif=_exif().tobytes(), icc_profile=icc,
               comment=f"Shot at {REVEALING_NAME} for {OWNER}".encode())  # fmt: skip
    # An EXIF thumbnail that is itself a JPEG with its own EXIF (and GPS)
    thumb = folder / f"{name}-thumb.jpg"
    buffer = io.BytesIO()
    image.resize((160, 96)).save(buffer, "JPEG", exif=_exif(thumbnail=True).tobytes())
    thumb.write_bytes(buffer.getvalue())
    _run(["-overwrite_original", f"-ThumbnailImage<={thumb}", str(path)])
    thumb.unlink()
    _run(
        [
            "-overwrite_original",
            "-codedcharacterset=utf8",
            "-IPTC:Caption-Abstract=Smoke rises over the market",
            "-IPTC:Credit=Newsdesk",
            "-XMP-dc:Description=Smoke rises over the market",
            "-XMP-dc:Creator=Jane Photographer",
            "-XMP-dc:Rights=© 2026 Newsdesk",
            "-XMP-photoshop:Credit=Newsdesk",
            str(path),
        ]
    )
    return path


def _run(args: list[str]) -> None:
    subprocess.run([EXIFTOOL, *args], check=True, capture_output=True)


def exiftool_tags(data: bytes, folder: Path, name: str = "read-back.jpg") -> dict:
    """Every tag exiftool finds in `data`, by group (-j -a -G1), embedded thumbnails too."""
    path = folder / name
    path.write_bytes(data)
    out = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-G1", "-b", "-ee", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)[0]


def revealing_strings() -> list[str]:
    return [SERIAL, LENS_SERIAL, OWNER, "SECRETMAKERNOTE", REVEALING_NAME, "informant"]
