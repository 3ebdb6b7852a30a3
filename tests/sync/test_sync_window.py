"""The sync window: a first pull brings the last N days, one's own and the desk's stories;
an older one is found by searching the site and kept. Against a real WordPress whose
archive reaches back two years (bulk SQL)."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli import main
from newsdesk.store import open_store
from newsdesk.sync.engine import SyncEngine

from .helpers import connect
from .test_large_site import local_posts

pytestmark = pytest.mark.wordpress
OLD = 200  # of 300 posts, the oldest 200 were last changed in January 2025


@pytest.fixture(scope="module")
def aged_site(wordpress_harness):
    from wordpress.seed import seed_posts

    site = wordpress_harness.named_site("wp_window", with_plugin=False)
    seed_posts(site, 300, words=60)
    site.db.sql(
        f"UPDATE `{site.name}`.wp_posts p JOIN (SELECT ID FROM `{site.name}`.wp_posts"
        f" WHERE post_name LIKE 'archive-story-%' ORDER BY ID LIMIT {OLD}) o ON o.ID = p.ID"
        " SET post_modified_gmt = '2025-01-10 09:00:00', post_modified = '2025-01-10 09:00:00',"
        " post_date_gmt = '2025-01-10 09:00:00', post_date = '2025-01-10 09:00:00'"
    )
    return site


def posts(site, **where) -> dict[int, dict]:
    with site.client("administrator") as client:
        found: dict[int, dict] = {}
        page = 1
        while True:
            answer = client.get(
                "/wp/v2/posts",
                params={"status": "publish,draft,pending,private,future", "context": "edit",
                        "per_page": 100, "page": page, "_fields": "id,author,status,modified_gmt"},
            )  # fmt: skip
            found.update({p["id"]: p for p in answer.json()})
            if page >= int(answer.headers["X-WP-TotalPages"]):
                return found
            page += 1


def test_a_first_pull_brings_the_window_ones_own_and_the_desks_stories(store, aged_site):
    site = connect(store, aged_site, "editor", from_now=False)
    assert site.window_days == 90
    report = SyncEngine(store).sync()
    assert report.ok, report.failed
    everything = posts(aged_site)
    editor = aged_site.users["editor"].id
    wanted = {
        pid
        for pid, p in everything.items()
        if p["modified_gmt"] >= "2026-01-01"  # changed in the window
        or p["author"] == editor  # one's own, of any age
        or p["status"] in ("pending", "future")  # the desk's queue and schedule
    }
    assert len(wanted) < len(everything)  # the window leaves something out
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped))
    assert set(mapped) == wanted


def test_an_older_story_is_found_on_the_site_and_kept(tmp_path, capsys, aged_site):
    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    assert SyncEngine(store).sync().ok
    before = set(local_posts(store, site.id))
    store.close()
    old = sorted(pid for pid, p in posts(aged_site).items() if p["modified_gmt"] < "2026")
    missing = next(pid for pid in old if pid not in before)
    with aged_site.client("administrator") as client:
        title = client.get(f"/wp/v2/posts/{missing}", params={"context": "edit"}).json()
    words = title["title"]["raw"].split(": ", 1)[1]

    assert main(["--data-dir", str(tmp_path), "site", "search", words, "--json"]) == 0
    found = {f["post_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found[missing]["article_id"] is None  # on the site, not here

    assert main(["--data-dir", str(tmp_path), "site", "fetch", str(missing)]) == 0
    assert "Fetched 1 (new or changed)" in capsys.readouterr().out
    store = open_store(tmp_path)
    assert missing in local_posts(store, site.id)
    article_id = store.sync.remote_post_by_remote_id(site.id, missing).article_id
    assert store.articles.get(article_id).headline == title["title"]["raw"]
    store.close()
    assert main(["--data-dir", str(tmp_path), "site", "search", words, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["article_id"] == article_id  # kept

    # and it syncs as the rest: the next pull leaves it alone, nothing twice
    store = open_store(tmp_path)
    assert SyncEngine(store).sync().ok
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped)) and missing in mapped
    store.close()


def test_the_window_is_a_site_setting_and_zero_brings_the_whole_archive(
    tmp_path, capsys, aged_site
):
    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    store.close()
    assert main(["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "0"]) == 0
    capsys.readouterr()
    assert (
        main(["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "-3"]) == 1
    )
    assert "number of days" in capsys.readouterr().err
    store = open_store(tmp_path)
    assert store.sites.get(site.id).window_days == 0
    assert SyncEngine(store).sync().ok
    assert set(local_posts(store, site.id)) == set(posts(aged_site))
    store.close()


def test_in_the_window_an_older_story_is_searched_for_brought_here_and_opened(
    qtbot, tmp_path, aged_site, artifacts_dir
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from gui.guikeys import press
    from windows import shown_window

    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    assert SyncEngine(store).sync().ok
    here = set(local_posts(store, site.id))
    store.close()
    old = sorted(pid for pid, p in posts(aged_site).items() if p["modified_gmt"] < "2026")
    missing = next(pid for pid in old if pid not in here)
    with aged_site.client("administrator") as client:
        headline = client.get(f"/wp/v2/posts/{missing}", params={"context": "edit"}).json()[
            "title"
        ]["raw"]

    with shown_window(qtbot, tmp_path, guide_done=True) as win:
        win.list_pane.search_box.setText(headline.split(": ", 1)[1])
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        press(qtbot, win.list_pane.table, "Ctrl+Shift+F")  # the key, from the list
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "siteSearchDialog"
        )
        dialog.close()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        win.list_pane.site_search.click()  # the button beside the search box
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "siteSearchDialog" and w.isVisible()
        )
        qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0, timeout=20_000)
        rows = [dialog.results.topLevelItem(i) for i in range(dialog.results.topLevelItemCount())]
        row = next(r for r in rows if r.data(0, Qt.ItemDataRole.UserRole) == missing)
        assert row.text(0) == headline and row.text(3) == ""
        dialog.results.setCurrentItem(row)
        assert dialog.fetch.isEnabled() and not dialog.open.isEnabled()
        dialog.grab().save(str(artifacts_dir / "site-search.png"))
        dialog.fetch.click()
        qtbot.waitUntil(lambda: row.text(3) == "here", timeout=20_000)
        assert "1 brought here" in dialog.message.text()
        assert dialog.open.isEnabled()
        dialog.open.click()
        qtbot.waitUntil(lambda: win.editor.headline_edit.text() == headline, timeout=5_000)
        assert missing in local_posts(win.store, site.id)


def test_a_window_widened_after_the_first_sync_brings_the_older_stories_and_only_those(
    tmp_path, capsys, aged_site
):
    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    assert SyncEngine(store).sync().ok
    first = set(local_posts(store, site.id))
    store.close()
    everything = posts(aged_site)
    assert first < set(everything)

    # Narrowed: nothing leaves this desktop, nothing more is asked for.
    assert (
        main(["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "30"]) == 0
    )
    assert capsys.readouterr().out.strip().endswith("syncs the last 30 days")
    store = open_store(tmp_path)
    assert SyncEngine(store).sync().ok
    assert set(local_posts(store, site.id)) == first
    store.close()

    # Widened past the archive's oldest changes: the next sync brings the rest, once each.
    widened = ["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "1000"]
    assert main(widened) == 0
    assert "the older ones come with the next sync" in capsys.readouterr().out
    store = open_store(tmp_path)
    report = SyncEngine(store).sync()
    assert report.ok, report.failed
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped)) and set(mapped) == set(everything)
    assert store.sites.get(site.id).window_held_days == 1000
    store.close()
    assert main(["--data-dir", str(tmp_path), "site", "list"]) == 0
    assert "syncs the last 1000 days\n" in capsys.readouterr().out  # nothing still to come


def test_the_window_widened_in_the_sync_desk_brings_the_whole_archive(qtbot, tmp_path, aged_site):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from newsdesk.gui.sync import install
    from newsdesk.gui.sync.desk import SyncDesk
    from newsdesk.gui.sync.site_settings_dialog import SiteSettingsDialog
    from windows import shown_window

    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    assert SyncEngine(store).sync().ok
    first = set(local_posts(store, site.id))
    store.close()

    with shown_window(qtbot, tmp_path, guide_done=True, real_threads=True) as win:
        controller = install(win)
        controller.timer.stop()  # only the sync the settings ask for
        win.show_desk("Sync")
        desk = win.desk("Sync")
        assert isinstance(desk, SyncDesk) and desk.settings.isEnabled()
        qtbot.mouseClick(desk.settings, Qt.MouseButton.LeftButton)
        dialog = desk.findChild(SiteSettingsDialog)
        qtbot.waitUntil(dialog.isVisible)
        dialog.window_days.setValue(0)  # the whole archive
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        # Saved, then synced at once: the archive arrives without another click.
        qtbot.waitUntil(lambda: set(local_posts(win.store, site.id)) > first, timeout=60_000)
        qtbot.waitUntil(lambda: not controller.running, timeout=60_000)
        assert set(local_posts(win.store, site.id)) == set(posts(aged_site))
        assert desk.sites.item(0, 5).text() == "the whole archive"
