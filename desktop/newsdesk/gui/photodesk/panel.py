"""The edit panel: one photo's caption fields, live checks with byte counts, save through undo."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QListWidgetItem,
    QWidget,
)

from ...domain.captions import IIM_LIMITS, Caption, house_form, utf8_len
from ...domain.embargo import embargo_label, normalise_embargo, under_embargo
from ...domain.photo import CaptionState, Photo
from ...store import Store
from ...ui.photo_edit_panel_ui import Ui_PhotoEditPanel
from .. import theme
from ..tasks import run_task
from .dictionaries import when_dictionaries_ready
from .style import house_tooltip

FIELD_LABELS = {
    "caption": "Caption",
    "credit": "Credit",
    "alt_text": "Alt text",
    "rights_expiry": "Rights",
    "embargo_until": "Embargo",
}
LOCATION_HELP = (
    "Sites get a copy without the camera's GPS position, serial numbers or owner name. "
    "Tick only when the place is the news: anyone can then read the position."
)
LINE_FIELDS = (
    ("headline", "Headline"),
    ("credit", "Credit"),
    ("creator", "Creator"),
    ("source", "Source"),
    ("copyright", "Copyright"),
    ("city", "City"),
    ("country", "Country"),
    ("event", "Event"),
    ("date_created", "Date taken"),
    ("usage_terms", "Usage terms"),
    ("rights_expiry", "Rights expire"),
    ("embargo_until", "Embargoed until"),
)


class PhotoEditPanel(QWidget):
    """Emits `saveRequested(photo_id, changes)`; the desk turns it into an undo command."""

    saveRequested = Signal(int, dict)
    addWordRequested = Signal(str)
    useSaveRequested = Signal(int, int, str, object, object)  # article, photo, role, caption, alt

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_PhotoEditPanel()
        ui.setupUi(self)  # the layout: ui/photo_edit_panel.ui
        self.store = store
        self.photo: Photo | None = None
        self.preview, self.info = ui.photoPreview, ui.photoInfo
        self.caption, self.caption_count = ui.captionEdit, ui.captionCount
        self.alt_text = ui.altTextEdit
        self.lines: dict[str, QLineEdit] = {
            name: getattr(ui, f"{name}Edit") for name, _label in LINE_FIELDS
        }
        for edit in self.lines.values():
            edit.textChanged.connect(self._schedule_check)
        self.state = ui.stateCombo
        for value in CaptionState:
            self.state.addItem(value.value.capitalize(), value.value)
        self.keep_location = ui.keepLocationCheck
        self.keep_location.setAccessibleDescription(LOCATION_HELP)
        self.keep_location.setToolTip(LOCATION_HELP)
        self.location_help = ui.keepLocationHelp
        self.location_help.setText(LOCATION_HELP)
        self.credit_count = ui.creditCount

        self.problems = ui.photoProblems
        self.problems.itemActivated.connect(self._problem_activated)
        self.house_button = ui.houseButton
        self.house_button.setToolTip(house_tooltip(store.photos.caption_style))
        self.house_button.clicked.connect(self._apply_house_form)
        self.save_button = ui.savePhotoButton
        self.save_button.clicked.connect(self._save)
        self.revert_button = ui.revertButton
        self.revert_button.clicked.connect(lambda: self.show_photo(self.photo))

        # This article's own caption and alt text (shown when the desk filters by an article)
        self.article_id: int | None = None
        self.use_role = "inline"
        self.use_box = ui.photoUseBox
        self.use_caption, self.use_alt = ui.useCaptionEdit, ui.useAltEdit
        self.use_save = ui.useSaveButton
        self.use_save.clicked.connect(self._save_use)

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(250)
        self.check_timer.timeout.connect(self.run_checks)
        self.caption.textChanged.connect(self._schedule_check)
        self.alt_text.textChanged.connect(self._schedule_check)
        self.refresh_credits()
        self.setEnabled(False)
        theme.watch(self, lambda _theme: self._recolour_problems())

    def refresh_credits(self) -> None:
        completer = QCompleter(self.store.photos.credits(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lines["credit"].setCompleter(completer)

    # --- showing ---------------------------------------------------------------------
    def show_photo(self, photo: Photo | None) -> None:
        self.photo = photo
        self.setEnabled(photo is not None)
        if photo is None:
            self.preview.clear()
            self.info.clear()
            self.problems.clear()
            return
        pixmap = QPixmap(str(self.store.photos.thumbnail_path(photo)))
        if not pixmap.isNull():
            self.preview.setPixmap(
                pixmap.scaled(
                    300,
                    200,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        notes = f"\n⚠ {photo.import_notes}" if photo.import_notes else ""
        if under_embargo(photo.embargo_until):  # the flag every desk shows, above the fields
            notes = f"\n⛔ {embargo_label(photo.embargo_until)}{notes}"
        self.info.setText(
            f"{photo.original_name} — {photo.width}×{photo.height}, {photo.format}, "
            f"{_size(photo.file_size)}{notes}"
        )
        for widget in (self.caption, self.alt_text, *self.lines.values()):
            widget.blockSignals(True)
        self.caption.setPlainText(photo.caption)
        self.alt_text.setPlainText(photo.alt_text)
        for name, edit in self.lines.items():
            edit.setText(str(getattr(photo, name)))
            edit.setCursorPosition(0)
        for widget in (self.caption, self.alt_text, *self.lines.values()):
            widget.blockSignals(False)
        self.keep_location.setChecked(photo.keep_location)
        self.state.setCurrentIndex(max(0, self.state.findData(photo.caption_state)))
        self._show_use(photo)
        self.run_checks()

    def set_article(self, article_id: int | None) -> None:
        """Show (or hide) the per-article caption for the photos of this article."""
        self.article_id = article_id
        if self.photo is not None:
            self._show_use(self.photo)
        else:
            self.use_box.setVisible(False)

    def _show_use(self, photo: Photo) -> None:
        used = None
        if self.article_id is not None:
            used = next(
                (
                    u
                    for u in self.store.photos.uses.for_article(self.article_id)
                    if u.photo.id == photo.id
                ),
                None,
            )
        self.use_box.setVisible(used is not None)
        if used is None:
            return
        self.use_role = used.use.role
        self.use_box.setTitle(f"In this article ({used.use.role})")
        self.use_caption.setPlainText(used.use.caption or "")
        self.use_caption.setPlaceholderText(photo.caption or "(the library caption)")
        self.use_alt.setText(used.use.alt_text or "")
        self.use_alt.setPlaceholderText(photo.alt_text or "(the library alt text)")

    def _save_use(self) -> None:
        if self.photo is None or self.photo.id is None or self.article_id is None:
            return
        caption = self.use_caption.toPlainText().strip() or None  # empty: the library's
        alt = self.use_alt.text().strip() or None
        self.useSaveRequested.emit(self.article_id, self.photo.id, self.use_role, caption, alt)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: edit.text().strip() for name, edit in self.lines.items()}
        data["caption"] = self.caption.toPlainText().strip()
        data["alt_text"] = self.alt_text.toPlainText().strip()
        data["caption_state"] = self.state.currentData()
        data["keep_location"] = self.keep_location.isChecked()
        return data

    def changes(self) -> dict[str, Any]:
        if self.photo is None:
            return {}
        current = self.photo.editable()
        return {k: v for k, v in self.values().items() if current.get(k) != v}

    # --- checks ----------------------------------------------------------------------
    def _schedule_check(self) -> None:
        self.check_timer.start()

    def run_checks(self) -> None:
        if self.photo is None:
            return
        values = self.values()
        caption = Caption(
            values["caption"],
            values["credit"],
            values["alt_text"],
            values["rights_expiry"],
            (values["creator"], values["city"], values["country"]),
            embargo_until=_readable_embargo(values["embargo_until"]),
        )
        self._counts(values)
        spell = self.store.photos.spell
        ready = spell.ready()
        problems = self.store.photos.check_caption(caption, today=date.today(), spelling=ready)
        self.problems.clear()
        for problem in problems:
            label = FIELD_LABELS.get(problem.field, problem.field)
            item = QListWidgetItem(f"✗ {label}: {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, (problem.code, problem.field))
            item.setForeground(theme.qcolour("#b71c1c"))
            if problem.code == "misspelling":
                item.setToolTip("Double-click to add these words to the house word list")
                self._suggest(item, problem.message.split('"')[1::2])
            self.problems.addItem(item)
        if not ready:
            self.problems.addItem(QListWidgetItem("Spelling: loading dictionaries…"))
            when_dictionaries_ready(spell, self.run_checks)
        elif not problems:
            self.problems.addItem(QListWidgetItem("✓ All checks pass"))

    def _recolour_problems(self) -> None:
        """A theme switch: the failing checks in the new theme's red (no re-check needed)."""
        for row in range(self.problems.count()):
            item = self.problems.item(row)
            if item.data(Qt.ItemDataRole.UserRole):
                item.setForeground(theme.qcolour("#b71c1c"))

    def _suggest(self, item: QListWidgetItem, words: list[str]) -> None:
        """Dictionary suggestions take a tenth of a second each: found in the background."""
        spell = self.store.photos.spell

        def found(suggestions: list[str]) -> None:
            hints = [s for s in suggestions if s]
            try:
                if hints:
                    item.setText(item.text() + "  Perhaps: " + ", ".join(hints) + "?")
            except RuntimeError:  # the list was refreshed meanwhile
                pass

        run_task(lambda: [(spell.suggest(w, 2) or [""])[0] for w in words], found, owner=self)

    def _counts(self, values: dict[str, Any]) -> None:
        for label, text, limit in (
            (self.caption_count, values["caption"], IIM_LIMITS["caption"]),
            (self.credit_count, values["credit"], IIM_LIMITS["credit"]),
        ):
            used = utf8_len(text)
            colour = "#c62828" if used > limit else "#616161"
            theme.set_html(
                label, f"<span style='color:{colour}'>{used} / {limit} bytes (IPTC)</span>"
            )

    def _problem_activated(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        code, field = data
        if code == "misspelling":
            for word in item.text().split('"')[1::2]:
                self.addWordRequested.emit(word)
            self.run_checks()
        elif field == "alt_text":
            self.alt_text.setFocus()
        elif field in self.lines:
            self.lines[field].setFocus()
        else:
            self.caption.setFocus()

    def _apply_house_form(self) -> None:
        self.caption.setPlainText(
            house_form(
                self.caption.toPlainText(),
                self.lines["credit"].text(),
                self.store.photos.caption_style,
            )
        )

    def follow_caption_style(self) -> None:
        """The house style changed in Preferences: the action and the checks follow it."""
        self.house_button.setToolTip(house_tooltip(self.store.photos.caption_style))
        self.run_checks()

    def _save(self) -> None:
        changes = self.changes()
        if self.photo is not None and self.photo.id is not None and changes:
            self.saveRequested.emit(self.photo.id, changes)


def _readable_embargo(text: str) -> str:
    """The embargo as typed, checked live: what cannot be read yet flags nothing."""
    try:
        return normalise_embargo(text)
    except ValueError:
        return ""


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"


def _caption_language(text: str) -> str:
    """A caption's own language, from its script: captions of any edition meet here."""
    return "ar" if any("\u0600" <= ch <= "\u06ff" for ch in text) else "en"


def check_captions_as_typed(panel: Any, spelling: Any) -> None:
    """Underline likely misspellings in the caption fields, as the editor does in the body."""
    for edit, name in ((panel.caption, "photoCaption"), (panel.use_caption, "photoUseCaption")):
        layer = spelling.attach(edit, _caption_language(edit.toPlainText()), name=name)

        def follow(edit: Any = edit, layer: Any = layer) -> None:
            layer.set_language(_caption_language(edit.toPlainText()))

        edit.textChanged.connect(follow)
