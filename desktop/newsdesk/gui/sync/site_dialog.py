"""Adding a publishing site: the login is checked at once (in the background)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from ...ops import Changes
from ...ops.sites import add_site
from ...store import Store, StoreError
from ...sync import credentials
from ...sync.client import normalise_url
from ...sync.engine import VerifiedLogin, verify_login
from ...sync.errors import SyncError
from ...ui.site_dialog_ui import Ui_SiteDialog
from .. import tasks, theme


class SiteDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SiteDialog()
        self.ui.setupUi(self)  # the layout: ui/site_dialog.ui
        self.store = store
        self.name = self.ui.siteName
        self.url = self.ui.siteUrl
        self.user = self.ui.siteUser
        self.password = self.ui.sitePassword
        self.ca_bundle = self.ui.siteCaBundle
        self.editions = self.ui.siteEditions
        self.message = self.ui.siteMessage
        self.buttons = self.ui.buttons
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Check and add")
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        self.added_role = ""
        self.changes = Changes()  # what adding the site changed, for the window to announce

    def check(self) -> None:
        """Verify in the background; the dialog stays responsive."""
        url, user, password = (
            self.url.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )
        name = self.name.text().strip()
        if not (name and url and user and password):
            self.show_message(
                "Fill in the name, address, user name and application password.", True
            )
            return
        try:
            normalise_url(url)  # refused at once, before any password leaves
        except SyncError as exc:
            self.show_message(str(exc), True)
            return
        self.buttons.setEnabled(False)
        self.show_message("Checking the login…", False)
        ca = self.ca_bundle.text().strip()
        tasks.run_task(
            lambda: verify_login(url, user, password, ca_bundle=ca, site_name=name),
            self._verified,
            self._failed,
            owner=self,
        )

    def _verified(self, login: VerifiedLogin) -> None:
        self.buttons.setEnabled(True)
        session_only = False
        if not credentials.keyring_available():
            answer = QMessageBox.question(
                self,
                "No keyring",
                credentials.no_keyring_message() + "\n\nKeep the password for this session only?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.show_message("Not added: the password could not be kept safely.", True)
                return
            session_only = True
        editions = [e.strip() for e in self.editions.text().split(",") if e.strip()]
        try:
            # Verified a moment ago; add_site checks once more (cheap) and records it.
            added = add_site(
                self.store, self.name.text().strip(), self.url.text().strip(),
                self.user.text().strip(), self.password.text(), ca_bundle=self.ca_bundle.text().strip(),
                editions=editions, session_only=session_only,
            )  # fmt: skip
        except (SyncError, StoreError) as exc:
            self.show_message(str(exc), True)
            return
        login = added.login
        self.changes = added.changes
        self.password.clear()
        self.added_role = login.role
        warnings = " ".join(login.warnings)
        self.show_message(f"Logged in as {login.name} ({login.role}). {warnings}", bool(warnings))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        self.show_message(str(exc), True)

    def show_message(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        theme.style(self.message, "color: #b00020;" if warning else "")
