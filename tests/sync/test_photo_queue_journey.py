"""The photo queue across desktops, and an embargo travelling with the photo (issue #17,
parts 4 and 5), by the command line against the real WordPress with the plugin.

A reporter (a WordPress author, store A) submits two stories: one whose lead photo has
no alt text, one with no photo. The photo desk (an editor, store B) syncs, finds both
in `newsdesk photo queue`, writes the alt text and gives the other story a lead; the
reporter's next sync brings both fixes. Then the photo desk embargoes the photo: the
reporter's checklist stops the story until the embargo ends, a reader of the site
cannot see the photo meanwhile, and clearing it on the reporter's desk reaches the
photo desk.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import httpx

from newsdesk.cli import main as cli_main
from newsdesk.domain.article import Source

from .helpers import add_photo, connect, ensure_category, leave_the_library_overlap, new_store, sync

ALT = "Fishing boats tied up in the harbour at dusk"
STORY = "Fishermen stay ashore as fuel runs out\n\n" + "The boats have not left for a week. " * 30


def _cli(capsys, store, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli_main(["--data-dir", str(store.folder), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def _story(capsys, store, headline: str) -> int:
    code, out, err = _cli(capsys, store, "new", "--headline", headline, "--section", "News")
    assert code == 0, err
    article = store.articles.get(int(out.split()[0]))
    article.standfirst = "The harbour is full and quiet."
    article.body = STORY
    article.tags = ["Fishing"]
    article.sources = [Source("Harbour master", kind="interview")]
    store.articles.save(article, author="Amal Reporter")
    return int(article.id or 0)


def _queue(capsys, store) -> dict[int, dict]:
    code, out, err = _cli(capsys, store, "photo", "queue", "--json")
    assert code == 0, err
    return {e["article_id"]: e for e in json.loads(out)}


def _local(store, uuid: str) -> int:
    return int(store.conn.execute("SELECT id FROM articles WHERE uuid = ?", (uuid,)).fetchone()[0])


def test_the_photo_desk_fixes_another_desks_stories_and_the_embargo_travels(
    tmp_path, wordpress_plugin, capsys
):
    ensure_category(wordpress_plugin, "News")
    reporter, desk = new_store(tmp_path / "reporter"), new_store(tmp_path / "photodesk")
    connect(reporter, wordpress_plugin, "author")
    connect(desk, wordpress_plugin, "editor")
    me = ("--as", "Amal Reporter", "--role", "reporter")

    # The reporter: a story whose photo has no alt text, and one with no photo yet.
    pictured = _story(capsys, reporter, "Fishermen stay ashore")
    photo = add_photo(
        reporter, tmp_path, caption="Boats in the harbour.", credit="", alt="", seed=91
    )
    assert _cli(capsys, reporter, "photo", "set", str(photo.id), "--credit", "Reuters",
                "--house-form")[0] == 0  # fmt: skip
    assert _cli(capsys, reporter, "photo", "lead", str(pictured), str(photo.id))[0] == 0
    bare = _story(capsys, reporter, "Fuel queues lengthen")
    for story in (pictured, bare):
        assert _cli(capsys, reporter, "submit", str(story), *me)[0] == 0
    mine = _queue(capsys, reporter)
    assert mine[pictured]["photos"][0]["checks"] == ["missing_alt"]
    assert mine[bare]["no_lead_photo"] is True
    report = sync(reporter)
    assert report.ok, report

    # The photo desk syncs: both stories, pulled from the site, are in its queue.
    report = sync(desk)
    assert report.ok, report
    theirs = _queue(capsys, desk)
    pictured_b = _local(desk, reporter.articles.get(pictured).uuid)
    bare_b = _local(desk, reporter.articles.get(bare).uuid)
    assert theirs[pictured_b]["on_site"] and theirs[pictured_b]["photos"][0]["checks"] == [
        "missing_alt"
    ]
    assert theirs[bare_b]["no_lead_photo"] and not theirs[bare_b]["photos"]
    photo_b = theirs[pictured_b]["photos"][0]["photo_id"]
    assert theirs[pictured_b]["photos"][0]["uuid"] == photo.uuid

    # It fixes them there: the alt text of the photo, a lead for the other story.
    assert _cli(capsys, desk, "photo", "set", str(photo_b), "--alt", ALT)[0] == 0
    lead = add_photo(desk, tmp_path, caption="Queues at the pump. (AFP)", credit="AFP",
                     alt="Cars queue at a petrol station", seed=92)  # fmt: skip
    assert _cli(capsys, desk, "photo", "lead", str(bare_b), str(lead.id))[0] == 0
    assert _queue(capsys, desk) == {}
    report = sync(desk)
    assert report.ok, report

    # The reporter's next sync brings both fixes: nothing left in the queue.
    report = sync(reporter)
    assert report.ok, report
    assert reporter.photos.get(photo.id).alt_text == ALT
    brought = reporter.articles.get(bare).lead_photo_id
    assert brought is not None and reporter.photos.get(brought).uuid == lead.uuid
    assert _queue(capsys, reporter) == {}
    code, out, _ = _cli(capsys, reporter, "check", str(pictured), "--json")
    rules = {r["rule"]: r for r in json.loads(out)["rules"]}
    assert rules["lead_photo"]["ok"] and rules["photo_embargo"]["ok"], rules

    # The photo desk embargoes the photo: it travels to the reporter, whose checklist
    # stops the story until the embargo ends; a schedule after it passes.
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
    stamp = until.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert _cli(capsys, desk, "photo", "set", str(photo_b), "--embargo-until", stamp)[0] == 0
    assert sync(desk).photos["pushed"] == 1
    assert sync(reporter).photos["updated"] == 1
    assert reporter.photos.get(photo.id).embargo_until == stamp
    code, out, _ = _cli(capsys, reporter, "check", str(pictured), "--json")
    rules = {r["rule"]: r for r in json.loads(out)["rules"]}
    assert code == 1 and not rules["photo_embargo"]["ok"], rules
    assert "Embargoed until" in rules["photo_embargo"]["message"]
    later = (until + timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    code, out, _ = _cli(capsys, reporter, "check", str(pictured), "--at", later, "--json")
    assert code == 0, out
    assert _queue(capsys, reporter)[pictured]["photos"][0]["checks"] == ["embargoed"]

    # Meanwhile a reader of the site gets neither the media item nor a listing of it.
    media_id = reporter.sync.media(1, photo.sha256)[0]
    with httpx.Client(base_url=wordpress_plugin.api) as reader:
        assert reader.get(f"/wp/v2/media/{media_id}").status_code == 404
        listed = reader.get("/wp/v2/media", params={"include": str(media_id)}).json()
        assert listed == []
        page = reader.get(f"{wordpress_plugin.url}/", params={"attachment_id": media_id},
                          follow_redirects=True)  # fmt: skip
        assert page.status_code == 404, page.status_code
    with wordpress_plugin.client("editor") as editor:
        assert editor.get(f"/wp/v2/media/{media_id}").status_code == 200

    # The agency lifts it early: cleared on the reporter's desk, it reaches the photo desk.
    assert _cli(capsys, reporter, "photo", "set", str(photo.id), "--no-embargo")[0] == 0
    assert sync(reporter).photos["pushed"] == 1
    assert sync(desk).photos["updated"] == 1
    assert desk.photos.get(photo_b).embargo_until == ""
    with httpx.Client(base_url=wordpress_plugin.api) as reader:
        assert reader.get(f"/wp/v2/media/{media_id}").status_code == 200
        page = reader.get(f"{wordpress_plugin.url}/", params={"attachment_id": media_id},
                          follow_redirects=True)  # fmt: skip
        assert page.status_code == 200, page.status_code
    for store in (reporter, desk):
        store.close()
    leave_the_library_overlap()


def test_the_same_fixes_from_the_photo_desk_window(qtbot, tmp_path, wordpress_plugin, capsys):
    """The photo desk's path by the window: the queue, the panel's alt text and embargo
    fields, "Selected photo as lead"; the reporter's sync brings what it did."""
    from newsdesk.gui.context import AppContext
    from newsdesk.gui.photodesk import PhotoDesk

    ensure_category(wordpress_plugin, "News")
    reporter, store = new_store(tmp_path / "reporter"), new_store(tmp_path / "photodesk")
    connect(reporter, wordpress_plugin, "author")
    connect(store, wordpress_plugin, "editor")
    pictured = _story(capsys, reporter, "Nets lie idle on the quay")
    photo = add_photo(reporter, tmp_path, caption="Nets on the quay. (AP)", credit="AP", alt="",
                      seed=93)  # fmt: skip
    reporter.photos.uses.set_lead(pictured, photo.id)
    bare = _story(capsys, reporter, "Ferry crossings cancelled")
    for story in (pictured, bare):
        assert _cli(capsys, reporter, "submit", str(story), "--as", "Amal", "--role",
                    "reporter")[0] == 0  # fmt: skip
    assert sync(reporter).ok
    spare = add_photo(store, tmp_path, caption="A ferry at its berth. (AFP)", credit="AFP",
                      alt="A ferry moored at the quay", seed=94)  # fmt: skip

    ctx = AppContext.for_store(store)
    desk = PhotoDesk(ctx)
    qtbot.addWidget(desk)
    desk.resize(1300, 800)
    desk.show()
    report = sync(store)
    assert report.ok, report
    ctx.announce(report.changes, None)  # as the sync controller does
    tree = desk.queue.tree
    headlines = {"Nets lie idle on the quay", "Ferry crossings cancelled"}

    def listed() -> dict[str, object]:
        items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        return {item.text(0): item for item in items if item.text(0) in headlines}

    qtbot.waitUntil(lambda: len(listed()) == 2, timeout=30_000)
    nets, ferry = listed()["Nets lie idle on the quay"], listed()["Ferry crossings cancelled"]
    assert nets.child(0).text(0) == "lead: No alt text"
    assert ferry.child(0).text(0) == "No lead photo yet"
    assert "on the site" in nets.toolTip(0)

    # The alt text: the queue's photo row opens it in the panel.
    tree.setCurrentItem(nets.child(0))
    tree.itemClicked.emit(nets.child(0), 0)  # as a click on the row does
    ours = store.photos.get_by_uuid(photo.uuid)
    assert desk.panel.photo is not None and desk.panel.photo.id == ours.id
    desk.panel.alt_text.setPlainText(ALT)
    until = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    desk.panel.lines["embargo_until"].setText(until)
    desk.panel.save_button.click()
    qtbot.waitUntil(lambda: store.photos.get(ours.id).alt_text == ALT, timeout=10_000)
    assert store.photos.get(ours.id).embargo_until == until.replace(" ", "T") + ":00Z"

    # A lead for the other story: the story in the queue, the photo in the grid, the button.
    tree.setCurrentItem(listed()["Ferry crossings cancelled"])
    desk.select_photo(spare.id)
    desk.queue.lead_button.click()
    ferry_here = _local(store, reporter.articles.get(bare).uuid)
    qtbot.waitUntil(
        lambda: store.articles.get(ferry_here).lead_photo_id == spare.id, timeout=10_000
    )
    qtbot.waitUntil(lambda: set(listed()) == {"Nets lie idle on the quay"}, timeout=30_000)
    assert listed()["Nets lie idle on the quay"].child(0).text(0) == "lead: Under embargo"

    assert sync(store).ok
    assert sync(reporter).ok
    fixed = reporter.photos.get(photo.id)
    assert fixed.alt_text == ALT and fixed.embargo_until
    brought = reporter.articles.get(bare).lead_photo_id
    assert brought is not None and reporter.photos.get(brought).uuid == spare.uuid
    code, out, _ = _cli(capsys, reporter, "check", str(pictured), "--json")
    rules = {r["rule"]: r for r in json.loads(out)["rules"]}
    assert code == 1 and not rules["photo_embargo"]["ok"] and rules["lead_photo"]["ok"], rules
    for each in (reporter, store):
        each.close()
    leave_the_library_overlap()
