"""Every desk readable in dark and in light, following a theme switch without a restart.

The whole window (reporter's desk with the preview, queue, ticker, photo desk,
sync desk) and its dialogs are shot in both themes into artifacts/theme/ for a
person to look at. Each shot is also measured: in dark, no light surface is left
(blocks of light pixels; the site's page in the preview and the photos are light
by design and masked); painted things (delegates, diffs, lights, icons) are read
off the pixels or the documents and must contrast with what they sit on.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QListView, QWidget
from theme_probe import contrast, ink_contrast, light_boxes, mean_lightness

REPORTER, QUEUE, TICKER, PHOTOS, SYNC = (
    "Reporter's desk",
    "Editors' queue",
    "Breaking ticker",
    "Photo desk",
    "Sync",
)
DESKS = (REPORTER, QUEUE, TICKER, PHOTOS, SYNC)
TICKER_LINES = (
    "Palestinian media: Crossing reopens to aid trucks after three-day closure",
    "Israeli media: Security cabinet to meet at 20:00 on ceasefire proposal",
)


@pytest.fixture
def newsroom_window(qtbot, tmp_path):
    """A real start on a new store (samples, photos), a queue of stories, the ticker, sync."""
    from gui_queue.queue_data import seed
    from newsdesk.app import attach_services, build_window
    from newsdesk.gui import tasks, theme
    from newsdesk.gui.preview.attach import attach_preview
    from newsdesk.gui.settings import Settings
    from newsdesk.services import ticker

    folder = tmp_path / "store"
    Settings(folder).set("firstrun/done", True)
    tasks.set_synchronous(True)
    theme.apply_theme("light")
    window = build_window(folder)
    window.ids = seed(window.store, tmp_path)
    for line in TICKER_LINES:
        ticker.publish_line(window.store, line, actor="Nadia Editor")
    attach_services(window)
    attach_preview(window)
    qtbot.addWidget(window)
    window.resize(1440, 860)
    window.show()
    qtbot.waitExposed(window)
    window.build_pending_desks()
    window.desk(QUEUE).reload(keep_id=window.ids["claimed"])
    window.desk(TICKER).line.setText("Israeli media: Army says sirens sounded in the north")
    photos = window.desk(PHOTOS)
    photos.view.setCurrentIndex(photos.model.index(0, 0))
    yield window
    theme.apply_theme("light")
    window.close()
    window.store.close()
    tasks.set_synchronous(False)


def _settle(qtbot, ms: int = 150) -> None:
    qtbot.wait(ms)
    QApplication.processEvents()


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _masks(window, desk: QWidget) -> list[QRect]:
    """What is light by design: the site's page in the preview, the photos themselves."""
    from newsdesk.gui.photodesk.delegate import THUMB, PhotoDelegate

    masks = []
    preview = window.preview if window is not None else None
    if preview is not None and preview.isVisible() and desk.isAncestorOf(preview):
        stage = preview.web.view if preview.web is not None else preview.fallback
        masks.append(_rect_in(stage, desk))
    for grid in desk.findChildren(QListView):
        if not isinstance(grid.itemDelegate(), PhotoDelegate):
            continue
        viewport = grid.viewport()
        for row in range(grid.model().rowCount()):
            cell = grid.visualRect(grid.model().index(row, 0)).adjusted(4, 4, -4, -4)
            thumb = QRect(cell.x() + (cell.width() - THUMB.width()) // 2, cell.y() + 6, 0, 0)
            thumb.setSize(THUMB)
            masks.append(QRect(viewport.mapTo(desk, thumb.topLeft()), thumb.size()))
    return masks


def _shoot(qtbot, window, desk_title: str, artifacts_dir, which: str) -> QImage:
    window.show_desk(desk_title)
    _settle(qtbot, 400 if desk_title == REPORTER else 150)
    folder = artifacts_dir / "theme"
    folder.mkdir(exist_ok=True)
    slug = re.sub(r"\W+", "-", desk_title.lower()).strip("-")
    window.grab().save(str(folder / f"{which}-{slug}.png"))
    return window.desk(desk_title).grab().toImage()


def _assert_dark(image: QImage, masks: list[QRect], what: str) -> None:
    boxes = light_boxes(image, masks)
    area = image.width() * image.height()
    light_area = sum(r.width() * r.height() for r in boxes)
    first = boxes[0] if boxes else None
    assert light_area <= 0.004 * area, (
        f"{what}: {len(boxes)} light blocks left in dark (first at "
        f"{first.x() if first else '-'},{first.y() if first else '-'})"
    )
    mean = mean_lightness(image, masks)
    assert mean < 0.3, f"{what}: mean lightness {mean:.2f}"


@pytest.mark.parametrize("which", ["dark", "light"])
def test_every_desk_in_both_themes(qtbot, newsroom_window, artifacts_dir, which):
    from newsdesk.gui import theme

    window = newsroom_window
    theme.apply_theme(which)
    for title in DESKS:
        image = _shoot(qtbot, window, title, artifacts_dir, which)
        desk = window.desk(title)
        if which == "dark":
            _assert_dark(image, _masks(window, desk), title)
        else:
            assert mean_lightness(image) > 0.75, title


def test_painted_things_contrast_in_dark(qtbot, newsroom_window, artifacts_dir):
    """Delegates, model colours, lights and inline HTML, each read where it is drawn."""
    from newsdesk.gui import theme
    from newsdesk.gui.articles.model import STATUS
    from newsdesk.gui.queue.model import HEADLINE, TIMING

    window = newsroom_window
    theme.apply_theme("dark")
    base = QApplication.palette().color(QPalette.ColorRole.Base)

    # Reporter's list: status words in their colours, on the list's paper.
    model = window.list_pane.model
    for row in range(model.rowCount()):
        brush = model.data(model.index(row, STATUS), Qt.ItemDataRole.ForegroundRole)
        if brush is not None:
            assert contrast(brush.color(), base) >= 4.0, model.data(model.index(row, STATUS))

    # Queue: the two-line headline cell (headline over a muted byline line), the countdown.
    window.show_desk(QUEUE)
    desk = window.desk(QUEUE)
    desk.table.clearSelection()
    desk.table.setCurrentIndex(desk.model.index(-1, -1))
    _settle(qtbot)
    shot = desk.table.viewport().grab().toImage()
    for row in range(desk.model.rowCount()):
        cell = desk.table.visualRect(desk.model.index(row, HEADLINE)).adjusted(8, 3, -8, -3)
        top, bottom = (
            cell.adjusted(0, 0, 0, -cell.height() // 2),
            cell.adjusted(0, cell.height() // 2, 0, 0),
        )
        assert ink_contrast(shot, top)[0] >= 7, f"queue headline row {row}"
        assert ink_contrast(shot, bottom)[0] >= 3.5, f"queue byline row {row}"
    embargoed = desk.model.row_of(window.ids["embargoed"])
    countdown = desk.model.data(desk.model.index(embargoed, TIMING), Qt.ItemDataRole.ForegroundRole)
    assert contrast(countdown.color(), base) >= 4.5

    # The story panel's checklist: red, amber, green lights and their words.
    panel = desk.panel
    panel.show_article(window.ids["no_tags"])
    for i in range(panel.checklist.count()):
        item = panel.checklist.item(i)
        assert contrast(item.foreground().color(), base) >= 4.0, item.text()

    # Ticker: time, attribution and line, drawn by its delegate.
    window.show_desk(TICKER)
    ticker_desk = window.desk(TICKER)
    ticker_desk.items.clearSelection()
    ticker_desk.items.setCurrentRow(-1)
    _settle(qtbot)
    shot = ticker_desk.items.viewport().grab().toImage()
    for row in range(ticker_desk.items.count()):
        rect = ticker_desk.items.visualItemRect(ticker_desk.items.item(row))
        time_part = QRect(rect.left() + 8, rect.top(), 40, rect.height())
        line_part = QRect(rect.left() + 60, rect.top(), 400, rect.height())
        assert ink_contrast(shot, time_part)[0] >= 3.5, "ticker time"
        assert ink_contrast(shot, line_part)[0] >= 7, "ticker line"
    for colour in re.findall(r"#[0-9a-fA-F]{6}", ticker_desk.checks.text()):
        assert contrast(colour, QApplication.palette().color(QPalette.ColorRole.Window)) >= 4.0

    # Photo desk: the caption and credit lines under each thumbnail, the cell's frame.
    window.show_desk(PHOTOS)
    photos = window.desk(PHOTOS)
    photos.view.clearSelection()
    _settle(qtbot)
    shot = photos.view.viewport().grab().toImage()
    cell = photos.view.visualRect(photos.model.index(0, 0)).adjusted(12, 160, -12, -8)
    assert ink_contrast(shot, cell)[0] >= 7, "photo caption"
    credit_line = QRect(cell.left(), cell.bottom() - 22, cell.width(), 22)
    assert ink_contrast(shot, credit_line)[0] >= 3.5, "photo credit"
    frame = shot.pixelColor(
        photos.view.visualRect(photos.model.index(0, 0)).adjusted(4, 4, 0, 0).topLeft()
        + QPoint(8, 0)
    )
    assert frame.lightnessF() < 0.45, f"photo cell frame {frame.name()}"

    # Format bar and toolbar icons: ink that reads on the bar.
    bar = window.editor.format_bar
    window.show_desk(REPORTER)
    _settle(qtbot)
    ratio, ink, paper = ink_contrast(bar.grab().toImage())
    assert paper.lightnessF() < 0.3 and ratio >= 7, (ink.name(), paper.name())


def _diff_formats(browser) -> list[tuple[QColor, QColor]]:
    """(text, background) of every run in the document with a background of its own."""
    found = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                found.append((fmt.foreground().color(), fmt.background().color()))
            it += 1
        block = block.next()
    return found


def test_compare_and_history_diffs_follow_the_theme(qtbot, newsroom_window, artifacts_dir):
    """Inserted and deleted words: dark tinted paper, light ink in dark; switched live."""
    from newsdesk.gui import theme
    from newsdesk.gui.compare.dialog import CompareDialog

    window = newsroom_window
    store = window.store
    article = store.articles.get(window.ids["no_tags"])
    article.headline = "Port talks resume in Doha after two-week strike"
    article.body = article.body.replace("three-day closure", "four-day closure", 1)
    store.articles.save(article, author="Nadia Editor")
    dialog = CompareDialog(store, article.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    folder = artifacts_dir / "theme"
    folder.mkdir(exist_ok=True)
    for which in ("dark", "light", "dark"):
        theme.apply_theme(which)  # with the dialog open
        _settle(qtbot)
        dialog.grab().save(str(folder / f"{which}-compare.png"))
        runs = _diff_formats(dialog.view)
        assert len(runs) >= 4  # the legend's two and at least one change of each kind
        for ink, paper in runs:
            assert contrast(ink, paper) >= 4.5, (ink.name(), paper.name())
            dark_paper = paper.lightnessF() < 0.35
            assert dark_paper == (which == "dark"), paper.name()
        image = dialog.view.viewport().grab().toImage()
        if which == "dark":
            _assert_dark(image, [], "compare dialog")
    dialog.close()

    window.list_pane.select_article(article.id)
    window.editor.body_edit.insertPlainText("Update: talks continue on Tuesday. ")
    window.session.save()
    window.actions_by_name["history"].trigger()
    history = window.history_dialog
    qtbot.waitUntil(lambda: history is not None and history.isVisible())
    history.revision_list.setCurrentRow(1)
    _settle(qtbot)
    history.grab().save(str(folder / "dark-history.png"))
    runs = _diff_formats(history.diff_view)
    assert runs and all(contrast(i, p) >= 4.5 and p.lightnessF() < 0.35 for i, p in runs)
    theme.apply_theme("light")
    _settle(qtbot)
    history.grab().save(str(folder / "light-history.png"))
    runs = _diff_formats(history.diff_view)
    assert runs and all(p.lightnessF() > 0.7 for _i, p in runs)
    history.close()


def test_switching_in_preferences_recolours_open_desks(qtbot, newsroom_window, artifacts_dir):
    """Preferences ▸ Theme: the open window and what its desks painted follow at once."""
    from newsdesk.gui import theme
    from newsdesk.gui.preferences import PreferencesDialog

    window = newsroom_window
    theme.follow(window.settings)
    window.show_desk(QUEUE)
    queue = window.desk(QUEUE)
    queue.table.clearSelection()
    _settle(qtbot)
    before = queue.grab().toImage()
    assert mean_lightness(before) > 0.75
    assert re.findall(r"#[0-9a-fA-F]{6}", queue.panel.claim_label.text())  # the stale claim

    for which in ("dark", "light", "dark"):
        dialog = PreferencesDialog(window.context, window)
        qtbot.addWidget(dialog)
        combo = dialog.fields["appearance/theme"]
        combo.setCurrentIndex(combo.findData(which))
        dialog.accept()
        _settle(qtbot)
        again = PreferencesDialog(window.context, window)  # as it looks in the new theme
        qtbot.addWidget(again)
        again.show()
        qtbot.waitExposed(again)
        shot = again.grab().toImage()
        shot.save(str(artifacts_dir / "theme" / f"{which}-preferences.png"))
        again.close()
        if which == "dark":
            _assert_dark(shot, [], "preferences")
        assert theme.current_theme() == which
        image = queue.grab().toImage()
        if which == "dark":
            _assert_dark(image, [], "queue after switching")
        else:
            assert mean_lightness(image) > 0.75
        # What was painted with the old theme's colours now has the new one's.
        headline = queue.table.visualRect(queue.model.index(0, 1)).adjusted(8, 3, -8, -20)
        ratio, ink, paper = ink_contrast(queue.table.viewport().grab().toImage(), headline)
        assert ratio >= 7 and (paper.lightnessF() < 0.3) == (which == "dark"), ink.name()
        for colour in re.findall(r"#[0-9a-fA-F]{6}", queue.panel.claim_label.text()):
            assert (QColor(colour).lightnessF() > 0.5) == (which == "dark"), colour
        icon = window.editor.format_bar.grab().toImage()
        ratio, ink, paper = ink_contrast(icon)
        assert ratio >= 7 and (ink.lightnessF() > 0.5) == (which == "dark"), ink.name()


def test_first_run_and_dialogs_in_both_themes(qtbot, newsroom_window, artifacts_dir):
    from newsdesk.gui import firstrun, theme
    from newsdesk.gui.sync.site_dialog import SiteDialog

    window = newsroom_window
    folder = artifacts_dir / "theme"
    folder.mkdir(exist_ok=True)
    for which in ("dark", "light"):
        theme.apply_theme(which)
        guide = firstrun.show_guide(window)
        qtbot.waitExposed(guide)
        guide.who.name.setText("Layla Haddad")
        guide.who.role_buttons["reporter"].click()
        _settle(qtbot)
        image = guide.grab().toImage()
        image.save(str(folder / f"{which}-first-run.png"))
        guide.next()
        _settle(qtbot)
        guide.grab().save(str(folder / f"{which}-first-run-2.png"))
        guide.next()
        _settle(qtbot)
        publish = guide.grab().toImage()
        publish.save(str(folder / f"{which}-first-run-3.png"))
        guide.button(guide.SKIP).click()
        site = SiteDialog(window.context, window)
        qtbot.addWidget(site)
        site.show()
        qtbot.waitExposed(site)
        site_image = site.grab().toImage()
        site_image.save(str(folder / f"{which}-site-dialog.png"))
        site.close()
        if which == "dark":
            for name, shot in (
                ("first run", image),
                ("publish page", publish),
                ("site", site_image),
            ):
                _assert_dark(shot, [], name)
        else:
            assert mean_lightness(image) > 0.7


def test_other_dialogs_in_dark(qtbot, newsroom_window, artifacts_dir):
    """The dialogs the desks open: taxonomy, shortcuts, about, notes, scheduling, photos."""
    from newsdesk.gui import help as help_pages
    from newsdesk.gui import theme
    from newsdesk.gui.photodesk.batch import BatchCaptionDialog
    from newsdesk.gui.photodesk.picker import PhotoPickerDialog
    from newsdesk.gui.queue.dialogs import NoteDialog, ScheduleDialog
    from newsdesk.gui.taxonomy_dialog import TaxonomyDialog

    window = newsroom_window
    store = window.store
    theme.apply_theme("dark")
    photos = [store.photos.get(row[0]) for row in store.conn.execute("SELECT id FROM photos")]
    dialogs = {
        "taxonomy": TaxonomyDialog(window.context, window),
        "shortcuts": help_pages.show_shortcuts(window),
        "about": help_pages.show_about(window, store.folder),
        "note": NoteDialog("Return to reporter", "Why does it go back?", window),
        "schedule": ScheduleDialog("Central bank holds rates", None, window),
        "batch-caption": BatchCaptionDialog(photos[:2], window),
        "photo-picker": PhotoPickerDialog(store, parent=window),
    }
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        _settle(qtbot, 100)
        image = dialog.grab().toImage()
        image.save(str(artifacts_dir / "theme" / f"dark-{name}.png"))
        _assert_dark(image, _masks(None, dialog), name)  # the photos masked
        dialog.close()


def test_preview_fallback_banner_follows_the_theme(qtbot, store, artifacts_dir):
    """The simple preview's notice is app chrome (themed); its page stays the site's paper."""
    from newsdesk.domain.article import Article
    from newsdesk.gui import theme
    from newsdesk.gui.preview.pane import PreviewPane

    article = store.articles.create(
        Article(headline="Port talks resume", standfirst="Both sides said the gap had narrowed.",
                body="Negotiators returned to the table on Friday.", section="News")
    )  # fmt: skip
    pane = PreviewPane(store, use_webengine=False, debounce_ms=0)
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    pane.show_article(article)
    pane.render_now()
    qtbot.waitUntil(lambda: pane.last_page is not None, timeout=10_000)
    try:
        for which in ("dark", "light", "dark"):
            theme.apply_theme(which)
            _settle(qtbot)
            pane.grab().save(str(artifacts_dir / "theme" / f"{which}-preview-fallback.png"))
            ratio, _ink, paper = ink_contrast(pane.notice.grab().toImage())
            assert ratio >= 4.5
            assert (paper.lightnessF() < 0.35) == (which == "dark"), paper.name()
            # The page is the site's: light paper, dark ink, in either theme.
            ratio, ink, paper = ink_contrast(pane.fallback.viewport().grab().toImage())
            assert paper.lightnessF() > 0.9 and ratio >= 7, (ink.name(), paper.name())
    finally:
        theme.apply_theme("light")


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is in tests/system-packages.txt"
)
def test_real_start_in_dark_under_xvfb(tmp_path, artifacts_dir):
    """Preferences ▸ Theme ▸ Dark, then a real start (X window, the web preview beside)."""
    shots = artifacts_dir / "xvfb-dark"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable,
         str(Path(__file__).parent / "dark_session.py"), str(tmp_path / "store"), str(shots)],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb" and report["theme"] == "dark"
    for path in report["shots"]:
        image = QImage(path)
        # The desks' side (the preview's page on the right is the site's, light by design).
        left = image.copy(0, 0, image.width() * 2 // 3, image.height())
        _assert_dark(left, [], Path(path).name)


def test_markdown_colours_follow_without_counting_as_an_edit(qtbot, newsroom_window):
    """A theme switch re-colours sub-heads and links, in a bare body edit too, silently."""
    from newsdesk.gui import theme
    from newsdesk.gui.editor.markdown_edit import MarkdownEdit

    bare = MarkdownEdit()
    qtbot.addWidget(bare)
    bare.setPlainText("## Sub-head\n\nSee [the report](https://example.org).")
    edits: list[object] = []
    window = newsroom_window
    window.editor.contentChanged.connect(lambda *args: edits.append(args))
    for which, light_ink in (("dark", True), ("light", False)):
        theme.apply_theme(which)
        _settle(qtbot, 50)
        for highlighter in (bare.highlighter, window.editor.body_edit.highlighter):
            for name in ("heading", "link"):
                ink = getattr(highlighter, name).foreground().color()
                assert (ink.lightnessF() > 0.6) == light_ink, (which, name, ink.name())
    assert edits == []  # not "unsaved", no autosave, no preview render


def test_sync_dots_follow_the_theme(qtbot, store):
    """The list's sync-state dots: light-theme colours on light, their dark twins on dark."""
    from PySide6.QtCore import QSize

    from newsdesk.domain.article import Article
    from newsdesk.gui import theme
    from newsdesk.gui.articles.model import STATUS, ArticleListModel
    from newsdesk.store.sites import Site
    from newsdesk.store.sync_state import RemotePost

    site = store.sites.add(Site(name="english", url="http://127.0.0.1:9", username="amal"))
    clash = store.articles.create(Article(headline="Edited on the web too"))
    store.sync.save_remote_post(
        RemotePost(article_id=clash.id, site_id=site.id, marker="m", remote_id=12, state="conflict")
    )
    model = ArticleListModel(store)
    model.refresh()
    index = model.index(model.row_of(clash.id), STATUS)
    try:
        for which in ("light", "dark"):
            theme.apply_theme(which)
            dot = model.data(index, Qt.ItemDataRole.DecorationRole).pixmap(QSize(10, 10))
            centre = dot.toImage().pixelColor(5, 5)
            paper = QApplication.palette().color(QPalette.ColorRole.Base)
            assert centre.name() == theme.colour("#dc2626")
            assert contrast(centre, paper) >= 3.0, (which, centre.name(), paper.name())
    finally:
        theme.apply_theme("light")
