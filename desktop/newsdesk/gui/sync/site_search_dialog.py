"""Search the site: older stories than this desktop's sync window keeps, found on demand.

The search asks WordPress off the main thread (the network may be slow); the stories
a person picks are brought here by the database worker, like any write, and from
then on sync as the rest do.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...ops import Changes
from ...store import Store
from ...sync.errors import SyncError
from ...sync.site_search import Found, ask_site, mark_local, take_posts
from .. import tasks
from ..context import AppContext
from ..naming import named

STATUS = {"publish": "published", "future": "scheduled", "pending": "submitted"}


def fetch_op(site_name: str, post_ids: list[int]):
    """The worker's part: pull the chosen posts, as Changes for the desks."""

    def run(store: Store) -> Changes:
        result = take_posts(store, site_name, post_ids)
        return Changes(articles=frozenset(result.pulled), queue=bool(result.pulled))

    return run


class SiteSearchDialog(QDialog):
    def __init__(self, ctx: AppContext, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteSearchDialog")
        self.setWindowTitle("Search the site")
        self.resize(760, 460)
        self.ctx = ctx
        self.found: list[Found] = []
        self.site = QComboBox()
        named(self.site, "siteSearchSite", "Site")
        self.site.addItems([s.name for s in ctx.store.sites.list()])
        self.text = QLineEdit(text)
        named(self.text, "siteSearchText", "Search the site for")
        self.text.setPlaceholderText("Words of a headline or of the text")
        self.search = QPushButton("Search")
        named(self.search, "siteSearchButton", "Search the site")
        self.search.setDefault(True)
        self.results = QTreeWidget()
        named(self.results, "siteSearchResults", "Stories found on the site")
        self.results.setHeaderLabels(["Headline", "Date", "Stage", "Here"])
        self.results.setRootIsDecorated(False)
        self.results.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.results.setColumnWidth(0, 430)
        self.message = QLabel(
            "Stories older than this desktop's sync window are on the site: find them here."
        )
        self.message.setObjectName("siteSearchMessage")
        self.message.setWordWrap(True)
        self.fetch = QPushButton("Bring here")
        named(self.fetch, "siteSearchFetch", "Bring the chosen stories to this desktop")
        self.open = QPushButton("Open")
        named(self.open, "siteSearchOpen", "Open the chosen story")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.fetch, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.site)
        row.addWidget(self.text, 1)
        row.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.site.setVisible(self.site.count() > 1)
        self.search.clicked.connect(self.run_search)
        self.text.returnPressed.connect(self.run_search)
        self.fetch.clicked.connect(self.bring_here)
        self.open.clicked.connect(self.open_chosen)
        self.results.itemSelectionChanged.connect(self._enable)
        self.results.itemActivated.connect(lambda _item, _col: self._activate())
        self._enable()
        if not self.site.count():
            self.message.setText("There is no publishing site yet: add one in the Sync desk.")
            self.search.setEnabled(False)

    # --- searching ----------------------------------------------------------
    def run_search(self) -> None:
        text = self.text.text().strip()
        if not text or not self.site.count():
            return
        from ...sync.engine import SyncEngine

        try:
            client = SyncEngine(self.ctx.store).client_for(
                self.ctx.store.sites.by_name(self.site.currentText())
            )
        except SyncError as exc:
            self.message.setText(str(exc))
            return
        self.search.setEnabled(False)
        self.message.setText(f"Searching {self.site.currentText()} for “{text}”…")

        def ask() -> list[Found]:
            with client:
                return ask_site(client, text)

        tasks.run_task(ask, self._show, self._failed, owner=self)

    def _show(self, found: list[Found]) -> None:
        self.search.setEnabled(True)
        site = self.ctx.store.sites.by_name(self.site.currentText())
        self.found = mark_local(self.ctx.store, site.id or 0, found)
        self.results.clear()
        for item in self.found:
            row = QTreeWidgetItem(
                [
                    item.headline,
                    item.date[:10],
                    STATUS.get(item.status, item.status),
                    "here" if item.article_id else "",
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, item.post_id)
            self.results.addTopLevelItem(row)
        self.message.setText(
            f"{len(found)} found; choose the ones to bring here." if found else "Nothing found."
        )
        self._enable()

    def _failed(self, exc: Exception) -> None:
        self.search.setEnabled(True)
        self.message.setText(f"The site could not be searched: {exc}")

    # --- bringing stories here ----------------------------------------------
    def _chosen(self) -> list[Found]:
        ids = {item.data(0, Qt.ItemDataRole.UserRole) for item in self.results.selectedItems()}
        return [f for f in self.found if f.post_id in ids]

    def _enable(self) -> None:
        chosen = self._chosen()
        self.fetch.setEnabled(any(f.article_id is None for f in chosen))
        self.open.setEnabled(len(chosen) == 1 and chosen[0].article_id is not None)

    def _activate(self) -> None:
        if self.open.isEnabled():
            self.open_chosen()
        elif self.fetch.isEnabled():
            self.bring_here()

    def bring_here(self) -> None:
        wanted = [f.post_id for f in self._chosen() if f.article_id is None]
        if not wanted:
            return
        self.fetch.setEnabled(False)
        self.message.setText(f"Bringing {len(wanted)} here…")
        self.ctx.runner.store_op(self, fetch_op(self.site.currentText(), wanted)).success(
            lambda _changes: self._brought()
        ).failure(self._failed).run()

    def _brought(self) -> None:
        site = self.ctx.store.sites.by_name(self.site.currentText())
        chosen = {f.post_id for f in self._chosen()}
        mark_local(self.ctx.store, site.id or 0, self.found)
        for i in range(self.results.topLevelItemCount()):
            row = self.results.topLevelItem(i)
            post_id = row.data(0, Qt.ItemDataRole.UserRole)
            here = next(f for f in self.found if f.post_id == post_id).article_id
            row.setText(3, "here" if here else "")
        brought = sum(1 for f in self.found if f.post_id in chosen and f.article_id)
        self.message.setText(f"{brought} brought here; they sync with the rest from now on.")
        self._enable()

    def open_chosen(self) -> None:
        chosen = self._chosen()
        if len(chosen) == 1 and chosen[0].article_id is not None:
            self.ctx.open_article(chosen[0].article_id)
            self.accept()
