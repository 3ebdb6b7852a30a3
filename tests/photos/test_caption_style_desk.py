"""The caption style preference, end to end: the photo desk in the main window follows a
change without a restart (grid badges, the edit panel's checks, "Close with credit", the
batch template, the queue, the editor's photo checks); the store and `newsdesk photo` too."""

from __future__ import annotations

import json

import pytest
from scenes import scene

from conftest import AGENCY_PHOTOS, run_photo_cli, write_fields
from newsdesk.domain.article import Article
from newsdesk.gui import tasks
from newsdesk.gui.photodesk.model import CHECKS, NAME
from newsdesk.ops.house import set_house_setting
from newsdesk.store import open_store

AP_CAPTION = "Lebanese soldiers patrol the southern border on Monday."


def choose_style(window, style: str) -> None:
    """What Preferences does: the house operation, announced to the window."""
    window.announce(set_house_setting(window.store, "caption_style", style))


@pytest.fixture
def two_photos(tmp_path):
    folder = tmp_path / "agency"
    folder.mkdir()
    wanted = {"ap-border.jpg", "afp-arabic.jpg"}
    for index, (name, fmt, fields) in enumerate(AGENCY_PHOTOS):
        if name in wanted:
            write_fields(scene(folder / name, index, fmt=fmt), fields)
    return folder


@pytest.fixture
def window(qtbot, tmp_path):
    from newsdesk.app import build_window
    from newsdesk.gui.settings import Settings

    Settings(tmp_path / "data").set("firstrun/done", True)
    tasks.set_synchronous(True)
    win = build_window(tmp_path / "data")
    qtbot.addWidget(win)
    yield win
    win.close()
    win.store.close()
    tasks.set_synchronous(False)


def rows_by_name(desk):
    return {row[NAME]: row for row in desk.model.rows}


def shown_checks(desk):
    panel = desk.panel
    return [panel.problems.item(i).text() for i in range(panel.problems.count())]


def test_the_photo_desk_follows_the_caption_style_preference(
    qtbot, window, two_photos, artifacts_dir
):
    from newsdesk.gui.photodesk.batch import BatchCaptionDialog
    from newsdesk.photos.importer import import_files

    store = window.store
    added = import_files(store, sorted(two_photos.iterdir()), workers=1).added
    ap = next(p for p in added if p.original_name == "ap-border.jpg")
    article = store.articles.create(Article(headline="Border patrol", body="Intro."))
    store.photos.uses.set_lead(article.id, ap.id)
    window.list_pane.apply_query()
    assert window.list_pane.select_article(article.id)
    desk = window.desk("Photo desk")
    label = window.editor.photo_checks_label
    label.refresh()
    assert rows_by_name(desk)["ap-border.jpg"][CHECKS] == ()
    assert label.text().strip() == "Photos: 1 ✓"
    desk.state.setCurrentIndex(desk.state.findData("failing"))
    assert "ap-border.jpg" not in {r[NAME] for r in desk.model.rows}
    desk.state.setCurrentIndex(0)
    assert article.id not in [e.article_id for e in desk.queue.entries]

    # Preferences: credit after a slash. No restart: the desk's checks follow at once.
    choose_style(window, "slash")
    assert store.photos.caption_style == "slash"
    assert rows_by_name(desk)["ap-border.jpg"][CHECKS] == ("credit_form",)
    assert rows_by_name(desk)["afp-arabic.jpg"][CHECKS] == ("credit_form",)
    desk.state.setCurrentIndex(desk.state.findData("failing"))
    assert {"ap-border.jpg", "afp-arabic.jpg"} <= {r[NAME] for r in desk.model.rows}
    desk.state.setCurrentIndex(0)
    desk.select_photo(ap.id)
    assert any('house style is "/ AP"' in text for text in shown_checks(desk))
    assert '"/ credit"' in desk.panel.house_button.toolTip()
    assert label.text().strip() == "Photos: 1 of 1 need caption fixes"
    assert desk.queue.caption_style == "slash"
    assert article.id in [e.article_id for e in desk.queue.entries]

    # "Close with credit" converts the caption; saved, every check passes
    desk.panel.house_button.click()
    assert desk.panel.caption.toPlainText() == f"{AP_CAPTION} / AP"
    desk.panel.run_checks()
    assert shown_checks(desk) == ["✓ All checks pass"]
    desk.panel.save_button.click()
    assert store.photos.get(ap.id).caption == f"{AP_CAPTION} / AP"
    assert rows_by_name(desk)["ap-border.jpg"][CHECKS] == ()
    assert article.id not in [e.article_id for e in desk.queue.entries]

    # the batch template closes captions in the chosen style too
    arabic = store.photos.get(next(p.id for p in added if p.original_name == "afp-arabic.jpg"))
    dialog = BatchCaptionDialog([arabic], desk, store.photos.caption_style)
    qtbot.addWidget(dialog)
    assert dialog.close_with_credit.text() == 'End each caption with "/ credit"'
    assert dialog.changes()[arabic.id]["caption"].endswith(". / أ ف ب")
    desk.edit(dialog.changes(), "Batch caption")
    assert rows_by_name(desk)["afp-arabic.jpg"][CHECKS] == ()

    window.show()
    assert window.show_desk("Photo desk")
    qtbot.waitExposed(window)
    desk.select_photo(ap.id)
    # thumbnails arrive from the worker pool
    qtbot.waitUntil(lambda: len(desk.model.thumbnails.pixmaps) == len(desk.model.rows))
    desk.grab().save(str(artifacts_dir / "photo-desk-slash-style.png"))
    # a photo still in the other style: its check says how the house style wants it
    failing = next(r for r in desk.model.rows if "credit_form" in r[CHECKS])
    desk.select_photo(failing[0])
    assert any('but the house style is "/ ' in text for text in shown_checks(desk))
    desk.grab().save(str(artifacts_dir / "photo-desk-slash-style-failing.png"))

    # and back: the slash captions now fail, and the action converts them back
    choose_style(window, "parentheses")
    assert rows_by_name(desk)["ap-border.jpg"][CHECKS] == ("credit_form",)
    desk.select_photo(ap.id)
    assert any('house style is "(AP)"' in text for text in shown_checks(desk))
    desk.panel.house_button.click()
    assert desk.panel.caption.toPlainText() == f"{AP_CAPTION} (AP)"


def test_an_unknown_style_is_refused_and_nothing_changes(qtbot, window):
    window.desk("Photo desk")
    with pytest.raises(ValueError, match="'slashes' is not one of parentheses, slash"):
        choose_style(window, "slashes")
    assert window.store.photos.caption_style == "parentheses"


def test_stored_checks_follow_the_style_and_keep_spelling(store, two_photos):
    from newsdesk.photos.importer import import_files

    import_files(store, sorted(two_photos.iterdir()), workers=1)
    store.photos.update(1, credit="Lebanonese Army", caption="Soldiers patrol. (Lebanonese Army)")
    assert store.photos.get(1).check_codes == ["misspelling"]
    assert store.photos.set_caption_style("slash") == 2
    assert store.photos.get(1).check_codes == ["credit_form", "misspelling"]
    assert store.photos.set_caption_style("slash") == 0
    assert store.photos.set_caption_style("parentheses") == 2
    assert store.photos.get(1).check_codes == ["misspelling"]
    with pytest.raises(ValueError, match="'dash' is not one of"):
        store.photos.set_caption_style("dash")


run = run_photo_cli


def test_the_command_line_reads_the_house_style_or_takes_an_option(tmp_path, two_photos):

    data = tmp_path / "data"
    ids = run(data, "import", str(two_photos / "ap-border.jpg")).stdout.split()
    assert len(ids) == 1
    [photo] = ids

    def checks(*extra):
        listed = json.loads(run(data, "list", "--json", *extra).stdout)
        return listed[0]["checks"]

    assert checks() == []
    assert checks("--caption-style", "slash") == ["credit_form"]
    store = open_store(data)  # what Preferences or `newsdesk house set` do
    set_house_setting(store, "caption_style", "slash")
    store.close()
    assert checks() == ["credit_form"]
    done = run(data, "set", photo, "--house-form")
    assert done.returncode == 0 and "check:" not in done.stderr
    shown = json.loads(run(data, "show", photo, "--json").stdout)
    assert shown["caption"] == f"{AP_CAPTION} / AP" and shown["checks"] == []
    shown = json.loads(run(data, "show", photo, "--json", "--caption-style", "parentheses").stdout)
    assert [c["code"] for c in shown["checks"]] == ["credit_form"]

    bad = run(data, "list", "--caption-style", "dash")
    assert bad.returncode == 2 and "invalid choice: 'dash'" in bad.stderr
