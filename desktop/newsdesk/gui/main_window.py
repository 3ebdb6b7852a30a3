"""The main window: a desk switcher, the reporter's desk (list | editor | preview), menus.

The other desks (Editors' queue, Stories, Breaking ticker, Photo desk) are built after the
window first paints (or at once if the person switches to one): `add_desk(title,
factory)`, where the factory is the desk class's `build(ctx)` (the `Desk` protocol)
given the window's typed `AppContext` (gui/context.py): the store, the settings,
the database worker (`runner`), the ChangeHub, `open_article(id)`, `show_desk(title)`.
So extra desks never delay start-up, never see the window, and do not depend on the
order they are built in: the editor's photo commands ("Insert photo…") are
installed with the editor. `set_preview(widget)` puts the layout preview beside
the editor; it follows `window.editor.articleOpened`, `articleEdited` and
`articleFollowed` (each carries an Article).

Changes to the newsroom are announced once, on `window.changes` (a ChangeHub): a
desk runs an operation as a StoreOp on the worker, which announces its `Changes`
with the desk as initiator; the open editor, the list, the preview and the other
desks follow.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

from ..ops import Changes, StaleEdit
from ..store import Store
from ..store.autosaves import Recovered, SetAside
from . import firstrun, theme
from . import help as help_pages
from .actions import build_actions
from .articles.pane import ArticleListPane
from .changes import ChangeHub
from .context import AppContext, Desk
from .editor.editor import ArticleEditor
from .editor.markdown_edit import ShortcutGuard
from .editor.session import EditingSession
from .history import HistoryDialog
from .notices import ask_on_conflict, recovery_notice
from .notify import Notifier
from .photodesk.editor_actions import install_photo_actions
from .preferences import PreferencesDialog
from .resources import icon
from .runner import Runner
from .settings import HOUSE_CHANGED, Settings
from .spellcheck import attach_spelling
from .submit import SubmitFlow
from .taxonomy_dialog import TaxonomyDialog
from .transfer import FileTransfer

REPORTERS_DESK = "Reporter's desk"


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, store: Store, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Newsdesk")
        self.setWindowIcon(icon("newsdesk"))
        self.store = store
        self.settings = settings
        self.preview: QWidget | None = None
        self.history_dialog: HistoryDialog | None = None
        self.recovery_notice: QMessageBox | None = None
        self.recovered: list[Recovered] = []
        self.set_aside: list[SetAside] = []

        self.actions_by_name = build_actions(self)
        self.list_pane = ArticleListPane(store)
        self.editor = ArticleEditor(store)
        self.changes = ChangeHub(self)  # every desk's changes, announced once
        self.runner = Runner(store.folder, self.changes, self)  # the one database worker
        self.session = EditingSession(store, self.editor, self.runner, author=settings.author)
        self.session.choose_on_conflict = self._choose_on_conflict
        self.spelling = attach_spelling(self.editor, settings, store)
        self.context = AppContext(
            store=store,
            settings=settings,
            runner=self.runner,
            changes=self.changes,
            open_article=self.open_article,
            show_desk=self.show_desk,
            spelling=self.spelling,
        )
        self._apply_settings()

        self.reporter_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reporter_splitter.setObjectName("reporterSplitter")
        self.reporter_splitter.setChildrenCollapsible(False)
        self.editor_stack = QStackedWidget()
        self.editor_stack.setObjectName("editorStack")
        self.editor_stack.addWidget(self._empty_page())
        self.editor_stack.addWidget(self.editor)
        self.reporter_splitter.addWidget(self.list_pane)
        self.reporter_splitter.addWidget(self.editor_stack)
        self.reporter_splitter.setStretchFactor(0, 0)
        self.reporter_splitter.setStretchFactor(1, 1)
        self.reporter_splitter.setSizes([500, 940])

        self.desk_bar = QListWidget()
        self.desk_bar.setObjectName("deskBar")
        self.desk_bar.setAccessibleName("Desks")
        self.desk_bar.setFixedWidth(104)
        self.desk_bar.setWordWrap(True)
        self.desk_bar.setIconSize(QSize(26, 26))
        self.desk_bar.setViewMode(QListWidget.ViewMode.IconMode)
        self.desk_bar.setMovement(QListWidget.Movement.Static)
        self.desk_bar.setFlow(QListWidget.Flow.TopToBottom)
        self.desk_bar.setWrapping(False)
        self.desk_bar.setSpacing(2)
        self.desks = QStackedWidget()
        self.desks.setObjectName("desks")
        self._pending_desks: dict[int, Callable[[], QWidget]] = {}
        self.desk_bar.currentRowChanged.connect(self._switch_desk)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.desk_bar)
        layout.addWidget(self.desks, 1)
        self.setCentralWidget(central)
        self.add_desk(REPORTERS_DESK, self.reporter_splitter, icon_name="desk-reporter")
        self.add_desk(
            "Editors' queue",
            _later(".queue.desk", "QueueDesk", self.context),
            icon_name="desk-queue",
        )
        self.add_desk(
            "Stories",
            _later(".stories.desk", "StoriesDesk", self.context),
            icon_name="desk-stories",
        )
        self.add_desk(
            "Breaking ticker",
            _later(".ticker.desk", "TickerDesk", self.context),
            icon_name="desk-ticker",
        )
        self.add_desk(
            "Photo desk",
            _later(".photodesk.desk", "PhotoDesk", self.context),
            icon_name="desk-photo",
        )

        self.transfer = FileTransfer(self)
        self.notifier = Notifier(self.store, lambda: self.settings.author, self.statusBar(), self)
        self._build_menus()
        # The editor's photo commands belong to the editor: they work before (and
        # without) the photo desk; on its format bar after the formatting buttons.
        install_photo_actions(self.editor, store, self.statusBar())
        self._build_toolbar()
        self._connect()
        self.submit_flow = SubmitFlow(self)
        self._guard_shortcuts()
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("autosaveLabel")
        self.statusBar().addPermanentWidget(self.autosave_label)
        self.resize(1440, 880)
        self.list_pane.apply_query()
        self._restore_window_state()
        if not self.list_pane.select_article(self._first_article_id() or -1):
            self.editor.setEnabled(False)

    # --- for other desks -------------------------------------------------------------
    def add_desk(
        self, title: str, widget: QWidget | Callable[[], QWidget], icon_name: str = ""
    ) -> int:
        """Add a desk to the switcher (after the reporter's desk); returns its index."""
        item = QListWidgetItem(icon(icon_name or "desk"), title)
        item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
        item.setSizeHint(QSize(96, 72))
        item.setToolTip(title)
        if isinstance(widget, QWidget):
            index = self.desks.addWidget(widget)
        else:
            index = self.desks.addWidget(QWidget())  # a stand-in until built
            self._pending_desks[index] = widget
        self.desk_bar.addItem(item)
        if self.desk_bar.currentRow() < 0:
            self.desk_bar.setCurrentRow(0)
        return index

    def desk(self, title: str) -> QWidget | None:
        """The desk's widget (built now if it was still waiting)."""
        for row in range(self.desk_bar.count()):
            if self.desk_bar.item(row).text() == title:
                self._build_desk(row)
                return self.desks.widget(row)
        return None

    def build_pending_desks(self) -> None:
        """One desk per turn of the event loop: a key pressed meanwhile waits for one
        desk's build, not for all of them."""
        if not self.isVisible() or not self._pending_desks:
            return  # closed before the timer came round: its store may be gone
        self._build_desk(min(self._pending_desks))
        if self._pending_desks:
            QTimer.singleShot(0, self, self.build_pending_desks)

    def _switch_desk(self, row: int) -> None:
        self._build_desk(row)
        self.desks.setCurrentIndex(row)

    def _build_desk(self, index: int) -> None:
        factory = self._pending_desks.pop(index, None)
        if factory is None:
            return
        widget = factory()
        stand_in = self.desks.widget(index)
        self.desks.insertWidget(index, widget)
        self.desks.removeWidget(stand_in)
        stand_in.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.notifier.loaded:  # after the first paint: a scan of the bylines
            # Not if closed before the timer came round: its store may be gone.
            QTimer.singleShot(50, self, lambda: self.isVisible() and self.notifier.load())
        if self._pending_desks:
            # After the first paint: the window appears first, the other desks follow.
            QTimer.singleShot(50, self, self.build_pending_desks)

    def show_desk(self, title: str) -> bool:
        for row in range(self.desk_bar.count()):
            if self.desk_bar.item(row).text() == title:
                self.desk_bar.setCurrentRow(row)
                return True
        return False

    def open_article(self, article_id: int) -> bool:
        """Open the story in the reporter's desk (from the queue, a link, …)."""
        self.show_desk(REPORTERS_DESK)
        return self.session.open(article_id)

    def set_preview(self, widget: QWidget) -> None:
        """Place a preview pane right of the editor; View ▸ Show preview (F9) toggles it."""
        if self.preview is not None:
            self.preview.setParent(None)
        self.preview = widget
        self.reporter_splitter.addWidget(widget)
        self.reporter_splitter.setStretchFactor(2, 1)
        action = self.actions_by_name["preview"]
        action.setEnabled(True)
        action.setChecked(True)
        widget.setVisible(True)

    # --- building -------------------------------------------------------------------
    def _empty_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyEditor")
        label = QLabel()
        theme.set_html(
            label,
            "<p style='font-size:15pt; color:#374351;'>No article open</p>"
            "<p style='color:#6b7682;'>Pick one from the list, or press <b>Ctrl+N</b> "
            "to start a new article.</p>",
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(page)
        layout.addWidget(label)
        return page

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        for title, names in (
            (
                "&File",
                [
                    "new",
                    "save",
                    None,
                    "submit",
                    None,
                    "import",
                    "export",
                    None,
                    "history",
                    None,
                    "quit",
                ],
            ),
            ("&Edit", ["undo", "redo", None, "find", "site_search", None, "preferences"]),
            ("F&ormat", ["bold", "italic", "link", None, "heading", "quote", "bullets"]),
            ("&View", ["next", "previous", None, "preview"]),
            ("&Tools", ["taxonomy"]),
            ("&Help", ["shortcuts", "firstrun", None, "about"]),
        ):
            menu = bar.addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])
        a["preview"].setEnabled(False)
        for name in ("bold", "italic", "heading", "quote", "bullets", "link"):
            self.editor.format_bar.addAction(a[name])

    def search_site(self) -> QDialog:
        """Search the site for older stories (the list's search words to start with)."""
        from .sync.site_search_dialog import SiteSearchDialog

        dialog = SiteSearchDialog(self.context, self.list_pane.search_box.text(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        if dialog.text.text():
            dialog.run_search()
        return dialog

    def _build_toolbar(self) -> None:
        a = self.actions_by_name
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("new", "save", "history", "submit"):
            toolbar.addAction(a[name])
        toolbar.addSeparator()
        for name in ("previous", "next"):
            toolbar.addAction(a[name])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(a["preview"])
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        a = self.actions_by_name
        body = self.editor.body_edit
        a["new"].triggered.connect(self.new_article)
        a["save"].triggered.connect(self.save)
        a["history"].triggered.connect(self.show_history)
        a["quit"].triggered.connect(self.close)
        a["import"].triggered.connect(self.transfer.ask_import)
        a["export"].triggered.connect(self.transfer.ask_export)
        a["site_search"].triggered.connect(self.search_site)
        self.list_pane.site_search.clicked.connect(self.search_site)
        self.list_pane.filesDropped.connect(self.transfer.import_paths)
        a["undo"].triggered.connect(lambda: self._focused_text("undo"))
        a["redo"].triggered.connect(lambda: self._focused_text("redo"))
        a["find"].triggered.connect(self.focus_search)
        a["bold"].triggered.connect(body.toggle_bold)
        a["italic"].triggered.connect(body.toggle_italic)
        a["link"].triggered.connect(lambda: body.insert_link())
        a["heading"].triggered.connect(body.toggle_heading)
        a["quote"].triggered.connect(body.toggle_quote)
        a["bullets"].triggered.connect(body.toggle_bullets)
        for name in ("bold", "italic", "link", "heading", "quote", "bullets"):
            a[name].triggered.connect(body.setFocus)
        a["next"].triggered.connect(lambda: self.list_pane.step(+1))
        a["previous"].triggered.connect(lambda: self.list_pane.step(-1))
        a["preview"].toggled.connect(
            lambda on: self.preview.setVisible(on) if self.preview else None
        )
        a["taxonomy"].triggered.connect(self.show_taxonomy)
        a["preferences"].triggered.connect(self.show_preferences)
        a["shortcuts"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        a["firstrun"].triggered.connect(self.show_first_run)

        self.list_pane.articleChosen.connect(self._open_chosen)
        # Enter (or a double click) on a row: go and write in it.
        self.list_pane.table.activated.connect(lambda _index: self.editor.body_edit.setFocus())
        self.session.saved.connect(self._after_save)
        self.session.kept.connect(lambda kept: self.list_pane.select_article(kept, quiet=True))
        self.changes.changed.connect(self.session.follow_changes)
        self.changes.changed.connect(self._show_changed_rows)
        self.changes.changed.connect(self._photos_changed)
        self.session.created.connect(self._after_create)
        self.changes.changed.connect(self.notifier.follow)
        self.session.failed.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.session.autosaved.connect(
            lambda when: self.autosave_label.setText(f"Autosaved {when}")
        )
        self.editor.sources_panel.problem.connect(
            lambda text: self.statusBar().showMessage(text, 15000)
        )
        self.editor.articleOpened.connect(self._article_opened)
        self.editor.contentChanged.connect(self._mark_unsaved)
        self.settings.changed.connect(lambda _key: self._apply_settings())
        self.changes.changed.connect(self._follow_house)
        self.changes.changed.connect(self._follow_taxonomy)

    def _guard_shortcuts(self) -> None:
        reserved = [seq for action in self.actions_by_name.values() for seq in action.shortcuts()]
        # Undo/redo stay with the text widget that has focus.
        keep = {
            QKeySequence("Ctrl+Z").toString(),
            QKeySequence("Ctrl+Shift+Z").toString(),
            QKeySequence("Ctrl+Y").toString(),
        }
        self._guard = ShortcutGuard([s for s in reserved if s.toString() not in keep], self)
        for widget in [
            self.list_pane.search_box,
            *self.editor.findChildren(QLineEdit),
            *self.editor.findChildren(QPlainTextEdit),
            *self.editor.findChildren(QTextEdit),
        ]:
            widget.installEventFilter(self._guard)

    def _follow_house(self, changes: Changes, _initiator: object) -> None:
        """The store's house settings changed: relayed to what follows Settings.changed."""
        if changes.settings:
            # Written on the database worker's connection: this one reads them afresh.
            self.store.house.forget()
            self.settings.changed.emit(HOUSE_CHANGED)

    def _apply_settings(self) -> None:
        self.session.author = self.settings.author
        self.session.max_wait_ms = 1000 * int(self.settings.get("editor/autosave_seconds"))
        self.editor.set_limits(
            words_per_minute=self.store.house.words_per_minute,
            headline_limit=self.settings.headline_limit,
            standfirst_limit=self.settings.standfirst_limit,
        )

    # --- commands ------------------------------------------------------------------------
    def new_article(self) -> None:
        template = self.editor.article() if self.editor.article_id is not None else None
        if template is None:  # nothing open: the edition chosen in the first-run guide
            from ..domain.article import Article

            template = Article(edition=str(self.settings.get("user/default_edition")))
        self.show_desk(REPORTERS_DESK)
        self.session.new_article(template)
        self.editor.headline_edit.setFocus()

    def save(self) -> None:
        """Ctrl+S: the save is queued on the worker; the status line says when it landed."""
        queued = self.session.save(then=self._saved_by_hand)
        if not queued and self.editor.article_id is not None:
            self.statusBar().showMessage("Nothing new to save.", 3000)

    def _saved_by_hand(self, ok: bool) -> None:
        if not ok:
            return  # the session said why on the status line
        problems = self.editor.problems() if self.editor.article_id is not None else []
        if problems:
            self.statusBar().showMessage("Saved, but: " + " ".join(problems), 8000)

    def focus_search(self) -> None:
        self.show_desk(REPORTERS_DESK)
        self.list_pane.search_box.setFocus()
        self.list_pane.search_box.selectAll()

    def show_history(self) -> None:
        if self.editor.article_id is None:
            return
        # The history shows the latest revision: the dialog opens once the save landed.
        self.session.save(then=lambda _ok: self._open_history())

    def _open_history(self) -> None:
        if self.editor.article_id is None:
            return
        article = self.editor.article()
        dialog = HistoryDialog(
            self.store,
            article.id or 0,
            article.content(),
            rtl=article.direction == "rtl",
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(lambda number: self._restore(dialog, number))
        self.history_dialog = dialog
        dialog.open()

    def _restore(self, dialog: HistoryDialog, number: int) -> None:
        def restored(new_number: int) -> None:
            self.statusBar().showMessage(
                f"Revision {number} restored as revision {new_number}.", 8000
            )
            dialog.reload(self.editor.article().content())

        self.session.restore(number, then=restored)

    def show_taxonomy(self) -> None:
        dialog = TaxonomyDialog(self.context, self)  # its changes are announced by the runner
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _follow_taxonomy(self, changes: Changes, _initiator: object) -> None:
        if changes.taxonomy:
            self.editor.reload_taxonomy()
            self.list_pane.reload_taxonomy()
            self.list_pane.apply_query()

    def show_preferences(self) -> None:
        PreferencesDialog(self.context, self).exec()

    def show_shortcuts(self) -> None:
        help_pages.show_shortcuts(self)  # read from the live actions: never out of date

    def show_about(self) -> None:
        help_pages.show_about(self, self.store.folder)

    def show_first_run(self) -> None:
        firstrun.show_guide(self)

    def tell_recovered(
        self, recovered: list[Recovered], set_aside: list[SetAside] | tuple[()] = ()
    ) -> None:
        """Say in words what came back after a crash, and what could not: status bar and
        a non-modal notice."""
        if not recovered and not set_aside:
            return
        text, self.recovery_notice = recovery_notice(self, recovered, set_aside)
        self.statusBar().showMessage(text, 30000)
        self.recovery_notice.show()

    def _focused_text(self, method: str) -> None:
        widget = self.focusWidget()
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            getattr(widget, method)()

    def _article_opened(self, article: object) -> None:
        self.editor_stack.setCurrentWidget(self.editor)
        self._show_title(article)
        self.autosave_label.setText("")
        self.actions_by_name["history"].setEnabled(True)

    def announce(self, changes: Changes, initiator: object = None) -> None:
        """What a desk changed, told to every screen that shows the newsroom."""
        self.changes.announce(changes, initiator)

    def _show_changed_rows(self, changes: Changes, _initiator: object) -> None:
        # A large sync repaints the list itself when it ends; a few rows are cheaper in place.
        if len(changes.articles) <= 200:
            for article_id in changes.articles:
                self.list_pane.model.update_article(article_id)

    def _photos_changed(self, changes: Changes, _initiator: object) -> None:
        # Captions and lead photos show in the editor's photo checks.
        if changes.photos or changes.settings or changes.touches(self.editor.article_id):
            self.editor.photo_checks_label.refresh()

    def _choose_on_conflict(self, stale: StaleEdit) -> Literal["mine", "theirs"] | None:
        return ask_on_conflict(self, stale)

    def _mark_unsaved(self) -> None:
        if not self.autosave_label.text().startswith("Unsaved"):
            self.autosave_label.setText("Unsaved changes")

    def _after_save(self, article_id: int, number: int) -> None:
        self.autosave_label.setText("All changes saved")
        self.statusBar().showMessage(f"Saved revision {number}.", 5000)
        self.list_pane.model.update_article(article_id)
        if self.editor.article_id == article_id:
            self._show_title(self.editor.article())

    def _show_title(self, article: object) -> None:
        headline = getattr(article, "headline", "") or "Untitled"
        self.setWindowTitle(f"{headline} — Newsdesk")

    def _after_create(self, article_id: int) -> None:
        self.list_pane.model.update_article(article_id)
        self.list_pane.select_article(article_id, quiet=True)

    def _open_chosen(self, article_id: int) -> None:
        if not self.session.open(article_id) and self.editor.article_id is not None:
            # Could not save the open article: stay on it, and show it as current.
            self.list_pane.select_article(self.editor.article_id, quiet=True)

    def _first_article_id(self) -> int | None:
        return self.list_pane.model.article_id(0)

    # --- window state ------------------------------------------------------------------
    def _restore_window_state(self) -> None:
        geometry = self.settings.window_state("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = self.settings.window_state("reporter_splitter")
        if isinstance(splitter, QByteArray):
            self.reporter_splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()  # background work on the store stops before it closes
        self.session.close()
        self.runner.close()  # operations still queued land before the store closes
        self.list_pane.close_reader()
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("reporter_splitter", self.reporter_splitter.saveState())
        super().closeEvent(event)


def _later(module: str, name: str, ctx: AppContext) -> Callable[[], QWidget]:
    """A desk built (and its module imported) only after the window is up."""

    def build() -> QWidget:
        desk_class: type[Desk] = getattr(importlib.import_module(module, __package__), name)
        return desk_class.build(ctx)

    return build
