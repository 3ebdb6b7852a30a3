"""The list pane: instant search box, filter combos and the article table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.article import Status
from ...store import Store
from ..naming import named
from ..reader import Reader
from .model import EDITION, HEADLINE, SECTION, STATUS, UPDATED, ArticleListModel, Query

# Keys typed in one turn of the event loop make one search; each search runs on the
# reader (gui/reader.py), the newest wins, so there is no need to wait for a pause.
SEARCH_DELAY_MS = 0
# Beside the editor and the preview the list is narrow: the headline keeps at least
# this much room, and the columns that matter least give way, in this order.
MIN_HEADLINE_WIDTH = 170
COLUMNS_GIVING_WAY = (SECTION, EDITION, UPDATED)
COLUMN_WIDTHS = {STATUS: 84, SECTION: 100, EDITION: 40, UPDATED: 96}


class ArticleListPane(QWidget):
    """Emits `articleChosen(id)` when the reporter moves to another article."""

    articleChosen = Signal(int)
    filesDropped = Signal(list)  # article files (Markdown, ninjs) dropped on the list: Paths

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleListPane")
        self.store = store
        self.model = ArticleListModel(store, self)
        self.reader = self.model.reader = Reader(store.folder, self)
        self._quiet = False

        self.search_box = QLineEdit()
        named(self.search_box, "searchBox", "Search articles")
        self.search_box.setPlaceholderText("Search headlines, text, tags, sources…")
        self.search_box.setClearButtonEnabled(True)
        # Older stories than this desktop keeps are on the site (the sync window).
        self.site_search = QToolButton()
        named(self.site_search, "siteSearchOpen", "Search the site")
        self.site_search.setText("On the site…")
        self.site_search.setToolTip("Search the publishing site for older stories (Ctrl+Shift+F)")

        self.status_filter = self._combo("statusFilter", "Filter by status", "All statuses")
        for status in Status:
            self.status_filter.addItem(status.value.replace("_", " ").capitalize(), status.value)
        self.section_filter = self._combo("sectionFilter", "Filter by section", "All sections")
        self.edition_filter = self._combo("editionFilter", "Filter by edition", "All editions")
        self.reload_taxonomy()

        self.table = QTableView()
        named(self.table, "articleList", "Articles")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Uniform rows: the view never measures rows one by one.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
        self._widths = dict(COLUMN_WIDTHS)  # as the user last left them, shown or not
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        # Indicator first: enabling sorting sorts by it, and a headline sort of a
        # large store is a full scan we do not want at start-up.
        header.setSortIndicator(UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(lambda *_: header.setSortIndicatorShown(True))

        self.count_label = QLabel()
        self.count_label.setObjectName("listCount")

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for combo in (self.status_filter, self.section_filter, self.edition_filter):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 6)
        layout.setSpacing(6)
        search_row = QHBoxLayout()
        search_row.setSpacing(4)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.site_search)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self.apply_query)
        for combo in (self.status_filter, self.section_filter, self.edition_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.viewport().installEventFilter(self)
        self.table.viewport().setAcceptDrops(True)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_: self._update_count())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table.viewport():
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.fit_columns()
            elif kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
                return self._drag(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _drag(self, event: QDropEvent) -> bool:
        """Markdown and ninjs files dropped on the list are imported (others are refused)."""
        from ..transfer import article_files

        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = article_files(paths)
        if not files:
            event.ignore()
            return True
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.filesDropped.emit(files)
        return True

    def fit_columns(self) -> None:
        """Hide the columns that matter least while the headline would be squeezed."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - MIN_HEADLINE_WIDTH
        for column in (STATUS, *reversed(COLUMNS_GIVING_WAY)):
            if not header.isSectionHidden(column):
                self._widths[column] = header.sectionSize(column)
            width = self._widths[column]
            fits = column == STATUS or room >= width
            self.table.setColumnHidden(column, not fits)
            if fits:
                room -= width

    def _combo(self, name: str, accessible: str, everything: str) -> QComboBox:
        combo = QComboBox()
        named(combo, name, accessible)
        combo.addItem(everything, None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        return combo

    def reload_taxonomy(self) -> None:
        for combo, items in (
            (self.section_filter, [(s, s) for s in self.store.taxonomy.sections()]),
            (
                self.edition_filter,
                [(f"{e.language} ({e.code})", e.code) for e in self.store.taxonomy.editions()],
            ),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, value in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    # --- querying -------------------------------------------------------------
    def current_query(self) -> Query:
        return Query(
            text=self.search_box.text(),
            status=self.status_filter.currentData(),
            section=self.section_filter.currentData(),
            edition=self.edition_filter.currentData(),
        )

    def apply_query(self) -> None:
        self._search_timer.stop()
        query = self.current_query()
        searching = bool(query.text.strip())
        was_searching = bool(self.model.query.text.strip())
        header = self.table.horizontalHeader()
        if searching and not was_searching:
            # Words typed: best match first until the reporter clicks a column.
            self.model.sort_column = -1
            header.setSortIndicatorShown(False)
        elif not searching and was_searching:
            self.model.sort_column = header.sortIndicatorSection()
            if self.model.sort_column < 0:
                self.model.sort_column = UPDATED
            header.setSortIndicatorShown(True)
        current = self.current_article_id()
        self.model.set_query(
            query, then=lambda: current is not None and self.select_article(current, quiet=True)
        )

    def search_pending(self) -> bool:
        """Words typed whose rows are not shown yet."""
        return self._search_timer.isActive() or self.model.searching()

    def close_reader(self) -> None:
        """Before the store closes: searches still out are dropped."""
        self.reader.close()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        if self.model.query.text.strip():
            noun = "match" if n == 1 and not more else "matches"
            self.count_label.setText(f"{n}{more} {noun}, best first" if n else "No matches")
        else:
            self.count_label.setText(f"{n}{more} articles")

    # --- selection --------------------------------------------------------------
    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int, *, quiet: bool = False) -> bool:
        row = self.model.row_of(article_id)
        if row < 0:
            self.table.clearSelection()
            return False
        self._quiet = quiet
        try:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, HEADLINE),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, HEADLINE))
        finally:
            self._quiet = False
        return True

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) article in the list."""
        row = self.table.currentIndex().row() + delta
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore(QModelIndex())
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        article_id = self.model.article_id(current.row())
        if article_id is not None:
            self.articleChosen.emit(article_id)
