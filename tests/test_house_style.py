"""The caption house style beside the store: every store opened on the folder reads it
(the window's, the sync worker's, the command line's), so the pre-publish checklist,
`newsdesk check` and the editors' queue follow Preferences without the photo desk."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.ops.workflow import transition as move
from newsdesk.services.editorial import ChecklistFailed, check_article
from newsdesk.store import open_store
from newsdesk.store.house import CAPTION_STYLE_SETTING, SETTINGS_FILE

PARENTHESES_CAPTION = "Soldiers patrol the southern border on Monday. (AP)"
SLASH_CAPTION = "Soldiers patrol the southern border on Monday. / AP"


def write_style(folder: Path, value: str) -> None:
    """What Preferences writes (QSettings, INI), without Qt: `[photos] caption_style=`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SETTINGS_FILE).write_text(f"[photos]\ncaption_style={value}\n", encoding="utf-8")


def add_photo(store, folder: Path, caption: str):
    from PIL import Image

    from newsdesk.photos.importer import import_files

    path = folder / "border.jpg"
    Image.new("RGB", (320, 200), (90, 120, 60)).save(path, "JPEG")
    [photo] = import_files(store, [path], workers=1).photos
    return store.photos.update(
        photo.id, caption=caption, credit="AP", alt_text="Two soldiers walk beside a fence"
    )


def news_story(store, photo_id: int) -> Article:
    """A News story that passes every rule; only the lead photo's caption is in question."""
    article = Article(
        headline="Border patrols resume",
        standfirst="Soldiers returned to the southern border on Monday.",
        body="word " * 200,
        section="News",
        tags=["Lebanon"],
        byline="Amal",
        sources=[Source("AP", kind="news agency", attribution=True)],
        lead_photo_id=photo_id,
    )
    return store.articles.create(article, author="amal")


def lead_photo_rule(store, article):
    [rule] = [r for r in check_article(store, article) if r.rule == "lead_photo"]
    return rule


@pytest.fixture
def captioned(tmp_path):
    """A store folder holding a News story whose lead photo closes "(AP)"."""
    data = tmp_path / "data"
    store = open_store(data)
    photo = add_photo(store, tmp_path, PARENTHESES_CAPTION)
    article = news_story(store, photo.id)
    store.close()
    return data, article.id, photo.id


def test_a_store_opens_in_the_style_written_beside_it(tmp_path):
    data = tmp_path / "data"
    with_nothing = open_store(data)
    assert with_nothing.photos.caption_style == "parentheses"
    with_nothing.close()
    write_style(data, "slash")
    store = open_store(data)
    assert store.photos.caption_style == "slash"
    store.close()
    write_style(data, '"Parentheses"')  # QSettings may quote a value; case as typed by hand
    store = open_store(data)
    assert store.photos.caption_style == "parentheses"
    store.close()


def test_the_file_preferences_write_is_read_without_qt(tmp_path):
    from newsdesk.gui.settings import Settings

    data = tmp_path / "data"
    settings = Settings(data)
    settings.set("firstrun/done", True)
    settings.set_window_state("geometry", b"\x01\x02%\x00")  # @ByteArray with escapes
    settings.set(CAPTION_STYLE_SETTING, "slash")
    store = open_store(data)
    assert store.photos.caption_style == "slash"
    store.close()


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("[photos]\ncaption_style=dashes\n", "caption style 'dashes' is not one of"),
        ("caption_style=slash\n", "File contains no section headers"),
        (b"[photos]\ncaption_style=\xff\xfe\n", "can't decode"),
    ],
)
def test_a_broken_file_or_value_is_named_and_the_default_used(tmp_path, caplog, content, named):
    data = tmp_path / "data"
    data.mkdir()
    path = data / SETTINGS_FILE
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="newsdesk.store.house"):
        first, again = open_store(data), open_store(data)
    assert first.photos.caption_style == again.photos.caption_style == "parentheses"
    [warning] = caplog.records  # once, not at every open (sync opens a store each round)
    assert str(path) in warning.getMessage() and CAPTION_STYLE_SETTING in warning.getMessage()
    assert named in warning.getMessage() and "Using parentheses." in warning.getMessage()
    assert path.read_bytes() == (content if isinstance(content, bytes) else content.encode())
    first.close()
    again.close()


def test_the_checklist_judges_the_lead_photo_in_the_house_style(captioned):
    data, article_id, photo_id = captioned
    store = open_store(data)
    article = store.articles.get(article_id)
    assert lead_photo_rule(store, article).ok
    store.close()

    write_style(data, "slash")
    store = open_store(data)  # e.g. the sync worker's, or the command line's
    rule = lead_photo_rule(store, article)
    assert not rule.ok and rule.blocks
    assert 'the house style is "/ AP"' in rule.message
    move(store, article_id, "submit", actor="amal", role="reporter")
    move(store, article_id, "approve", actor="ed", role="editor")
    with pytest.raises(ChecklistFailed, match="house style"):
        move(store, article_id, "publish", actor="ed", role="editor")
    store.photos.update(photo_id, caption=SLASH_CAPTION)
    assert lead_photo_rule(store, store.articles.get(article_id)).ok
    move(store, article_id, "publish", actor="ed", role="editor")
    assert store.articles.get(article_id).status == "published"
    store.close()


def check(data: Path, article_id: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), "check", str(article_id)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_newsdesk_check_follows_the_style_beside_the_store(captioned):
    data, article_id, _photo_id = captioned
    done = check(data, article_id)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Ready to publish." in done.stdout

    write_style(data, "slash")
    done = check(data, article_id)
    assert done.returncode == 1
    assert "FAIL  lead_photo" in done.stdout and 'house style is "/ AP"' in done.stdout

    write_style(data, "dashes")  # broken: named, and the default (parentheses) used
    done = check(data, article_id)
    assert done.returncode == 0, done.stdout
    assert f"{data / SETTINGS_FILE}: photos/caption_style: caption style 'dashes'" in done.stderr


def test_the_editors_checklist_follows_preferences_before_the_photo_desk_is_built(qtbot, captioned):
    from newsdesk.app import build_window
    from newsdesk.gui import tasks
    from newsdesk.gui.settings import Settings

    data, article_id, _photo_id = captioned
    Settings(data).set("firstrun/done", True)
    tasks.set_synchronous(True)
    window = build_window(data)
    qtbot.addWidget(window)
    try:
        queue = window.desk("Editors' queue")
        queue.panel.show_article(article_id)

        def lead_line():
            lines = [queue.panel.checklist.item(i) for i in range(queue.panel.checklist.count())]
            [line] = [item for item in lines if item.toolTip().startswith("lead_photo")]
            return line.text()

        assert lead_line() == "Lead photo has caption, credit and alt text."
        photo_desk_row = [
            row
            for row in range(window.desk_bar.count())
            if window.desk_bar.item(row).text() == "Photo desk"
        ][0]
        assert photo_desk_row in window._pending_desks  # the photo desk is not built

        window.store.conn.execute("UPDATE outbox SET state = 'done'")  # as if pushed
        window.settings.set(CAPTION_STYLE_SETTING, "slash")  # what Preferences does
        assert window.store.photos.caption_style == "slash"
        # The story shows a photo: it goes out again, so the site follows the style.
        assert [e.article_id for e in window.store.outbox.pending()] == [article_id]
        assert 'the house style is "/ AP"' in lead_line()
        assert photo_desk_row in window._pending_desks
        worker = open_store(data)  # the sync worker opens its own store on the folder
        assert worker.photos.caption_style == "slash"
        worker.close()

        window.settings.set(CAPTION_STYLE_SETTING, "parentheses")
        assert lead_line() == "Lead photo has caption, credit and alt text."
    finally:
        window.close()
        window.store.close()
        tasks.set_synchronous(False)


def test_check_json_names_the_rule(captioned):
    data, article_id, _photo_id = captioned
    write_style(data, "slash")
    done = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), "check", str(article_id)]
        + ["--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    rules = {r["rule"]: r for r in json.loads(done.stdout)["rules"]}
    assert rules["lead_photo"]["ok"] is False and "/ AP" in rules["lead_photo"]["message"]
