"""Export: a resized upright JPEG whose IPTC (marked UTF-8) and XMP another tool reads back exactly."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from PIL import Image

from conftest import ARABIC_CAPTION, make_image, sha256
from newsdesk.photos.export import export_photo
from newsdesk.photos.imaging import PhotoFileError
from newsdesk.photos.importer import import_files

# Another program than ours reads the exports back: Debian's libimage-exiftool-perl
# (tests/system-packages.txt). Without it these tests fail; they never skip silently.
EXIFTOOL = shutil.which("exiftool") or "exiftool"


def exiftool(path) -> dict:
    done = subprocess.run(
        [
            EXIFTOOL,
            "-j",
            "-a",
            "-G1",
            "-charset",
            "iptc=utf8",
            "-IPTC:all",
            "-XMP:all",
            "-b",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)[0]


FIELDS = {
    "caption": ARABIC_CAPTION,
    "headline": "Patrol on the border",
    "credit": "أ ف ب",
    "creator": "Hussein Malla",
    "source": "AFP",
    "copyright": "© 2026 AFP",
    "alt_text": "Soldiers walk past an armoured vehicle; جنود",
    "extended_description": "A longer description for screen readers.",
    "date_created": "2026-11-23",
    "city": "Marjayoun",
    "country": "لبنان",
    "keywords": ["Lebanon", "الجيش", "border"],
    "instructions": "Editorial use only",
    "usage_terms": "No sales",
    "rights_expiry": "2027-06-30",
    "event": "Border clashes",
}


def test_export_writes_iptc_and_xmp_that_exiftool_reads_back_exactly(
    store, tmp_path, artifacts_dir
):
    source = make_image(tmp_path / "wide.jpg", size=(3000, 2000), orientation=6)
    [photo] = import_files(store, [source], workers=1).added
    photo = store.photos.update(photo.id, **FIELDS)
    original = store.photos.original_path(photo)
    before = sha256(original)

    out = tmp_path / "export" / "captioned.jpg"
    result = export_photo(photo, original, out, long_edge=1200)
    shutil.copy(out, artifacts_dir / "photo-export-captioned.jpg")

    assert sha256(original) == before  # the original is only read
    assert (result.width, result.height) == (800, 1200)  # upright, long edge 1200
    with Image.open(out) as written:
        assert written.format == "JPEG" and written.size == (800, 1200)
        assert written.getexif().get(0x0112) in (None, 1)

    tags = exiftool(out)
    assert tags["IPTC:CodedCharacterSet"] == "UTF8"  # dataset 1:90 = ESC % G
    assert tags["IPTC:Caption-Abstract"] == ARABIC_CAPTION
    assert tags["IPTC:Credit"] == "أ ف ب"
    assert tags["IPTC:By-line"] == "Hussein Malla"
    assert tags["IPTC:Headline"] == "Patrol on the border"
    assert tags["IPTC:Source"] == "AFP"
    assert tags["IPTC:CopyrightNotice"] == "© 2026 AFP"
    assert tags["IPTC:City"] == "Marjayoun"
    assert tags["IPTC:Country-PrimaryLocationName"] == "لبنان"
    assert tags["IPTC:Keywords"] == ["Lebanon", "الجيش", "border"]
    assert tags["IPTC:SpecialInstructions"] == "Editorial use only"
    assert tags["XMP-dc:Description"] == ARABIC_CAPTION
    assert tags["XMP-photoshop:Credit"] == "أ ف ب"
    assert tags["XMP-dc:Creator"] == "Hussein Malla"
    assert tags["XMP-dc:Rights"] == "© 2026 AFP"
    assert tags["XMP-iptcCore:AltTextAccessibility"] == FIELDS["alt_text"]
    assert tags["XMP-iptcCore:ExtDescrAccessibility"] == FIELDS["extended_description"]
    assert tags["XMP-dc:Subject"] == ["Lebanon", "الجيش", "border"]
    assert tags["XMP-xmpRights:UsageTerms"] == "No sales"
    assert tags["XMP-iptcExt:Event"] == "Border clashes"
    assert tags["XMP-plus:LicenseEndDate"].startswith("2027:06:30")

    # and our own reader, used on import, gets every field back
    [again] = import_files(store, [out], workers=1).added
    for name, value in FIELDS.items():
        assert getattr(again, name) == value, name


def test_iim_is_cut_at_its_byte_limit_on_a_character_boundary_xmp_keeps_all(store, tmp_path):
    [photo] = import_files(store, [make_image(tmp_path / "a.jpg")], workers=1).added
    long_caption = ("جنود " * 500).strip() + ". (أ ف ب)"  # about 4,500 bytes of Arabic
    photo = store.photos.update(photo.id, caption=long_caption, credit="أ ف ب")
    assert "caption_too_long" in photo.check_codes
    result = export_photo(photo, store.photos.original_path(photo), tmp_path / "long.jpg")
    assert any("2000 bytes" in note for note in result.notes)
    tags = exiftool(tmp_path / "long.jpg")
    iim = tags["IPTC:Caption-Abstract"]
    assert len(iim.encode("utf-8")) <= 2000 and long_caption.startswith(iim)
    assert "\ufffd" not in iim
    assert tags["XMP-dc:Description"] == long_caption


def test_export_refuses_other_formats_and_overwriting_the_original(store, tmp_path):
    [photo] = import_files(store, [make_image(tmp_path / "a.jpg")], workers=1).added
    original = store.photos.original_path(photo)
    with pytest.raises(PhotoFileError, match=r"out\.png: exports are JPEG"):
        export_photo(photo, original, tmp_path / "out.png")
    with pytest.raises(PhotoFileError, match="that is the original"):
        export_photo(photo, original, original)
    assert sha256(original) == photo.sha256


def test_a_free_text_date_goes_to_xmp_only_with_a_note(store, tmp_path):
    [photo] = import_files(store, [make_image(tmp_path / "a.jpg")], workers=1).added
    photo = store.photos.update(photo.id, date_created="late November 2026", caption="Text. (AP)")
    result = export_photo(photo, store.photos.original_path(photo), tmp_path / "d.jpg")
    assert any("YYYY-MM-DD" in note for note in result.notes)
    tags = exiftool(tmp_path / "d.jpg")
    assert "IPTC:DateCreated" not in tags
    assert tags["XMP-photoshop:DateCreated"] == "late November 2026"
