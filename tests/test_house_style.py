"""The newsroom's house settings live in the store: every store opened on the database
(the window's, the sync worker's, the command line's) reads the same caption style,
reading speed and word list, so the pre-publish checklist, `newsdesk check` and the
editors' queue follow one choice. A store from before keeps what settings.ini held."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.ops import Changes
from newsdesk.ops.house import add_house_word, remove_house_word, set_house_setting, set_house_words
from newsdesk.ops.workflow import transition as move
from newsdesk.services.editorial import ChecklistFailed, check_article
from newsdesk.store import migrations, open_store

PARENTHESES_CAPTION = "Soldiers patrol the southern border on Monday. (AP)"
SLASH_CAPTION = "Soldiers patrol the southern border on Monday. / AP"


def write_style(folder: Path, value: str) -> None:
    """What `newsdesk house set caption_style` or Preferences do: the house operation."""
    store = open_store(folder)
    try:
        set_house_setting(store, "caption_style", value)
    finally:
        store.close()


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


def test_a_store_opens_in_its_house_style(tmp_path):
    data = tmp_path / "data"
    with_nothing = open_store(data)
    assert with_nothing.photos.caption_style == "parentheses"
    assert with_nothing.house.words_per_minute == 170
    with_nothing.close()
    write_style(data, " Slash ")  # as typed by hand
    store = open_store(data)
    assert store.photos.caption_style == "slash"
    assert store.house.get("caption_style") == "slash"
    store.close()


def test_each_house_operation_says_what_changed(tmp_path):
    store = open_store(tmp_path / "data")
    assert set_house_setting(store, "caption_style", "slash") == Changes(settings=True)
    assert set_house_setting(store, "caption_style", "slash") == Changes(), "no change, no news"
    assert set_house_setting(store, "words_per_minute", "230") == Changes(settings=True)
    assert store.house.words_per_minute == 230
    assert add_house_word(store, "Dahiyeh") == Changes(settings=True)
    assert add_house_word(store, "dahiyeh") == Changes(), "the list ignores case"
    assert store.photos.spell.is_known("Dahiyeh")
    assert set_house_words(store, ["Dahiyeh", "Qalandia"]) == Changes(settings=True)
    assert store.house.words() == ["Dahiyeh", "Qalandia"]
    assert remove_house_word(store, "Qalandia") == Changes(settings=True)
    assert remove_house_word(store, "Qalandia") == Changes()
    assert store.house.words() == ["Dahiyeh"]
    for key, value, named in (
        ("caption_style", "dashes", "caption style 'dashes' is not one of"),
        ("words_per_minute", "fast", "not a whole number"),
        ("words_per_minute", "5", "outside 60–600"),
        ("page_colour", "red", "no house setting 'page_colour'"),
    ):
        with pytest.raises(ValueError, match=named):
            set_house_setting(store, key, value)
    assert store.house.values() == {"caption_style": "slash", "words_per_minute": "230"}
    store.close()


def _schema_8_store_with(folder: Path, ini: str | bytes, words: str = "") -> None:
    """A store as the previous version left it, with Preferences' file beside it."""
    store = open_store(folder, migrate=False)
    migrations.upgrade(store, target=8)
    store.articles.create(Article(headline="Kept across the upgrade"), author="amal")
    store.close()
    path = folder / "settings.ini"
    path.write_bytes(ini if isinstance(ini, bytes) else ini.encode("utf-8"))
    if words:
        (folder / "house-words.txt").write_text(words, encoding="utf-8")


def test_migration_9_carries_the_settings_ini_values_over_once(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    # As QSettings writes it: other groups, a @ByteArray with escapes, a quoted value.
    _schema_8_store_with(
        data,
        "[General]\nfirstrun%2Fdone=true\n[window]\ngeometry=@ByteArray(\\x1\\x2%)\n"
        '[photos]\ncaption_style="Slash"\n[editor]\nwords_per_minute=240\nheadline_limit=90\n',
        words="# the desk's names\nDahiyeh\n\nQalandia\n",
    )
    store = open_store(data)
    assert store.schema_version == migrations.LATEST
    assert store.house.values() == {"caption_style": "slash", "words_per_minute": "240"}
    assert store.house.words() == ["Dahiyeh", "Qalandia"]
    assert store.photos.caption_style == "slash"
    assert store.photos.spell.is_known("Qalandia")
    assert [a["headline"] for a in store.articles.summaries()] == ["Kept across the upgrade"]
    store.close()
    # Once: the store is now where the choice lives; the old file is no longer read.
    (data / "settings.ini").write_text("[photos]\ncaption_style=parentheses\n", "utf-8")
    again = open_store(data)
    assert again.photos.caption_style == "slash"
    again.close()


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ("[photos]\ncaption_style=dashes\n", "caption style 'dashes' is not one of"),
        ("caption_style=slash\n", "File contains no section headers"),
        (b"[photos]\ncaption_style=\xff\xfe\n", "can't decode"),
    ],
)
def test_migration_9_names_a_broken_file_or_value_and_starts_from_the_default(
    tmp_path, caplog, content, named
):
    data = tmp_path / "data"
    data.mkdir()
    _schema_8_store_with(data, content)
    with caplog.at_level(logging.WARNING, logger="newsdesk.store.migrations"):
        store = open_store(data)
    assert store.schema_version == migrations.LATEST
    assert store.photos.caption_style == "parentheses"
    [warning] = caplog.records
    assert str(data / "settings.ini") in warning.getMessage() and named in warning.getMessage()
    raw = content if isinstance(content, bytes) else content.encode()
    assert (data / "settings.ini").read_bytes() == raw, "the file is left as it was"
    store.close()


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


def newsdesk(data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_newsdesk_check_follows_the_house_style_set_from_the_command_line(captioned):
    data, article_id, _photo_id = captioned
    done = check(data, article_id)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Ready to publish." in done.stdout

    done = newsdesk(data, "house", "set", "caption_style", "slash")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "caption_style = slash"
    done = check(data, article_id)
    assert done.returncode == 1
    assert "FAIL  lead_photo" in done.stdout and 'house style is "/ AP"' in done.stdout

    done = newsdesk(data, "house", "set", "caption_style", "dashes")  # refused in one line
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "newsdesk: caption style 'dashes' is not one of parentheses, slash."
    )
    assert json.loads(newsdesk(data, "house", "show", "--json").stdout)["caption_style"] == "slash"


def test_house_verbs_show_set_and_the_word_list(tmp_path):
    data = tmp_path / "data"
    shown = newsdesk(data, "house", "show")
    assert shown.returncode == 0, shown.stderr
    assert "caption_style = parentheses" in shown.stdout
    assert "words_per_minute = 170" in shown.stdout and "house_words = (none)" in shown.stdout
    assert newsdesk(data, "house", "set", "words_per_minute", "200").returncode == 0
    assert newsdesk(data, "house", "set", "words_per_minute", "200").stdout.strip() == (
        "words_per_minute = 200 (unchanged)"
    )
    assert newsdesk(data, "house", "add-word", "Dahiyeh").stdout.strip() == "Dahiyeh: added."
    gone = newsdesk(data, "house", "remove-word", "Jenin")
    assert gone.returncode == 1
    assert gone.stderr.strip() == "newsdesk: 'Jenin' is not on the house word list."
    bad = newsdesk(data, "house", "set", "colour", "red")
    assert bad.returncode == 2 and "invalid choice: 'colour'" in bad.stderr
    assert json.loads(newsdesk(data, "house", "show", "--json").stdout) == {
        "caption_style": "parentheses",
        "words_per_minute": "200",
        "house_words": ["Dahiyeh"],
    }


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
        # What Preferences does: the house operation, announced to the window.
        window.announce(set_house_setting(window.store, "caption_style", "slash"))
        assert window.store.photos.caption_style == "slash"
        # The story shows a photo: it goes out again, so the site follows the style.
        assert [e.article_id for e in window.store.outbox.pending()] == [article_id]
        assert 'the house style is "/ AP"' in lead_line()
        assert photo_desk_row in window._pending_desks
        worker = open_store(data)  # the sync worker opens its own store on the folder
        assert worker.photos.caption_style == "slash"
        worker.close()

        window.announce(set_house_setting(window.store, "caption_style", "parentheses"))
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
