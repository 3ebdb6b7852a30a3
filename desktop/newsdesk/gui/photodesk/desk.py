"""The photo desk: filters and search over a thumbnail grid, the edit panel, the queue, imports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...domain.captions import CHECK_NAMES
from ...ops import Changes
from ...ops import house as house_ops
from ...ops.photos import recheck_photos, set_lead, set_use_caption
from ...photos.export import export_photo
from ...photos.imaging import PhotoFileError
from ...photos.importer import ImportReport
from ...photos.metadata import MetadataError
from ...photos.templates import TemplateError
from ...store import Store, StoreError
from ...store.photos import PhotoFilter
from ..context import AppContext
from ..tasks import run_task
from .batch import BatchCaptionDialog
from .dictionaries import when_dictionaries_ready
from .importing import ImportThread
from .model import PhotoGridModel, PhotoIdRole
from .panel import PhotoEditPanel, check_captions_as_typed
from .picker import make_grid_view
from .publishing import publish_selected
from .queue import PhotoQueuePanel
from .style import CaptionStyleFollower
from .undo import EditPhotosCommand, UndoKeys

STATES = (
    ("All photos", ""),
    ("Failing a check", "failing"),
    ("Passing every check", "passing"),
    ("Uncaptioned", "uncaptioned"),
    ("Captioned", "captioned"),
    ("Approved", "approved"),
)


class PhotoDesk(QWidget):
    """The main window builds it with `PhotoDesk.build(ctx)` (the `Desk` protocol).

    What it changes is announced on the ChangeHub (the editor's photo checks and the
    preview follow); what others change (a lead photo set in the editor, a story
    saved or pulled) refreshes its article lists and queue now if shown, else when
    next shown.
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoDesk")
        self.setAcceptDrops(True)
        self.ctx = ctx
        self.store = store = ctx.store
        self.stale = False
        # A save never waits for a dictionary to load (here, nor on the database worker).
        store.photos.defer_spelling = ctx.runner.store.photos.defer_spelling = True
        self.undo_stack = QUndoStack(self)
        self.import_thread: ImportThread | None = None
        self.last_report: ImportReport | None = None

        self.model = PhotoGridModel(store, self)
        self.view = make_grid_view(self.model)
        self.view.setObjectName("photoGrid")
        self.view.setAccessibleName("Photos")
        self.panel = PhotoEditPanel(store)
        self.panel.setMinimumWidth(360)
        self.queue = PhotoQueuePanel(store.folder)
        self.queue.setMinimumWidth(220)

        self.search = QLineEdit()
        self.search.setObjectName("photoSearch")
        self.search.setPlaceholderText("Search captions, credits, places, keywords…")
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.setObjectName("photoStateFilter")
        for label, value in STATES:
            self.state.addItem(label, value)
        self.check = QComboBox()
        self.check.setObjectName("photoCheckFilter")
        self.check.addItem("Any check", "")
        for code, name in CHECK_NAMES.items():
            self.check.addItem(name, code)
        self.credit = QComboBox()
        self.credit.setObjectName("photoCreditFilter")
        self.credit.setEditable(True)
        self.credit.lineEdit().setPlaceholderText("Any credit")
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText("From YYYY-MM-DD")
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText("To YYYY-MM-DD")
        for edit in (self.date_from, self.date_to):
            edit.setFixedWidth(118)
        self.search.setMinimumWidth(240)
        self.credit.setMinimumWidth(120)
        self.credit.setMaximumWidth(200)
        self.check.setMaximumWidth(210)
        self.state.setMaximumWidth(180)
        self.article = QComboBox()
        self.article.setObjectName("photoArticleFilter")
        self.article.setMaximumWidth(220)
        self.count_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("photoDeskMessage")
        self.details_button = QPushButton("Details…")
        self.details_button.setVisible(False)
        self.details_button.clicked.connect(self.show_import_details)

        toolbar = QToolBar()
        toolbar.setObjectName("photoToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, slot, shortcut in (
            ("import", "Import photos…", self.import_dialog, "Ctrl+Shift+I"),
            ("import_folder", "Import folder…", self.import_folder_dialog, ""),
            ("batch", "Batch caption…", self.batch_caption, "Ctrl+Shift+B"),
            ("export", "Export…", self.export_selected, "Ctrl+Shift+E"),
            ("lead", "Set as lead of…", self.set_as_lead_dialog, ""),
            ("publish", "Publish to library", self.publish_to_library, "Ctrl+Shift+U"),
            ("conflict", "Settle caption conflict…", self.settle_conflict, "Ctrl+Shift+K"),
        ):
            action = QAction(text, self)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            toolbar.addAction(action)
            self.actions_by_name[name] = action
        toolbar.addSeparator()
        undo = self.undo_stack.createUndoAction(self, "Undo")
        redo = self.undo_stack.createRedoAction(self, "Redo")
        toolbar.addAction(undo)
        toolbar.addAction(redo)
        self.actions_by_name["undo"], self.actions_by_name["redo"] = undo, redo
        # Ctrl+Z belongs to the window's Edit menu too (for text fields); in the grid and
        # the queue the keys go to this desk's caption history instead (see UndoKeys).
        self.undo_keys = UndoKeys(self.undo_stack, self)
        self.view.installEventFilter(self.undo_keys)
        self.queue.tree.installEventFilter(self.undo_keys)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for widget in (
            self.state,
            self.check,
            self.credit,
            self.date_from,
            self.date_to,
            self.article,
        ):
            filters.addWidget(widget)
        status = QHBoxLayout()
        status.addWidget(self.count_label)
        status.addWidget(self.progress)
        status.addWidget(self.message, 1)
        status.addWidget(self.details_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 760, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(toolbar)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(status)

        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(200)
        self.filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self.filter_timer.start)
        self.credit.currentTextChanged.connect(self.filter_timer.start)
        self.date_from.textChanged.connect(self.filter_timer.start)
        self.date_to.textChanged.connect(self.filter_timer.start)
        for combo in (self.state, self.check, self.article):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.panel.saveRequested.connect(self.save_photo)
        self.panel.addWordRequested.connect(self.add_house_word)
        self.panel.useSaveRequested.connect(self.save_use)
        self.queue.articleChosen.connect(self.show_article)
        self.queue.photoChosen.connect(self.select_photo)
        self.queue.leadWanted.connect(self.lead_from_queue)

        self.refresh_choices()
        self.apply_filter()
        # The queue is worked out when the desk is first shown: in a big newsroom that
        # reads every open story, work the start-up of the window need not wait on.
        self.stale = True
        ctx.changes.changed.connect(self._follow)

    @classmethod
    def build(cls, ctx: AppContext) -> PhotoDesk:
        """Built by the main window: the desk, caption spelling as typed, the caption style."""
        from PySide6.QtWidgets import QApplication

        desk = cls(ctx)
        if ctx.spelling is not None:
            check_captions_as_typed(desk.panel, ctx.spelling)
        if ctx.settings is not None:  # the house caption style, live
            # No announcement of its own: the change that set the style was announced
            # (the window relays it here as HOUSE_CHANGED), and re-announcing would loop.
            CaptionStyleFollower(desk, ctx.settings)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(desk.shutdown)
        return desk

    def _follow(self, changes: Changes, initiator: object) -> None:
        """Articles and photos change on other desks: catch up now if shown, else when shown."""
        if initiator is self or not (changes.articles or changes.photos):
            return
        shown = [r[0] for r in self.model.rows if r[0] in changes.photos]
        if shown:  # a few rows in place: cheaper than a stale mark
            self.model.refresh_photos(shown)
        self.model.add_photos(sorted(changes.photos))  # new ones (the shared library)
        if self.isVisible():
            self.catch_up()
        else:
            self.stale = True

    def catch_up(self) -> None:
        self.stale = False
        self.refresh_choices()
        self.queue.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.stale:
            self.catch_up()
        self._want_spelling()

    def _want_spelling(self) -> None:
        """Read the caption dictionaries when the desk is first used (shown, or photos
        coming in to be checked), not while the window starts."""
        when_dictionaries_ready(self.store.photos.spell, self._spelling_ready)

    # --- filters ----------------------------------------------------------------------
    def current_filter(self) -> PhotoFilter:
        article = self.article.currentData()
        return PhotoFilter(
            text=self.search.text(),
            state=self.state.currentData() or "",
            check=self.check.currentData() or "",
            credit=self.credit.currentText().strip(),
            date_from=self.date_from.text().strip(),
            date_to=self.date_to.text().strip(),
            article_id=int(article) if article else None,
        )

    def apply_filter(self) -> None:
        flt = self.current_filter()
        self.panel.set_article(flt.article_id)
        self.model.set_filter(flt)
        self._show_count()
        if self.model.rows and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))

    def _show_count(self) -> None:
        total = self.store.photos.count()
        shown = len(self.model.rows)
        if total and not shown:
            self.count_label.setText(f"No photo matches these filters (0 of {total} photos)")
        else:
            self.count_label.setText(f"{shown} of {total} photos")

    def refresh_choices(self) -> None:
        text = self.credit.currentText()
        self.credit.blockSignals(True)
        self.credit.clear()
        self.credit.addItem("")
        self.credit.addItems(self.store.photos.credits())
        self.credit.setEditText(text)
        self.credit.blockSignals(False)
        current = self.article.currentData()
        self.article.blockSignals(True)
        self.article.clear()
        self.article.addItem("Any article", None)
        for row in self.store.articles.summaries(limit=300):
            self.article.addItem(row["headline"] or "(no headline)", row["id"])
        self.article.setCurrentIndex(max(0, self.article.findData(current)))
        self.article.blockSignals(False)
        self.panel.refresh_credits()

    def show_article(self, article_id: int) -> None:
        self.refresh_choices()
        self.article.setCurrentIndex(max(0, self.article.findData(article_id)))

    def select_photo(self, photo_id: int) -> None:
        position = self.model.row_of_id.get(photo_id)
        if position is None:
            self.search.clear()
            self.state.setCurrentIndex(0)
            self.article.setCurrentIndex(0)
            self.apply_filter()
            position = self.model.row_of_id.get(photo_id)
        if position is not None:
            index = self.model.index(position)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def settle_conflict(self) -> QDialog | None:
        from .conflict_dialog import settle_selected

        return settle_selected(self.ctx, self.selected_ids(), self, self.message.setText)

    # --- editing ----------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [self.model.photo_id(r) for r in rows]

    def _current_changed(self, current: Any) -> None:
        photo_id = current.data(PhotoIdRole) if current.isValid() else None
        self.panel.show_photo(
            self.store.photos.get(int(photo_id)) if photo_id is not None else None
        )

    def save_photo(self, photo_id: int, changes: dict[str, Any]) -> None:
        self.edit({photo_id: changes}, "Edit caption")

    def edit(self, changes: dict[int, dict[str, Any]], text: str) -> None:
        """Every caption change goes through here: one undo step, grid and queue follow."""
        try:
            command = EditPhotosCommand(
                self.ctx.runner,
                lambda photo_id: self.store.photos.get(photo_id).editable(),
                changes,
                text,
                self,
                self._changed,
                self._not_saved,
            )
        except (KeyError, StoreError) as exc:  # a field one cannot edit, a photo gone
            QMessageBox.warning(self, "Not saved", f"Not a field one can edit: {exc}")
            return
        self.undo_stack.push(command)  # written on the database worker, announced there

    def _not_saved(self, exc: Exception) -> None:
        # A StoreError names the field; the step that did not happen leaves the stack.
        index = self.undo_stack.index()
        command = self.undo_stack.command(index - 1) if index > 0 else None
        if command is not None:
            command.setObsolete(True)
            self.undo_stack.undo()
        QMessageBox.warning(self, "Not saved", str(exc))

    def _changed(self, ids: list[int]) -> None:
        self.model.refresh_photos(ids)
        current = self.view.currentIndex().data(PhotoIdRole)
        if current in ids:
            self.panel.show_photo(self.store.photos.get(int(current)))
        self.queue.refresh()

    def save_use(
        self, article_id: int, photo_id: int, role: str, caption: object, alt: object
    ) -> None:
        """This article's own caption/alt text; None keeps the library's (on the worker)."""
        use_caption = caption if isinstance(caption, str) else None
        use_alt = alt if isinstance(alt, str) else None

        def write(store: Store) -> Changes:
            return set_use_caption(
                store, article_id, photo_id, caption=use_caption, alt_text=use_alt, role=role
            )

        def done(_changes: Changes) -> None:
            self.message.setText(
                "Caption saved for this article; the library caption is unchanged."
            )
            self.queue.refresh()

        self.ctx.runner.store_op(self, write).success(done).failure(
            lambda exc: self.message.setText(f"Not saved: {exc}")
        ).run()

    def batch_caption(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.message.setText("Select the photos to caption first (Ctrl+A selects all shown).")
            return
        dialog = BatchCaptionDialog(
            [self.store.photos.get(i) for i in ids], self, self.store.photos.caption_style
        )
        if not dialog.exec():
            return
        try:
            changes = dialog.changes()
        except TemplateError as exc:
            QMessageBox.warning(self, "Template", str(exc))
            return
        if changes:
            self.edit(changes, f"Batch caption of {len(changes)} photos")
            self.message.setText(f"Captioned {len(changes)} photos. Undo reverts the whole batch.")

    def add_house_word(self, word: str) -> None:
        ids = [r[0] for r in self.model.rows if "misspelling" in r[7]]

        def write(store: Store) -> Changes:
            return house_ops.add_house_word(store, word) | recheck_photos(store, ids)

        def done(changes: Changes) -> None:
            self.model.refresh_photos(sorted(changes.photos))
            self.message.setText(f'"{word}" added to the house word list.')

        self.ctx.runner.store_op(self, write).success(done).failure(
            lambda exc: self.message.setText(f"Not added: {exc}")
        ).run()

    def _spelling_ready(self) -> None:
        """The dictionaries loaded: check the spelling of what was saved before they were."""
        pending = sorted(self.store.photos.spelling_pending)
        self.store.photos.spelling_pending.clear()

        def done(changes: Changes) -> None:
            self.model.refresh_photos(sorted(changes.photos))
            self.panel.run_checks()

        self.ctx.runner.store_op(self, lambda store: recheck_photos(store, pending)).success(
            done
        ).run()

    def set_as_lead_dialog(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.message.setText("Select the photo to use as a lead image first.")
            return
        articles = self.store.articles.summaries(limit=300)
        if not articles:
            self.message.setText("There are no articles yet.")
            return
        labels = [
            f"{a['headline'] or '(no headline)'}  [{a['status']}, #{a['id']}]" for a in articles
        ]
        label, ok = QInputDialog.getItem(self, "Set as lead photo", "Article:", labels, 0, False)
        if ok and label in labels:
            self.set_as_lead(int(articles[labels.index(label)]["id"]), ids[0])

    def lead_from_queue(self, article_id: int) -> None:
        ids = self.selected_ids()
        if ids:
            self.set_as_lead(article_id, ids[0])
        else:
            self.message.setText("Select the photo to use as its lead in the grid first.")

    def set_as_lead(self, article_id: int, photo_id: int) -> None:
        """Make the photo the article's lead image (a new revision of the article, written
        on the database worker; the open editor merges it, see ops.photos.set_lead)."""
        author = self.ctx.user

        def done(_changes: Changes) -> None:
            headline = self.store.articles.get(article_id).headline
            self.message.setText(f"Lead photo of “{headline}” set.")
            self.queue.refresh()

        self.ctx.runner.store_op(
            self, lambda store: set_lead(store, article_id, photo_id, author=author)
        ).success(done).failure(lambda exc: self.message.setText(f"Not set: {exc}")).run()

    # --- import and export --------------------------------------------------------------
    def publish_to_library(self) -> None:
        publish_selected(self)  # in the background (publishing.py)

    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            "Import photos",
            "",
            "Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.heic *.heif)",
        )
        if files:
            self.import_paths(files)

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of photos")
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str], workers: int | None = None) -> ImportThread | None:
        if self.import_thread is not None and self.import_thread.isRunning():
            self.message.setText("An import is running; wait for it to finish.")
            return None
        self._want_spelling()  # the photos' captions are checked as they are stored
        # Prepared on the thread, stored batch by batch on the database worker.
        thread = ImportThread(self.ctx.runner, self.store.media_dir, paths, workers)
        thread.progress.connect(self._import_progress)
        thread.photosAdded.connect(self.model.add_photos)
        thread.finishedReport.connect(self._import_done)
        self.import_thread = thread
        self.progress.setVisible(True)
        self.progress.setValue(0)
        self.details_button.setVisible(False)
        self.message.setText("Importing…")
        thread.start()
        return thread

    def _import_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.message.setText(f"Importing {done} of {total}: {name}")

    def _import_done(self, report: ImportReport) -> None:
        self.last_report = report
        self.progress.setVisible(False)
        parts = [f"Imported {len(report.added)} photos"]
        if report.duplicates:
            parts.append(f"{len(report.duplicates)} already in the library")
        if report.problems:
            parts.append(f"{len(report.problems)} skipped: {report.problems[0].message}")
        self.message.setText("; ".join(parts) + ".")
        self.details_button.setVisible(bool(report.problems or report.notes))
        self.refresh_choices()
        self._show_count()
        self.queue.refresh()

    def show_import_details(self) -> None:
        if self.last_report is None:
            return
        lines = [p.message for p in self.last_report.problems] + self.last_report.notes
        box = QMessageBox(
            QMessageBox.Icon.Information, "Import", "Files that need attention:", parent=self
        )
        box.setDetailedText("\n".join(lines))
        box.exec()

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        photo = self.store.photos.get(ids[0])
        target, _ = QFileDialog.getSaveFileName(
            self,
            "Export with captions",
            str(Path.home() / (Path(photo.original_name).stem + ".jpg")),
            "JPEG (*.jpg)",
        )
        if target:
            self.export_to(photo.id or 0, Path(target), 2048)

    def export_to(self, photo_id: int, target: Path, long_edge: int | None) -> None:
        photo = self.store.photos.get(photo_id)
        original = self.store.photos.original_path(photo)

        def done(result: Any) -> None:
            self.message.setText(f"Exported {result.path.name} ({result.width}×{result.height}).")

        def failed(exc: Exception) -> None:
            text = str(exc) if isinstance(exc, PhotoFileError | MetadataError) else repr(exc)
            QMessageBox.warning(self, "Export failed", text)

        run_task(
            lambda: export_photo(photo, original, target, long_edge=long_edge),
            done,
            failed,
            owner=self,
        )

    # --- drag and drop ---------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def shutdown(self) -> None:
        """Stop a running import (the window is closing)."""
        if self.import_thread is not None and self.import_thread.isRunning():
            self.import_thread.stop()
            self.import_thread.wait(10_000)
