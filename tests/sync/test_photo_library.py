"""The shared photo library through the site (real WordPress with the companion plugin).

The photo desk (an editor's store) imports, captions and publishes photos without a
story; a reporter's store (a WordPress author) syncs and sees thumbnails and captions,
picks one as a story's lead without a second upload; the photo desk fixes the caption
and the reporter sees it at the next sync. Two desks editing the same photo merge field
by field or come back as a conflict; a caption edited in wp-admin comes back; offline,
the reporter still has the thumbnails and captions. Readers never see the library meta.
"""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

from newsdesk.cli import main as cli_main
from newsdesk.domain.checklist import blocking_failures
from newsdesk.ops.photos import publish_to_library, set_lead, update_photo
from newsdesk.services.editorial import check_article
from newsdesk.services.preview import PreviewSource, render_preview

from .helpers import add_photo, connect, ensure_category, new_store, sync, write
from .proxy import FaultProxy

CAPTION = "Boys play football on the beach in Deir al-Balah on Friday. (AFP)"
CREDIT = "AFP"
ALT = "Four boys chasing a ball at the water's edge"


def _media_total(wp) -> int:
    with wp.client("administrator") as admin:
        answer = admin.get("/wp/v2/media", params={"per_page": 1})
        answer.raise_for_status()
        return int(answer.headers["X-WP-Total"])


def _desks(tmp_path, wp, reporter_url=""):
    desk = new_store(tmp_path / "photodesk")
    reporter = new_store(tmp_path / "reporter")
    connect(desk, wp, "editor")
    connect(reporter, wp, "author", url_override=reporter_url)
    return desk, reporter


def _mark_library_read(store) -> None:
    """Photos other tests left in the site's library are not this test's: start from now."""
    from newsdesk.domain.article import now_utc

    with store.atomic():
        store.photos.library.set_pulled_until(1, now_utc().rstrip("Z")[:19])


def test_published_photos_reach_the_reporter_and_caption_fixes_follow(
    tmp_path, wordpress_plugin, capsys
):
    ensure_category(wordpress_plugin, "News")  # the reporter's story goes out in its section
    desk, reporter = _desks(tmp_path, wordpress_plugin)
    _mark_library_read(reporter)
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=71)
    other = add_photo(
        desk, tmp_path, caption="A second photo. (AFP)", credit=CREDIT, alt="x", seed=72
    )
    before = _media_total(wordpress_plugin)

    # Publish by the command line, as the photo desk would from its menu.
    code = cli_main(
        ["--data-dir", str(desk.folder), "photo", "publish", str(photo.id), str(other.id), "--json"]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0, out
    assert sorted(out[0]["sent"]) == sorted([photo.id, other.id])
    assert _media_total(wordpress_plugin) == before + 2
    # Once per site: a second publish sends nothing.
    _, reports = publish_to_library(desk, [photo.id])
    assert reports[0][1].sent == [] and _media_total(wordpress_plugin) == before + 2

    # The reporter syncs: thumbnails and captions at once, no full file.
    report = sync(reporter)
    assert not report.failed and not report.offline, report
    assert report.photos["arrived"] == 2, report.photos
    mine = reporter.photos.get_by_uuid(photo.uuid)
    assert (mine.caption, mine.credit, mine.alt_text) == (CAPTION, CREDIT, ALT)
    assert reporter.photos.thumbnail_path(mine).is_file()
    assert not mine.file_here
    assert mine.origin.startswith(wordpress_plugin.users["editor"].login + " on ")
    assert mine.captioned_by == wordpress_plugin.users["editor"].login
    code = cli_main(["--data-dir", str(reporter.folder), "photo", "list", "--json"])
    listed = {p["uuid"]: p for p in json.loads(capsys.readouterr().out)}
    assert listed[photo.uuid]["file_here"] is False
    assert listed[photo.uuid]["alt"] == ALT and listed[photo.uuid]["origin"] == mine.origin

    # The reporter picks it as the lead of a story: no second upload; the full file comes.
    story = write(
        reporter, headline="Football at the beach", body="They played till dark.", section="News"
    )
    set_lead(reporter, story.id, mine.id)
    report = sync(reporter)
    assert not report.failed, report
    assert _media_total(wordpress_plugin) == before + 2
    assert reporter.photos.get(mine.id).file_here
    remote_id = reporter.sync.remote_post(story.id, 1).remote_id
    media_id = desk.sync.media(1, photo.sha256)[0]
    with wordpress_plugin.client("editor") as editor:
        post = editor.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
    assert post["featured_media"] == media_id

    # The photo desk fixes the caption; the item carries it; the reporter gets it.
    fixed = "Boys play football on the beach in Deir al-Balah on Saturday. (AFP)"
    update_photo(desk, photo.id, caption=fixed)
    report = sync(desk)
    assert report.photos["pushed"] == 1, report.photos
    with wordpress_plugin.client("editor") as editor:
        item = editor.get(f"/wp/v2/media/{media_id}", params={"context": "edit"}).json()
    assert "Saturday" in item["caption"]["raw"]
    report = sync(reporter)
    assert report.photos["updated"] == 1 and not report.conflicts, report
    assert reporter.photos.get(mine.id).caption == fixed
    # Nothing changed since: an idle sync is the site's change counter alone.
    time.sleep(1.1)  # past the one-second overlap
    sync(reporter)  # (reads the library once more if the fix landed in its last read's second)
    idle = sync(reporter)
    assert idle.ok and idle.requests == 1 and not idle.photos.get("updated"), idle

    # The licence ends: the flag reaches the reporter, whose checklist now blocks.
    update_photo(desk, photo.id, rights_expiry="2020-01-31")
    assert sync(desk).photos["pushed"] == 1
    assert sync(reporter).photos["updated"] == 1
    story = reporter.articles.get(story.id)
    lead = next(r for r in check_article(reporter, story) if r.rule == "lead_photo")
    assert not lead.ok and "expired" in lead.message.lower(), lead
    assert lead in blocking_failures(check_article(reporter, story))
    for store in (desk, reporter):
        store.close()


def test_two_desks_merge_field_by_field_or_conflict(tmp_path, wordpress_plugin, capsys):
    desk, other_desk = new_store(tmp_path / "a"), new_store(tmp_path / "b")
    connect(desk, wordpress_plugin, "editor")
    connect(other_desk, wordpress_plugin, "administrator")
    _mark_library_read(other_desk)
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=73)
    publish_to_library(desk, [photo.id])
    assert not sync(other_desk).failed
    theirs = other_desk.photos.get_by_uuid(photo.uuid)

    # Different fields: both changes survive on both desks.
    update_photo(desk, photo.id, alt_text="Four boys and a ball by the sea")
    update_photo(other_desk, theirs.id, credit="AFP/Getty")
    assert not sync(desk).conflicts
    report = sync(other_desk)
    assert not report.conflicts, report
    assert not sync(desk).conflicts
    for store, pid in ((desk, photo.id), (other_desk, theirs.id)):
        got = store.photos.get(pid)
        assert (got.alt_text, got.credit) == ("Four boys and a ball by the sea", "AFP/Getty")

    # The same field, differently: a conflict, nothing overwritten, reported every sync.
    update_photo(desk, photo.id, caption="Version of the photo desk.")
    update_photo(other_desk, theirs.id, caption="Version of the night editor.")
    assert not sync(desk).conflicts
    report = sync(other_desk)
    assert report.conflicts == [
        {
            "photo_id": theirs.id,
            "headline": f"photo {theirs.id} (newsdesk photo resolve)",
            "site": "english-site",
            "fields": ["caption"],
        }
    ], report.conflicts
    assert other_desk.photos.get(theirs.id).caption == "Version of the night editor."
    # Still open at the next sync, named by the command line (exit 1).
    code = cli_main(["--data-dir", str(other_desk.folder), "sync"])
    out = capsys.readouterr().out
    assert code == 1 and f"photo {theirs.id} (newsdesk photo resolve) — ['caption']" in out, out
    with wordpress_plugin.client("editor") as editor:
        media_id = desk.sync.media(1, photo.sha256)[0]
        item = editor.get(f"/wp/v2/media/{media_id}", params={"context": "edit"}).json()
    assert "photo desk" in item["caption"]["raw"]

    # The night editor keeps their wording: it goes out, and the photo desk takes it.
    code = cli_main(
        ["--data-dir", str(other_desk.folder), "photo", "resolve", str(theirs.id), "--mine"]
    )
    assert code == 0
    report = sync(other_desk)
    assert not report.conflicts and report.photos["pushed"] == 1, report
    assert not sync(desk).conflicts
    assert desk.photos.get(photo.id).caption == "Version of the night editor."
    assert (
        cli_main(["--data-dir", str(desk.folder), "photo", "resolve", str(photo.id), "--theirs"])
        == 1
    )
    for store in (desk, other_desk):
        store.close()


def test_a_caption_edited_in_wp_admin_comes_back(tmp_path, wordpress_plugin):
    desk = new_store(tmp_path / "a")
    connect(desk, wordpress_plugin, "editor")
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=74)
    publish_to_library(desk, [photo.id])
    media_id = desk.sync.media(1, photo.sha256)[0]
    with wordpress_plugin.client("editor") as web:  # as wp-admin's media screen saves it
        web.post(
            f"/wp/v2/media/{media_id}",
            json={
                "caption": "Boys play at sunset in Deir al-Balah. (AFP)",
                "alt_text": "Boys at sunset",
            },
        ).raise_for_status()
    report = sync(desk)
    assert not report.conflicts, report
    got = desk.photos.get(photo.id)
    assert (got.caption, got.alt_text) == (
        "Boys play at sunset in Deir al-Balah. (AFP)",
        "Boys at sunset",
    )
    desk.close()


def test_offline_the_reporter_keeps_thumbnails_and_captions(tmp_path, wordpress_plugin):
    with FaultProxy(wordpress_plugin.url) as proxy:
        desk, reporter = _desks(tmp_path, wordpress_plugin, reporter_url=proxy.url)
        _mark_library_read(reporter)
        photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=75)
        publish_to_library(desk, [photo.id])
        assert not sync(reporter).failed
    # The site is out of reach now (the proxy is gone).
    report = sync(reporter)
    assert report.offline, report
    mine = reporter.photos.get_by_uuid(photo.uuid)
    assert mine.caption == CAPTION and reporter.photos.thumbnail_path(mine).is_file()
    assert not mine.file_here
    # Picked as a lead offline, the preview shows its thumbnail and caption.
    story = write(reporter, headline="On the beach", body="They played on.", section="News")
    set_lead(reporter, story.id, mine.id)
    story = reporter.articles.get(story.id)
    page = render_preview(story, PreviewSource(reporter).context_for(story)).html
    assert "Deir al-Balah" in page and "<img" in page, page[:2000]
    code = cli_main(["--data-dir", str(reporter.folder), "photo", "fetch", mine.uuid])
    assert code != 0  # the full file needs the site: a clear error, nothing lost
    assert reporter.photos.get(mine.id).caption == CAPTION
    for store in (desk, reporter):
        store.close()


def test_readers_never_see_the_library_meta_or_the_original(tmp_path, wordpress_plugin):
    from PIL import Image

    desk = new_store(tmp_path / "a")
    connect(desk, wordpress_plugin, "editor")
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=76)
    publish_to_library(desk, [photo.id])
    media_id, url, _ = desk.sync.media(1, photo.sha256)
    label = f"{wordpress_plugin.users['editor'].login} on {socket.gethostname()}"  # the origin
    with httpx.Client(base_url=wordpress_plugin.api) as anonymous:
        for path, params in (
            (f"/wp/v2/media/{media_id}", {}),
            (f"/wp/v2/media/{media_id}", {"_fields": "id,meta"}),
            ("/wp/v2/media", {"newsdesk_library": 1}),
            ("/wp/v2/media", {"include": str(media_id)}),
        ):
            seen = anonymous.get(path, params=params)
            for secret in (photo.uuid, photo.sha256, "_newsdesk_photo", "captioned_by", label):
                assert secret not in seen.text, (path, params, secret)
        assert (
            anonymous.post("/newsdesk/v1/media/lookup", json={"hashes": [photo.sha256]}).status_code
            == 401
        )
        served = anonymous.get(url)
    assert served.status_code == 200
    assert photo.original_name not in url
    original = desk.photos.original_path(photo).read_bytes()
    assert served.content != original  # the public copy, never the original file
    with Image.open(__import__("io").BytesIO(served.content)) as image:
        assert image.size == (320, 200)
    desk.close()


@pytest.mark.parametrize("role", ["author"])
def test_a_second_sender_of_the_same_bytes_reuses_the_item(tmp_path, wordpress_plugin, role):
    desk = new_store(tmp_path / "a")
    connect(desk, wordpress_plugin, "editor")
    photo = add_photo(desk, tmp_path, caption=CAPTION, credit=CREDIT, alt=ALT, seed=77)
    publish_to_library(desk, [photo.id])
    before = _media_total(wordpress_plugin)
    # Another desk imports the very same file and publishes it: nothing new is uploaded.
    other = new_store(tmp_path / "b")
    connect(other, wordpress_plugin, role)
    from newsdesk.photos.importer import import_files

    mine = import_files(other, [tmp_path / "photo-77.jpg"], workers=1).photos[0]
    _, reports = publish_to_library(other, [mine.id])
    assert reports[0][1].reused == [mine.id] and reports[0][1].sent == []
    assert _media_total(wordpress_plugin) == before
    assert other.photos.get(mine.id).caption == CAPTION  # the first sender captioned it
    for store in (desk, other):
        store.close()


def test_the_photo_library_migration_keeps_photos_and_starts_every_site_unread(tmp_path):
    from newsdesk.store import migrations, open_store

    number = next(n for n, name in migrations.NUMBERED if name.endswith("_photo_library"))
    store = open_store(tmp_path / "s", migrate=False)
    migrations.upgrade(store, target=number - 1)
    store.conn.execute(
        "INSERT INTO sites (id, name, url, username, created_at) "
        "VALUES (1, 'english-site', 'https://example.org', 'ed', 'x')"
    )
    store.conn.execute(
        "INSERT INTO photos (id, uuid, sha256, file_path, caption, credit, imported_at, "
        "updated_at) VALUES (5, 'u-5', 'abc', 'originals/ab/abc.jpg', 'Old caption.', 'AP', 'x', 'x')"
    )
    assert number in migrations.upgrade(store)
    photo = store.photos.get(5)
    assert (photo.caption, photo.origin, photo.captioned_by) == ("Old caption.", "", "")
    assert photo.file_here
    library = store.photos.library
    assert library.pulled_until(1) == "" and library.base(1, 5) is None
    library.save_base(1, 5, {"caption": "Old caption."})
    library.set_conflict(1, 5, {"caption": "Theirs."})
    assert library.conflicts() == [(1, 5, {"caption": "Theirs."})]
    library.set_pulled_until(1, "2026-12-03T10:00:00")
    library.set_pulled_until(1, "2026-12-01T10:00:00")  # never backwards
    assert library.pulled_until(1) == "2026-12-03T10:00:00"
    store.close()
