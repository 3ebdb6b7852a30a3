"""The sync desk: sites, articles with their sync state, open conflicts, the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...ops import Changes
from .conflict_dialog import ConflictDialog
from .controller import SyncController, SyncStatus
from .site_dialog import SiteDialog
from .site_settings_dialog import SiteSettingsDialog

if TYPE_CHECKING:
    from ...store.sites import Site
    from ...sync.engine import SyncReport
    from ..context import AppContext

STATE_WORDS = {
    "synced": "Synced",
    "waiting": "Waiting",
    "warning": "Sent without a category",
    "conflict": "Conflict",
    "error": "Error",
    "trashed": "Trashed on the site",
    "deleted": "Deleted on the site",
}


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[int] | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if keys is not None and c == 0:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class SyncDesk(QWidget):
    def __init__(
        self, ctx: AppContext, controller: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncDesk")
        self.ctx = ctx
        self.store = ctx.store  # reads; conflicts and sites are written on ctx.runner
        self.controller = controller
        self.summary = QLabel()
        self.summary.setObjectName("syncSummary")
        add = QPushButton("Add site…")
        add.clicked.connect(self.add_site)
        self.settings = QPushButton("Site settings…")
        self.settings.setObjectName("siteSettings")
        self.settings.setToolTip("Editions, categories, the sync window; or remove the site")
        self.settings.clicked.connect(lambda: self.site_settings())
        sync = QPushButton("Sync now")
        sync.clicked.connect(lambda: controller.sync_now())
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(add)
        top.addWidget(self.settings)
        top.addWidget(sync)
        self.sites = _table(["Site", "Address", "User", "Role", "Plugin", "Syncs"], "syncSites")
        self.sites.setMaximumHeight(120)  # a few sites; the articles need the room
        self.sites.cellDoubleClicked.connect(lambda row, _c: self.site_settings(row))
        self.sites.itemSelectionChanged.connect(self._settings_enabled)
        self.articles = _table(["Article", "Site", "State", "Detail"], "syncArticles")
        self.conflicts = _table(["Conflict", "Article", "Site", "Fields"], "syncConflicts")
        self.conflicts.cellDoubleClicked.connect(lambda row, _c: self.open_conflict(row))
        self.log = _table(["When", "Site", "Level", "Message"], "syncLog")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.articles, "Articles")
        self.tabs.addTab(self.conflicts, "Conflicts")
        self.tabs.addTab(self.log, "Log")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sites)
        layout.addWidget(self.tabs, 1)
        controller.status_changed.connect(self.show_status)
        controller.finished.connect(lambda _report: self.refresh())
        ctx.changes.changed.connect(self._follow)
        self.refresh()

    def _follow(self, changes: Changes, _initiator: object) -> None:
        if changes.sites:  # a site added in Preferences or the first-run guide
            self.refresh()

    def show_status(self, status: SyncStatus) -> None:
        self.summary.setText(
            f"<b>{status.text}</b>" + (f" — {status.message}" if status.message else "")
        )

    def refresh(self, _report: SyncReport | None = None) -> None:
        sites = self.store.sites.list()
        _fill(
            self.sites,
            [[s.name, s.url, s.username, s.role, "yes" if s.has_plugin else "no",
              s.window_in_words()] for s in sites],
            [s.id or 0 for s in sites],
        )  # fmt: skip
        if sites and not self.sites.selectedItems():
            # Not selectRow: it picks the column at the viewport's edge, none before the
            # header's first layout, and then selects nothing.
            self.sites.setCurrentCell(0, 0)
        self._settings_enabled()
        names = {s.id: s.name for s in sites}
        posts = self.store.sync.post_states(500)
        waiting = self.store.outbox.pending_article_ids()
        rows = []
        for p in posts:
            state, note = p["state"], p["last_error"]
            if p["missing_categories"] and state in ("synced", "waiting"):
                # A post that went out without a category says so, and why, until it has it.
                state, note = "warning", " ".join(p["missing_categories"].values())
            elif p["article_id"] in waiting and state == "synced":
                state = "waiting"
            rows.append([p["headline"] or "(no headline)", names.get(p["site_id"], "?"),
                         STATE_WORDS.get(state, state), note])  # fmt: skip
        _fill(self.articles, rows)
        conflicts = self.store.sync.open_conflicts()
        _fill(
            self.conflicts,
            [[str(c.id), c.mine.get("headline", ""), names.get(c.site_id, "?"), ", ".join(c.fields)] for c in conflicts],
            [c.id for c in conflicts],
        )  # fmt: skip
        entries = self.store.sync.recent_log(200)
        _fill(self.log, [[e["at"], e["site"] or "", e["level"], e["message"]] for e in entries])
        self.tabs.setTabText(1, f"Conflicts ({len(conflicts)})" if conflicts else "Conflicts")

    def add_site(self) -> None:
        dialog = SiteDialog(self.ctx, self)
        if dialog.exec():  # the announcement refreshed the list
            self.controller.sync_now()

    def _settings_enabled(self) -> None:
        self.settings.setEnabled(bool(self.sites.selectedItems()))

    def site_settings(self, row: int | None = None) -> None:
        """The selected site's settings (a double-clicked row's)."""
        row = self.sites.currentRow() if row is None else row
        item = self.sites.item(row, 0) if row >= 0 else None
        if item is None:
            return
        site = self.store.sites.get(int(item.data(Qt.ItemDataRole.UserRole)))
        dialog = SiteSettingsDialog(self.ctx, site, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_saved(site, dialog))
        dialog.open()  # window-modal, without a nested event loop

    def _settings_saved(self, before: Site, dialog: SiteSettingsDialog) -> None:
        if not dialog.removed and dialog.window_days.value() != before.window_days:
            self.controller.sync_now()  # a widened window brings the older stories now

    def open_conflict(self, row: int) -> None:
        item = self.conflicts.item(row, 0)
        if item is None:
            return
        conflict_id = int(item.data(Qt.ItemDataRole.UserRole))
        dialog = ConflictDialog(self.store, conflict_id, self, runner=self.ctx.runner)
        if dialog.exec():
            self.refresh()
            self.controller.emit_status()
            self.controller.sync_now()
