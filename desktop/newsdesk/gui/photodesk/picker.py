"""Choosing a photo for an article: the lead image, or one to place in the body."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from ...domain.embargo import embargo_label, under_embargo
from ...domain.photo import Photo, photo_markdown
from ...store import Store
from ...store.photos import PhotoFilter
from .delegate import CELL, PhotoDelegate
from .model import PhotoGridModel, PhotoIdRole, library_line


def make_grid_view(model: PhotoGridModel) -> QListView:
    """The grid both the desk and the picker use: icon mode, uniform cells, batched layout."""
    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setUniformItemSizes(True)  # no per-item size queries: 10,000 rows lay out at once
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(500)
    view.setGridSize(QSize(CELL.width() + 6, CELL.height() + 6))
    view.setSpacing(0)
    view.setItemDelegate(PhotoDelegate(view))
    view.setModel(model)
    view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    return view


class PhotoPickerDialog(QDialog):
    """After exec(): `photo` is the choice, `role` "lead" or "inline", `alt_text` for the body."""

    def __init__(
        self, store: Store, *, role: str = "inline", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoPicker")
        self.setWindowTitle("Choose the lead photo" if role == "lead" else "Insert a photo")
        self.store = store
        self.role = role
        self.photo: Photo | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search captions, credits, places…")
        self.search.setClearButtonEnabled(True)
        self.model = PhotoGridModel(store, self)
        self.model.reload()
        self.view = make_grid_view(self.model)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.alt = QLineEdit()
        self.alt.setObjectName("pickerAltText")
        self.alt.setPlaceholderText("Alt text for this article (empty: the library's)")
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Set as lead" if role == "lead" else "Insert")
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(lambda text: self.model.set_filter(PhotoFilter(text=text)))
        self.view.selectionModel().currentChanged.connect(self._chosen)
        self.view.doubleClicked.connect(lambda _: self.accept() if self.photo else None)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption)
        row = QHBoxLayout()
        if role != "lead":
            row.addWidget(QLabel("Alt text"))
            row.addWidget(self.alt, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def _chosen(self, current: object) -> None:
        photo_id = self.view.currentIndex().data(PhotoIdRole)
        self.photo = self.store.photos.get(int(photo_id)) if photo_id is not None else None
        self.ok_button.setEnabled(self.photo is not None)
        if self.photo is not None:
            where = library_line(self.photo.origin, self.photo.captioned_by, self.photo.file_here)
            held = (
                f"\n⛔ {embargo_label(self.photo.embargo_until)}: a story showing it cannot "
                "be published before then"
                if under_embargo(self.photo.embargo_until)
                else ""
            )
            self.caption.setText(
                f"{self.photo.caption}\nAlt: {self.photo.alt_text or '—'}\n{where}{held}"
            )
            self.alt.setPlaceholderText(self.photo.alt_text or "Alt text for this article")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def markdown(self) -> str:
        """The body reference to insert: ![alt](photo:<uuid>)."""
        assert self.photo is not None
        return photo_markdown(self.photo.uuid, self.alt.text().strip() or self.photo.alt_text)
