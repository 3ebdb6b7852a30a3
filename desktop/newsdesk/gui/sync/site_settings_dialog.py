"""A site's settings, from the sync desk: the editions it takes, its category names, its
CA bundle and its sync window; and removing it. Written by the operations `edit_site`
and `remove_site` on the database worker, as `newsdesk site edit` / `site remove` do;
the dialog closes once the write has landed and says why when it has not."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ...ops.sites import category_map_from_pairs, edit_site, remove_site
from ...store.errors import StoreError
from ...ui.site_settings_dialog_ui import Ui_SiteSettingsDialog
from .. import theme
from ..runner import failure_in_words

if TYPE_CHECKING:
    from ...ops import Changes
    from ...store.db import Store
    from ...store.sites import Site
    from ..context import AppContext


class SiteSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, site: Site, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SiteSettingsDialog()
        self.ui.setupUi(self)  # the layout: ui/site_settings_dialog.ui
        self.ctx = ctx
        self.site_name = site.name
        self.setWindowTitle(f"Site settings — {site.name}")
        self.ui.siteHeading.setText(
            f"<b>{site.name}</b> — {site.url}, as {site.username}"
            + (f" ({site.role})" if site.role else "")
        )
        self.editions = self.ui.siteEditions
        self.categories = self.ui.siteCategories
        self.ca_bundle = self.ui.siteCaBundle
        self.window_days = self.ui.siteWindowDays
        self.message = self.ui.siteMessage
        self.buttons = self.ui.buttons
        self.remove = self.ui.removeSite
        self.editions.setText(", ".join(site.editions))
        self.categories.setText(
            ", ".join(f"{local}={remote}" for local, remote in site.category_map.items())
        )
        self.ca_bundle.setText(site.ca_bundle)
        self.window_days.setValue(site.window_days)
        if site.window_to_widen():
            self.show_message(f"Syncs {site.window_in_words()}.", False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.remove.clicked.connect(self.ask_to_remove)
        self.removed = False
        self.writing = False

    def save(self) -> None:
        try:
            category_map = category_map_from_pairs(self.categories.text().split(","))
        except StoreError as exc:
            self.show_message(str(exc), True)
            return
        editions = [e.strip() for e in self.editions.text().split(",") if e.strip()]
        name, ca_bundle, days = (
            self.site_name,
            self.ca_bundle.text().strip(),
            self.window_days.value(),
        )
        self._write(
            lambda store: edit_site(
                store,
                name,
                editions=editions,
                category_map=category_map,
                ca_bundle=ca_bundle,
                window_days=days,
            )  # fmt: skip
        )

    def ask_to_remove(self) -> None:
        answer = QMessageBox.question(
            self,
            "Remove site",
            f"Remove {self.site_name} from this desktop?\n\nThe stories it brought stay here; "
            "nothing is deleted on the site. Its password is forgotten unless another site "
            "logs in the same way.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.removed = True
        name = self.site_name
        self._write(lambda store: remove_site(store, name))

    def _write(self, op: Callable[[Store], Changes]) -> None:
        self.writing = True
        self.buttons.setEnabled(False)
        self.remove.setEnabled(False)
        self.show_message("Saving…", False)
        self.ctx.runner.store_op(self, op).success(self._written).failure(self._failed).run()

    def _written(self, _changes: object) -> None:
        self.writing = False
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.writing = False
        self.removed = False
        self.buttons.setEnabled(True)  # every field as typed, for another try
        self.remove.setEnabled(True)
        self.show_message(failure_in_words(exc), True)

    def reject(self) -> None:
        if self.writing:  # being stored: its answer closes the dialog or says why
            return
        super().reject()

    def show_message(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        theme.style(self.message, "color: #b00020;" if warning else "")
