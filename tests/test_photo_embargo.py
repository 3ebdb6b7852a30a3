"""A photo's embargo on one desktop: read from the agency's file, set and cleared on the
command line, flagged in the checks and the photo queue, and holding back publishing
(or a schedule) until it ends. Across desktops: tests/sync/test_photo_queue_journey.py."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pyexiv2
import pytest
from PIL import Image

from newsdesk.domain.article import Article, Source
from newsdesk.domain.checklist import Context, blocking_failures, config_for, run_checklist
from newsdesk.domain.embargo import embargo_label, normalise_embargo, under_embargo
from newsdesk.store import StoreError
from newsdesk.store.photos import PhotoFilter
from test_cli import run
from test_transfer import GOOD


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_embargo_times_are_read_as_utc_and_compared_as_such():
    assert normalise_embargo("2026-12-05 14:30") == "2026-12-05T14:30:00Z"
    assert normalise_embargo("2026-12-05T16:30:00+02:00") == "2026-12-05T14:30:00Z"
    assert normalise_embargo("2026-12-05") == "2026-12-05T00:00:00Z"
    assert normalise_embargo("  ") == ""
    with pytest.raises(ValueError, match="not an ISO date"):
        normalise_embargo("next Tuesday")
    assert under_embargo("2026-12-05T14:30:00Z", "2026-12-05T14:29:59Z")
    assert not under_embargo("2026-12-05T14:30:00Z", "2026-12-05T14:30:00Z")
    assert not under_embargo("", "2026-12-05T00:00:00Z")
    assert embargo_label("2026-12-05T14:30:00Z") == "Embargoed until 5 Dec 2026, 14:30 UTC"


def test_the_checklist_blocks_until_the_embargo_and_allows_a_schedule_after_it():
    story = Article(
        headline="Port talks resume",
        standfirst="Negotiators returned.",
        body="word " * 200,
        section="News",
        tags=["Energy"],
        sources=[Source("Reuters", kind="news agency", attribution=True)],
    )
    held = (("lead photo 3 (AP)", "2026-12-05T14:30:00Z"),)

    def rules(publish_at):
        context = Context(lead_photo_problems=[], publish_at=publish_at, photo_embargoes=held)
        return {r.rule: r for r in run_checklist(story, config_for("News"), context)}

    early = rules("2026-12-05T14:00:00Z")["photo_embargo"]
    assert early.blocks and "Embargoed until 5 Dec 2026, 14:30 UTC" in early.message
    assert "lead photo 3 (AP)" in early.message
    assert rules("2026-12-05T14:30:00Z")["photo_embargo"].ok
    free = run_checklist(story, config_for("News"), Context(lead_photo_problems=[]))
    assert not blocking_failures(free)


def _agency_file(path, release_date: str, release_time: str | None) -> None:
    Image.new("RGB", (800, 600), (30, 90, 150)).save(path, "JPEG")
    datasets = {
        "Iptc.Envelope.CharacterSet": "\x1b%G",
        "Iptc.Application2.Caption": "Leaders meet at the summit. (AP)",
        "Iptc.Application2.Credit": "AP",
        "Iptc.Application2.ReleaseDate": release_date,
    }
    if release_time is not None:
        datasets["Iptc.Application2.ReleaseTime"] = release_time
    with pyexiv2.Image(str(path)) as image:
        image.modify_iptc(datasets)


def test_the_agencys_release_time_is_read_at_import_and_set_or_cleared_by_command(tmp_path):
    data = tmp_path / "data"
    timed, dated = tmp_path / "summit.jpg", tmp_path / "summit-day.jpg"
    _agency_file(timed, "2031-06-02", "16:30:00+02:00")
    _agency_file(dated, "2031-06-03", None)
    done = run(data, "photo", "import", str(timed), str(dated))
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.split()
    shown = json.loads(run(data, "photo", "show", first, "--json").stdout)
    assert shown["embargo_until"] == "2031-06-02T14:30:00Z"
    assert "embargoed" in {c["code"] for c in shown["checks"]}
    messages = [c["message"] for c in shown["checks"]]
    assert any("Embargoed until 2 Jun 2031, 14:30 UTC" in m for m in messages), messages
    day = json.loads(run(data, "photo", "show", second, "--json").stdout)
    assert day["embargo_until"] == "2031-06-03T00:00:00Z"

    moved = run(data, "photo", "set", second, "--embargo-until", "2031-06-04T09:00+01:00")
    assert moved.returncode == 0 and "Embargoed until 4 Jun 2031, 08:00 UTC" in moved.stderr
    bad = run(data, "photo", "set", second, "--embargo-until", "soon")
    assert bad.returncode == 1 and "not an ISO date" in bad.stderr
    assert json.loads(run(data, "photo", "show", second, "--json").stdout)["embargo_until"] == (
        "2031-06-04T08:00:00Z"
    )
    cleared = run(data, "photo", "set", second, "--no-embargo")
    assert cleared.returncode == 0, cleared.stderr
    after = json.loads(run(data, "photo", "show", second, "--json").stdout)
    assert after["embargo_until"] == "" and "embargoed" not in {c["code"] for c in after["checks"]}
    failing = json.loads(run(data, "photo", "list", "--failing", "--json").stdout)
    assert [p["id"] for p in failing if "embargoed" in p["checks"]] == [int(first)]


def test_publish_waits_for_the_photo_and_a_schedule_after_it_goes(tmp_path):
    data = tmp_path / "data"
    src = tmp_path / "story.md"
    src.write_text(GOOD, encoding="utf-8")
    [story] = run(data, "import", str(src)).stdout.split()
    Image.new("RGB", (1200, 800), (30, 90, 150)).save(tmp_path / "port.jpg", "JPEG")
    [photo] = run(data, "photo", "import", str(tmp_path / "port.jpg")).stdout.split()
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=3)
    assert (
        run(data, "photo", "set", photo, "--caption", "Cranes idle at the port.", "--credit",
            "AP", "--alt", "Idle cranes", "--house-form", "--embargo-until", _stamp(until),
            ).returncode == 0
    )  # fmt: skip
    assert run(data, "photo", "lead", story, photo).returncode == 0
    editor = ("--as", "Nadia Editor", "--role", "editor")
    assert run(data, "submit", story, "--as", "Amal", "--role", "reporter").returncode == 0

    queue = json.loads(run(data, "photo", "queue", "--json").stdout)
    entry = next(e for e in queue if str(e["article_id"]) == story)
    assert entry["photos"][0]["checks"] == ["embargoed"] and not entry["no_lead_photo"]
    assert entry["photos"][0]["embargo_until"] == _stamp(until)

    refused = run(data, "publish", story, *editor)
    assert refused.returncode == 1 and "FAIL photo_embargo" in refused.stderr, refused.stderr
    early = run(data, "schedule", story, "--at", _stamp(until - timedelta(minutes=1)), *editor)
    assert early.returncode == 1 and "photo_embargo" in early.stderr
    late = run(data, "schedule", story, "--at", _stamp(until + timedelta(minutes=1)), *editor)
    assert late.returncode == 0, late.stderr + late.stdout
    listed = json.loads(run(data, "list", "--json").stdout)
    assert next(a["status"] for a in listed if str(a["id"]) == story) == "scheduled"


def test_the_queue_lists_a_submitted_story_without_a_lead_photo(store):
    waiting = store.articles.create(
        Article(headline="Storm hits the coast", section="News", status="submitted", byline="Amal")
    )
    store.articles.create(Article(headline="A draft still in the works", section="News"))
    store.articles.create(Article(headline="A live line", section="Live", status="submitted"))
    entries = store.photos.uses.queue(spelling=False)
    assert [(e.article_id, e.no_lead, e.byline) for e in entries] == [(waiting.id, True, "Amal")]
    assert entries[0].to_dict()["no_lead_photo"] is True


def test_a_bad_embargo_is_refused_by_the_store_and_the_grid_flags_a_live_one(store, tmp_path):
    from newsdesk.ops.photos import import_photos

    Image.new("RGB", (300, 200), (90, 30, 10)).save(tmp_path / "a.jpg", "JPEG")
    [photo] = import_photos(store, [str(tmp_path / "a.jpg")], workers=1).report.photos
    with pytest.raises(StoreError, match="embargo_until"):
        store.photos.update(photo.id, embargo_until="tomorrow")
    store.photos.update(photo.id, embargo_until="2099-01-01 00:00")
    [row] = store.photos.grid_rows(PhotoFilter(check="embargoed"))
    assert "embargoed" in row[7] and row[16] == "2099-01-01T00:00:00Z"
    store.photos.update(photo.id, embargo_until="2001-01-01 00:00")
    assert store.photos.grid_rows(PhotoFilter(check="embargoed")) == []


def test_the_embargo_migration_keeps_photos_and_sends_no_library_photo_again(tmp_path):
    from newsdesk.store import migrations, open_store

    number = next(n for n, name in migrations.NUMBERED if name.endswith("_photo_embargo"))
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
    old_base = {"caption": "Old caption.", "credit": "AP", "keywords": []}  # as 12 wrote it
    store.conn.execute(
        "INSERT INTO library_media (site_id, photo_id, base) VALUES (1, 5, ?)",
        (json.dumps(old_base),),
    )
    assert number in migrations.upgrade(store)
    photo = store.photos.get(5)
    assert (photo.caption, photo.embargo_until) == ("Old caption.", "")
    from newsdesk.store.photo_library import shared_fields

    # What the sync compares before sending a photo's fields: nothing changed here.
    assert store.photos.library.base(1, 5) == shared_fields(photo)
    store.close()
