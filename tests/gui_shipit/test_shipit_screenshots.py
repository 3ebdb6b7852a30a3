"""Screenshots for a person to look at: misspellings in three languages, dark theme, the guide."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter
from shipit_keys import all_underlined, commit_text, type_keys

WAIT_MS = 30_000
TEXTS = {
    "en": (
        "Port talks resume after a week of delay",
        "Negotiators returned to the table on Friday, and both sides said the gap had narowed.",
        "The goverment said the agreement would be published on Monday. Officials from the "
        "port authority described the talks as constructive, but a union spokesman warned "
        "that workers had not been consulted on the new shedule.\n\n## What comes next\n\n"
        "Trucks held at the crossing since last month are expected to move first. ",
    ),
    "es": (
        "Jornada de votación tranquila en la capital",
        "Los colegios electorales abrieron a las ocho con largas colas desde primera hora.",
        "El gobierno anunció que los resultados se conoserán antes de la medianoche. Los "
        "observadores internacionales destacaron la participasión de los jóvenes y la calma "
        "en las calles del centro. ",
    ),
    "ar": (
        "مفاوضات جديدة حول تقاسم مياه النهر",
        "عادت الوفود إلى طاولة الحوار بعد أشهر من الجمود.",
        "قالت الحكومه إن المياة ستعود إلى المدينة غدا، وأضافت أن الفرق الفنية تعمل منذ الصباح؛ "
        "هل تكفي الخطة؟ يقول الخبراء إن الاتفاق يحتاج إلى آلية واضحة لتبادل البيانات. ",
    ),
}
EXPECTED = {
    "en": {"goverment", "shedule"},
    "es": {"conoserán", "participasión"},
    "ar": {"الحكومه", "المياة"},
}


def _write(window, edition):
    editor = window.editor
    window.new_article()
    editor.edition_combo.setCurrentIndex(editor.edition_combo.findData(edition))
    headline, standfirst, body = TEXTS[edition]
    typer = commit_text if edition == "ar" else type_keys
    editor.headline_edit.setFocus()
    typer(editor.headline_edit, headline)
    editor.standfirst_edit.setFocus()
    typer(editor.standfirst_edit, standfirst)
    editor.body_edit.setFocus()
    for number, paragraph in enumerate(body.split("\n\n")):
        if number:
            editor.body_edit.textCursor().insertText("\n\n")
        typer(editor.body_edit, paragraph)


def _stack(images: list[QImage]) -> QImage:
    width = max(i.width() for i in images)
    height = sum(i.height() for i in images) + 6 * (len(images) - 1)
    out = QImage(width, height, QImage.Format.Format_RGB32)
    out.fill(0xD0D5DB)
    painter = QPainter(out)
    y = 0
    for image in images:
        painter.drawImage(0, y, image)
        y += image.height() + 6
    painter.end()
    return out


def test_misspellings_in_three_languages_screenshot(qtbot, shipit_window, artifacts_dir):
    window = shipit_window
    window.resize(1500, 760)
    window.reporter_splitter.setSizes([260, 1140])
    shots = []
    for edition in ("en", "ar", "es"):
        _write(window, edition)
        body = window.editor.body_edit
        qtbot.waitUntil(
            lambda e=edition, b=body: EXPECTED[e] <= set(all_underlined(b)), timeout=WAIT_MS
        )
        assert set(all_underlined(body)) == EXPECTED[edition]
        shot = window.editor.main_column.grab()
        shot.save(str(artifacts_dir / f"spelling-{edition}.png"))
        shots.append(shot.toImage().copy(0, 0, shot.width(), min(shot.height(), 300)))
    _stack(shots).save(str(artifacts_dir / "spelling.png"))


def test_dark_theme_screenshots(qtbot, shipit_window, artifacts_dir):
    from newsdesk.gui import theme
    from newsdesk.gui.preferences import PreferencesDialog

    try:
        theme.apply_theme("dark")
        _write(shipit_window, "en")
        body = shipit_window.editor.body_edit
        qtbot.waitUntil(lambda: EXPECTED["en"] <= set(all_underlined(body)), timeout=WAIT_MS)
        shipit_window.grab().save(str(artifacts_dir / "dark-theme.png"))
        dialog = PreferencesDialog(shipit_window.context, shipit_window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(artifacts_dir / "dark-preferences.png"))
        # The sub-heading colour was swapped for one that reads on dark paper.
        heading = shipit_window.editor.body_edit.highlighter.heading
        assert heading.foreground().color().lightnessF() > 0.6
    finally:
        theme.apply_theme("light")
    assert (
        shipit_window.editor.body_edit.highlighter.heading.foreground().color().lightnessF() < 0.4
    )


def test_first_run_screenshot(qtbot, tmp_path, artifacts_dir):
    from newsdesk.app import build_window
    from newsdesk.gui.firstrun import greet

    window = build_window(tmp_path / "fresh")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    guide = greet(window)
    qtbot.waitExposed(guide)
    guide.who.name.setText("Layla Haddad")
    guide.who.role_buttons["reporter"].click()
    assert guide.who.role_buttons["reporter"].isChecked()
    assert guide.grab().save(str(artifacts_dir / "first-run.png"))
    guide.button(guide.SKIP).click()
    qtbot.waitUntil(lambda: not guide.isVisible())
    window.close()
    window.store.close()
