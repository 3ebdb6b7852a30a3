"""A published photo, as an anonymous reader gets it from the real WordPress, gives no
source away: no GPS (unless the desk kept it), no serial numbers, no owner, no maker
note, no embedded thumbnail, no original file name; the desk's caption fields stay."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from PIL import Image

from newsdesk.photos.importer import import_files

from .helpers import connect, sync, write
from .revealing_photo import (
    LENS_SERIAL,
    OWNER,
    REVEALING_NAME,
    SERIAL,
    exiftool_tags,
    make_revealing_jpeg,
    revealing_strings,
)

pytestmark = pytest.mark.wordpress

CAPTION = "Smoke rises over the central market on Friday"
DESK_FIELDS = {
    "caption": CAPTION,
    "credit": "Newsdesk",
    "creator": "Jane Photographer",
    "copyright": "© 2026 Newsdesk",
    "alt_text": "Grey smoke above the market stalls",
    "extended_description": "A column of smoke seen from the north gate",
}


def _import(store, tmp_path, shade: int = 0, **changes):
    source = make_revealing_jpeg(tmp_path / f"camera-{shade}", shade=shade)
    report = import_files(store, [source], workers=1)
    assert report.added, report.problems
    photo = store.photos.update(report.added[0].id, **DESK_FIELDS, **changes)
    assert photo.original_name == f"{REVEALING_NAME}.jpg"
    return photo, source.read_bytes()


def _anonymous(wp) -> httpx.Client:
    return httpx.Client(base_url=wp.api, timeout=30)  # no auth: any reader on the internet


def _public_files(wp, media_id: int) -> tuple[dict, dict[str, bytes]]:
    """The media item as an anonymous reader gets it, and every file it points to."""
    with _anonymous(wp) as reader:
        answer = reader.get(f"/wp/v2/media/{media_id}")
        assert answer.status_code == 200, answer.text
        item = answer.json()
        urls = {"full": item["source_url"]}
        for size, info in item["media_details"].get("sizes", {}).items():
            urls[size] = info["source_url"]
        if item["media_details"].get("original_image"):
            urls["original_image"] = (
                item["source_url"].rsplit("/", 1)[0] + "/" + item["media_details"]["original_image"]
            )
        files = {}
        for size, url in urls.items():
            got = reader.get(url)
            assert got.status_code == 200, (size, url)
            files[size] = got.content
    assert len(files) >= 3  # the upload and the sizes WordPress made (thumbnail, medium)
    return item, files


def _assert_nothing_private(tags: dict, *, gps: bool | None, where: str) -> None:
    """gps: True the position must be there, False it must not, None it may (and then
    nothing more than the position)."""
    text = json.dumps(tags, ensure_ascii=False)
    for secret in revealing_strings():
        assert secret not in text, (where, secret)
    groups = {key.split(":", 1)[0] for key in tags}
    names = {key.split(":", 1)[-1] for key in tags}
    assert not {"IFD1", "MakerNotes"} & groups, (where, groups)  # no EXIF thumbnail
    assert not {n for n in names if n.startswith(("MakerNote", "Thumbnail", "Preview"))}, where
    assert not {"SerialNumber", "LensSerialNumber", "OwnerName", "Make", "Model"} & names, where
    assert "Comment" not in names, where
    gps_tags = {k for k in tags if k.startswith("GPS:")}
    if gps is not False:
        if gps:
            assert {"GPS:GPSLatitude", "GPS:GPSLongitude"} <= gps_tags, where
        assert gps_tags <= {
            "GPS:GPSVersionID",
            "GPS:GPSLatitudeRef",
            "GPS:GPSLatitude",
            "GPS:GPSLongitudeRef",
            "GPS:GPSLongitude",
        }, gps_tags
    else:
        assert not gps_tags and "Composite:GPSPosition" not in tags, (where, gps_tags)


def _assert_published_safely(wp, media_id, photo, tmp_path, *, gps: bool) -> dict:
    item, files = _public_files(wp, media_id)
    item_text = json.dumps(item, ensure_ascii=False)
    for secret in (REVEALING_NAME, "informant", SERIAL, LENS_SERIAL, OWNER):
        assert secret not in item_text  # URL, title, slug, guid, media_details...
    assert item["slug"].startswith("smoke-over-the-market-")
    assert item["source_url"].endswith(f"/{item['slug']}.jpg")
    assert item["title"]["rendered"] == "Smoke rises over the central market on Friday"
    assert CAPTION in item["caption"]["rendered"] and "(Newsdesk)" in item["caption"]["rendered"]
    assert item["alt_text"] == DESK_FIELDS["alt_text"]
    assert DESK_FIELDS["extended_description"] in item["description"]["rendered"]
    for size, data in files.items():
        tags = exiftool_tags(data, tmp_path, f"{size}.jpg")
        # WordPress's sizes keep the upload's EXIF: a kept position may be in them too.
        _assert_nothing_private(
            tags, gps=True if size == "full" and gps else gps and None, where=size
        )
    full = exiftool_tags(files["full"], tmp_path, "full.jpg")
    assert full["XMP-dc:Description"] == CAPTION
    assert full["IPTC:Caption-Abstract"] == CAPTION
    assert full["IPTC:Credit"] == full["XMP-photoshop:Credit"] == "Newsdesk"
    assert full["XMP-dc:Creator"] == "Jane Photographer"
    assert full["XMP-dc:Rights"] == "© 2026 Newsdesk"
    assert full["XMP-iptcCore:AltTextAccessibility"] == DESK_FIELDS["alt_text"]
    assert full["XMP-iptcCore:ExtDescrAccessibility"] == DESK_FIELDS["extended_description"]
    # Upright (the camera's orientation applied, no tag left to turn it again), same colours.
    assert "IFD0:Orientation" not in full
    assert full["ICC_Profile:ProfileDescription"] == "sRGB built-in"
    with Image.open(io.BytesIO(files["full"])) as picture:
        assert picture.size == (240, 400)
        top, bottom = picture.convert("RGB").getpixel((120, 60)), picture.getpixel((120, 340))
    assert top[0] > 150 and top[2] < 80, top  # red on top, as the photographer saw it
    assert bottom[2] > 150 and bottom[0] < 80, bottom
    return item


def test_a_published_photo_gives_no_source_away_without_the_plugin(store, wordpress, tmp_path):
    connect(store, wordpress, "author")
    photo, original = _import(store, tmp_path)
    placed, _ = _import(store, tmp_path, shade=40, keep_location=True)
    article = write(
        store,
        headline="Smoke over the market",
        slug="smoke-over-the-market",
        status="published",
        lead_photo_id=photo.id,
        body=f"Opening.\n\n![Smoke](photo:{placed.uuid})\n\nClosing.",
    )
    report = sync(store)
    assert report.ok, report
    site_id = store.sites.list()[0].id
    media_id = store.sync.media(site_id, photo.sha256)[0]
    _assert_published_safely(wordpress, media_id, photo, tmp_path, gps=False)
    # The photo whose place is the news keeps its position, and only that.
    placed_id = store.sync.media(site_id, placed.sha256)[0]
    _assert_published_safely(wordpress, placed_id, placed, tmp_path, gps=True)
    # The post names no original either, and the library's file is untouched.
    post_id = store.sync.remote_post(article.id, site_id).remote_id
    with _anonymous(wordpress) as reader:
        post = reader.get(f"/wp/v2/posts/{post_id}").json()
    assert post["status"] == "publish", post
    assert "informant" not in json.dumps(post)
    assert store.photos.original_path(photo).read_bytes() == original
    assert store.photos.original_path(placed).read_bytes() != original  # another picture
    assert article.id in {p["article_id"] for p in report.pushed}

    # The desk changes its mind: the position goes. A clean copy replaces the item, the
    # copy with the position is deleted from the site, and the post shows the new one.
    store.photos.update(placed.id, keep_location=False)
    again = sync(store)
    assert again.ok and [p["article_id"] for p in again.pushed] == [article.id], again
    new_id = store.sync.media(site_id, placed.sha256)[0]
    assert new_id != placed_id
    _assert_published_safely(wordpress, new_id, placed, tmp_path, gps=False)
    with _anonymous(wordpress) as reader:
        assert reader.get(f"/wp/v2/media/{placed_id}").status_code in (401, 404)
        post = reader.get(f"/wp/v2/posts/{post_id}").json()
    assert f"wp-image-{new_id}" in post["content"]["rendered"]
    assert f"wp-image-{placed_id}" not in post["content"]["rendered"]


def test_a_published_photo_gives_no_source_away_with_the_plugin(store, wordpress_plugin, tmp_path):
    connect(store, wordpress_plugin, "editor")
    photo, original = _import(store, tmp_path, shade=80)
    write(
        store,
        headline="Smoke over the market",
        slug="smoke-over-the-market",
        status="published",
        lead_photo_id=photo.id,
    )
    assert sync(store).ok
    site_id = store.sites.list()[0].id
    media_id, url, meta_hash = store.sync.media(site_id, photo.sha256)
    _assert_published_safely(wordpress_plugin, media_id, photo, tmp_path, gps=False)
    assert store.photos.original_path(photo).read_bytes() == original

    # A photo an earlier version uploaded as the original file (its row says nothing of a
    # public copy) is replaced on the story's next push, and the original deleted.
    with store.atomic():
        store.sync.save_media(site_id, photo.sha256, media_id, url, meta_hash.split("+")[0])
        store.photos.uses.queue_articles_using([photo.id])
    assert sync(store).ok
    new_id = store.sync.media(site_id, photo.sha256)[0]
    assert new_id != media_id
    _assert_published_safely(wordpress_plugin, new_id, photo, tmp_path, gps=False)
    with _anonymous(wordpress_plugin) as reader:
        assert reader.get(f"/wp/v2/media/{media_id}").status_code in (401, 404)
        gone = reader.get(url, follow_redirects=True)  # the file itself is gone too
        assert not gone.headers.get("content-type", "").startswith("image/"), gone


def test_a_damaged_photo_is_refused_by_name_and_nothing_is_lost(store, wordpress, tmp_path):
    connect(store, wordpress, "author")
    photo, _ = _import(store, tmp_path, shade=120)
    library_file = store.photos.original_path(photo)
    damaged = library_file.read_bytes()[:2000]  # a disk that lost the end of the file
    library_file.write_bytes(damaged)
    article = write(store, headline="Damaged photo story", lead_photo_id=photo.id)
    with wordpress.client("administrator") as admin:
        before = admin.get("/wp/v2/media", params={"per_page": 100}).headers["X-WP-Total"]
    report = sync(store)
    assert not report.ok
    [failure] = report.failed
    assert failure["article_id"] == article.id
    assert failure["error"].startswith(
        f"Photo {photo.id} ({REVEALING_NAME}.jpg): the image is damaged"
    )
    assert "\n" not in failure["error"]
    with wordpress.client("administrator") as admin:
        after = admin.get("/wp/v2/media", params={"per_page": 100}).headers["X-WP-Total"]
    assert after == before  # nothing half-sent
    assert library_file.read_bytes() == damaged  # kept as it is, for the desk to replace
    assert store.articles.get(article.id).headline == "Damaged photo story"
    assert store.sync.remote_post(article.id, store.sites.list()[0].id) is None
