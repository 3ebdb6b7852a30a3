"""Batch captioning: fields from templates with {variables}, previewed on the first photo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from ...domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle
from ...domain.photo import Photo
from ...photos.templates import TEMPLATE_FIELDS, VARIABLES, CaptionTemplate, TemplateError
from ...ui.batch_caption_dialog_ui import Ui_BatchCaptionDialog
from .. import theme
from .style import batch_label

LABELS = {
    "caption": "Caption",
    "headline": "Headline",
    "credit": "Credit",
    "creator": "Creator",
    "source": "Source",
    "copyright": "Copyright",
    "alt_text": "Alt text",
    "city": "City",
    "country": "Country",
    "event": "Event",
    "usage_terms": "Usage terms",
    "rights_expiry": "Rights expire",
    "instructions": "Instructions",
}


class BatchCaptionDialog(QDialog):
    """Collects a CaptionTemplate; the desk applies it to every selected photo as one undo step."""

    def __init__(
        self,
        photos: list[Photo],
        parent: QWidget | None = None,
        caption_style: CaptionStyle = DEFAULT_CAPTION_STYLE,
    ) -> None:
        super().__init__(parent)
        self.caption_style = caption_style  # the house style, from Preferences
        self.ui = Ui_BatchCaptionDialog()
        self.ui.setupUi(self)  # the layout: ui/batch_caption_dialog.ui
        self.setWindowTitle(f"Caption {len(photos)} photos")
        self.photos = photos
        self.ui.batchHint.setText(
            "Empty fields stay as they are. Variables: "
            + " ".join("{" + v + "}" for v in VARIABLES)
            + ". {date:%d/%m/%Y} takes a pattern."
        )
        self.edits: dict[str, QLineEdit] = {
            name: getattr(self.ui, f"template_{name}") for name in TEMPLATE_FIELDS
        }
        for edit in self.edits.values():
            edit.textChanged.connect(self.update_preview)
        self.event_value = self.ui.batchEventValue
        self.event_value.textChanged.connect(self.update_preview)
        self.close_with_credit = self.ui.batchCloseWithCredit
        self.close_with_credit.setText(batch_label(caption_style))
        self.close_with_credit.toggled.connect(self.update_preview)
        self.preview = self.ui.batchPreview
        buttons = self.ui.buttons
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"Apply to {len(photos)}")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        first = photos[0].original_name if photos else ""
        if first:
            self.ui.batchPreviewHeading.setText(f"{first} after:")
        self.update_preview()

    def template(self) -> CaptionTemplate:
        extra = {"event": self.event_value.text()} if self.event_value.text().strip() else {}
        return CaptionTemplate(
            fields={name: edit.text() for name, edit in self.edits.items()},
            extra=extra,
            close_with_credit=self.close_with_credit.isChecked(),
            caption_style=self.caption_style,
        )

    def changes(self) -> dict[int, dict[str, Any]]:
        """Photo id -> changed fields; raises TemplateError naming the field."""
        template = self.template()
        out: dict[int, dict[str, Any]] = {}
        for photo in self.photos:
            assert photo.id is not None
            changed = template.apply(photo)
            if changed:
                out[photo.id] = changed
        return out

    def update_preview(self) -> None:
        if not self.photos:
            return
        try:
            changed = self.template().apply(self.photos[0])
        except TemplateError as exc:
            theme.set_html(self.preview, f"<span style='color:#c62828'>{exc}</span>")
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(True)
        if not changed:
            self.preview.setText("(no change)")
            return
        self.preview.setText("\n".join(f"{LABELS.get(k, k)}: {v}" for k, v in changed.items()))
