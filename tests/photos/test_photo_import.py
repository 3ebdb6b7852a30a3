"""Importing: originals copied untouched, duplicates once, metadata pre-filled, bad files reported."""

from __future__ import annotations

import os
import stat

import pytest
from PIL import Image

from conftest import AGENCY_PHOTOS, ARABIC_CAPTION, ARABIC_CREDIT, make_image, sha256
from newsdesk.photos.importer import import_files


def test_folder_import_prefills_embedded_captions_in_any_script(store, agency_folder):
    before = {p.name: sha256(p) for p in agency_folder.iterdir()}
    report = import_files(store, [agency_folder], workers=1)

    assert report.problems == []
    assert len(report.added) == len(AGENCY_PHOTOS)
    by_name = {p.original_name: p for p in report.added}
    ap = by_name["ap-border.jpg"]
    assert ap.caption == "Lebanese soldiers patrol the southern border on Monday. (AP)"
    assert (ap.credit, ap.creator, ap.city, ap.country) == (
        "AP",
        "Hussein Malla",
        "Marjayoun",
        "Lebanon",
    )
    assert ap.alt_text == "Three soldiers walk past an armoured vehicle on a dirt road."
    assert ap.date_created == "2026-11-23"
    assert ap.keywords == ["Lebanon", "army", "border"]
    assert ap.caption_state == "captioned"
    arabic = store.photos.get(by_name["afp-arabic.jpg"].id)  # read back from the database
    assert arabic.caption == ARABIC_CAPTION
    assert arabic.credit == ARABIC_CREDIT
    assert arabic.keywords == ["لبنان", "الجيش"]
    assert by_name["pool-washington.png"].credit == "Kenny Holston/The New York Times via AP, Pool"
    assert by_name["social-media.webp"].caption == "Smoke rises over the port. (Social media)"
    assert by_name["reuters-scan.tif"].format == "TIFF"
    assert by_name["reuters-scan.tif"].caption_state == "uncaptioned"

    # the sources are untouched; the copies are byte-identical and read-only
    assert {p.name: sha256(p) for p in agency_folder.iterdir()} == before
    for photo in report.added:
        original = store.photos.original_path(photo)
        assert sha256(original) == photo.sha256 == before[photo.original_name]
        assert not os.stat(original).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        assert store.photos.thumbnail_path(photo).exists()


def test_duplicates_by_content_are_stored_once(store, tmp_path):
    first = make_image(tmp_path / "one.jpg")
    copy = tmp_path / "renamed-copy.jpg"
    copy.write_bytes(first.read_bytes())
    report = import_files(store, [first, copy, first], workers=1)
    assert len(report.added) == 1
    assert [p.id for p in report.duplicates] == [report.added[0].id] * 2
    assert store.photos.count() == 1
    originals = list((store.media_dir / "originals").rglob("*.jpg"))
    assert len(originals) == 1
    # a later import of the same bytes still finds the first photo
    again = import_files(store, [copy], workers=1)
    assert again.added == [] and again.duplicates[0].id == report.added[0].id


@pytest.mark.parametrize(
    "orientation, expect_size", [(1, (320, 160)), (6, (160, 320)), (8, (160, 320))]
)
def test_thumbnails_respect_exif_orientation(store, tmp_path, orientation, expect_size):
    path = make_image(
        tmp_path / f"o{orientation}.jpg", size=(1200, 600), orientation=orientation, marker=True
    )
    [photo] = import_files(store, [path], workers=1).added
    with Image.open(store.photos.thumbnail_path(photo)) as thumb:
        assert thumb.size == expect_size
        # the red quarter (top-left of the stored pixels) lands where the viewer sees it
        red_corner = {1: (0, 0), 6: (thumb.width - 1, 0), 8: (0, thumb.height - 1)}[orientation]
        r, g, b = thumb.convert("RGB").getpixel(
            (
                min(max(red_corner[0], 10), thumb.width - 10),
                min(max(red_corner[1], 10), thumb.height - 10),
            )
        )
        assert r > 180 and g < 80, (orientation, (r, g, b))
    # the library records the size the reader sees
    assert (photo.width, photo.height) == ((1200, 600) if orientation == 1 else (600, 1200))


def test_bad_files_are_reported_by_name_and_the_rest_imported(store, bad_files):
    report = import_files(store, list(bad_files.values()), workers=1)
    messages = {p.source.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert set(messages) == {"truncated.jpg", "empty.jpg", "notes.jpg", "huge.png"}
    assert messages["empty.jpg"].startswith("empty.jpg:") and "empty" in messages["empty.jpg"]
    assert "damaged" in messages["truncated.jpg"]
    assert "not an image" in messages["notes.jpg"]
    assert "10000 × 10000" in messages["huge.png"] and "100.0 megapixels" in messages["huge.png"]
    names = sorted(p.original_name for p in report.added)
    assert names == ["good.jpg", "latin1-caption.jpg"]
    # nothing of the refused files landed in the media folder
    assert len(list((store.media_dir / "originals").rglob("*.*"))) == 2
    # legacy Windows-1252 IPTC is read, with a note that names the file
    latin = next(p for p in report.added if p.original_name == "latin1-caption.jpg")
    assert latin.caption == "Café in Bogotá. (EFE)"
    assert "latin1-caption.jpg" in latin.import_notes and "Windows-1252" in latin.import_notes


def test_huge_image_is_refused_quickly(store, bad_files):
    import time

    start = time.perf_counter()
    report = import_files(store, [bad_files["huge"]], workers=1)
    assert time.perf_counter() - start < 2.0
    assert report.problems and report.added == []
    # a higher limit, chosen on purpose, lets it in
    allowed = import_files(store, [bad_files["huge"]], workers=1, max_pixels=120_000_000)
    assert allowed.problems == [] and allowed.added[0].width == 10_000


def test_import_in_worker_processes_gives_the_same_library(store, agency_folder, bad_files):
    report = import_files(store, [agency_folder, *bad_files.values()], workers=2)
    assert len(report.added) == len(AGENCY_PHOTOS) + 2
    assert len(report.problems) == 4
    arabic = next(p for p in report.added if p.original_name == "afp-arabic.jpg")
    assert arabic.caption == ARABIC_CAPTION


def test_heic_imports_where_pillow_can_read_it(store, tmp_path):
    path = tmp_path / "phone.heic"
    Image.new("RGB", (640, 480), (200, 100, 50)).save(path, quality=80)
    [photo] = import_files(store, [path], workers=1).added
    assert (photo.format, photo.width, photo.height) == ("HEIF", 640, 480)
    assert store.photos.original_path(photo).suffix == ".heic"
    with Image.open(store.photos.thumbnail_path(photo)) as thumb:
        assert thumb.size == (320, 240)
