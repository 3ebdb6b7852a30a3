"""Articles in and out as files from the window: File ▸ Import… (Ctrl+O), Export… (Ctrl+E),
files dropped on the list, and `newsdesk FILE…` as the desktop entry's `%F` runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from guikeys import press
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from windows import shown_window

STANDARDS = Path(__file__).parents[1] / "standards"
STORY = """---
headline: Dockers end strike at Alexandria port
standfirst: Cranes moved again on Tuesday after a week.
edition: en
section: news
tags: [Egypt]
byline: Amal Saeed
---
Work resumed at **dawn**.
"""


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        win.settings.set("user/name", "Amal Saeed")
        yield win


def choose(qtbot, dialog, path):
    """Type the file's path in the dialog's name box and press Enter, as a person would."""
    name_box = dialog.findChild(QLineEdit, "fileNameEdit")
    name_box.setFocus()
    name_box.setText(str(path))
    qtbot.keyClick(name_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def headlines(window):
    return {row[0] for row in window.store.conn.execute("SELECT headline FROM articles")}


def test_import_by_menu_opens_the_story(qtbot, window, tmp_path):
    (tmp_path / "strike.md").write_text(STORY, encoding="utf-8")
    press(qtbot, window.list_pane.table, "Ctrl+O")
    dialog = window.transfer.dialog
    qtbot.waitUntil(dialog.isVisible)
    choose(qtbot, dialog, tmp_path / "strike.md")
    qtbot.waitUntil(
        lambda: window.editor.article().headline == "Dockers end strike at Alexandria port"
    )
    assert "Imported 1 article(s): 1 new" in window.statusBar().currentMessage()
    assert window.list_pane.model.row_of(window.editor.article_id) >= 0


def test_a_broken_file_imports_nothing_and_says_which(qtbot, window, tmp_path):
    good, broken = tmp_path / "good.md", tmp_path / "broken.md"
    good.write_text(STORY, encoding="utf-8")
    broken.write_text("---\nheadline: [unclosed\n---\nbody", encoding="utf-8")
    before = headlines(window)
    assert window.transfer.import_paths([good, broken]) == []
    box = window.transfer.problem_box
    qtbot.waitUntil(box.isVisible)
    assert "broken.md" in box.text() and "YAML" in box.text()
    assert headlines(window) == before


def drag(viewport, names, folder):
    """A drag over the list (enter) and, if the list takes it, the drop: as Qt delivers them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / n)) for n in names])
    where, copy = QPoint(20, 20), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where, copy, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(where.toPointF(), copy, mime, buttons, keys)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_dropping_files_on_the_list_imports_them(qtbot, window, tmp_path):
    (tmp_path / "strike.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"not an article")
    viewport = window.list_pane.table.viewport()
    assert not drag(viewport, ["photo.jpg"], tmp_path)  # not an article: refused
    assert "Dockers end strike at Alexandria port" not in headlines(window)
    assert drag(viewport, ["strike.md", "photo.jpg"], tmp_path)
    assert "Dockers end strike at Alexandria port" in headlines(window)


@pytest.mark.parametrize("name", ["strike.md", "strike.json"])
def test_export_by_key_writes_markdown_or_ninjs(qtbot, window, tmp_path, name):
    (tmp_path / "in.md").write_text(STORY, encoding="utf-8")
    [story] = window.transfer.import_paths([tmp_path / "in.md"])
    press(qtbot, window.editor.body_edit, "Ctrl+E")
    dialog = window.transfer.dialog
    qtbot.waitUntil(dialog.isVisible)
    target = tmp_path / "out" / name
    target.parent.mkdir()
    choose(qtbot, dialog, target)
    qtbot.waitUntil(target.exists)
    text = target.read_text(encoding="utf-8")
    if name.endswith(".json"):
        item = json.loads(text)
        jsonschema.validate(item, json.loads((STANDARDS / "ninjs-schema_3.1.json").read_text()))
        assert item["headlines"][0]["value"] == "Dockers end strike at Alexandria port"
        bodies = {b["contentType"]: b["value"] for b in item["bodies"]}
        assert "<strong>dawn</strong>" in bodies["text/html"]
    else:
        assert text.startswith("---\n") and "Work resumed at **dawn**." in text
    assert window.store.articles.get(story).headline in text


def test_export_to_a_folder_that_cannot_be_written_says_so(qtbot, window, tmp_path):
    (tmp_path / "in.md").write_text(STORY, encoding="utf-8")
    [story] = window.transfer.import_paths([tmp_path / "in.md"])
    assert not window.transfer.export_to(story, tmp_path / "missing" / "x.md")
    qtbot.waitUntil(window.transfer.problem_box.isVisible)
    assert "missing" in window.transfer.problem_box.text()


def test_the_desktop_opening_a_file_imports_it(tmp_path):
    """`Exec=newsdesk %F`: the window starts on the store and the file is in it."""
    story = tmp_path / "strike.md"
    story.write_text(STORY, encoding="utf-8")
    data = tmp_path / "data"
    env = {**os.environ, "NEWSDESK_SMOKE_TEST": "1", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), str(story)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), "list", "--json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "Dockers end strike at Alexandria port" in {
        a["headline"] for a in json.loads(listed.stdout)
    }


def test_files_to_open_leaves_commands_their_arguments():
    from newsdesk.cli import files_to_open

    assert files_to_open(["import", __file__], ["import"]) == (["import", __file__], [])
    md = str(Path(__file__).parents[1] / "standards" / "NOTICE.md")
    assert files_to_open(["--data-dir", "/x", md], ["import"]) == (["--data-dir", "/x"], [md])
    assert files_to_open(["--data-dir", "/x", "missing.md"], ["import"])[1] == []
