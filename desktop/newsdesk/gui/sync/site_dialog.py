"""Adding a publishing site: the login is checked on a thread of its own, then the site
is recorded by an operation on the database worker (no request there: the login it
records is the one just verified), which announces it. The dialog closes once the
site is stored, and says why when it is not (a name taken, a locked store)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from ...ops.sites import AddedSite, add_site
from ...sync import credentials
from ...sync.client import normalise_url
from ...sync.engine import VerifiedLogin, verify_login
from ...sync.errors import SyncError
from ...ui.site_dialog_ui import Ui_SiteDialog
from .. import tasks, theme
from ..runner import failure_in_words

if TYPE_CHECKING:
    from ..context import AppContext


@dataclass(frozen=True)
class SiteForm:
    """What was typed when "Check and add" was pressed: verified and recorded as is."""

    name: str
    url: str
    user: str
    password: str
    ca_bundle: str
    editions: list[str]
    window_days: int  # how far back the first sync reaches (0: the whole archive)


class SiteDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SiteDialog()
        self.ui.setupUi(self)  # the layout: ui/site_dialog.ui
        self.ctx = ctx
        self.name = self.ui.siteName
        self.url = self.ui.siteUrl
        self.user = self.ui.siteUser
        self.password = self.ui.sitePassword
        self.ca_bundle = self.ui.siteCaBundle
        self.editions = self.ui.siteEditions
        self.window_days = self.ui.siteWindowDays
        self.message = self.ui.siteMessage
        self.buttons = self.ui.buttons
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Check and add")
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        self.added_role = ""
        self.stage = ""  # "checking" the login, "adding" the site, or "" (waiting for you)

    def form(self) -> SiteForm:
        editions = [e.strip() for e in self.editions.text().split(",") if e.strip()]
        return SiteForm(
            self.name.text().strip(), self.url.text().strip(), self.user.text().strip(),
            self.password.text(), self.ca_bundle.text().strip(), editions,
            self.window_days.value(),
        )  # fmt: skip

    def check(self) -> None:
        """Verify in the background; the dialog stays responsive."""
        form = self.form()
        if not (form.name and form.url and form.user and form.password):
            self.show_message(
                "Fill in the name, address, user name and application password.", True
            )
            return
        try:
            normalise_url(form.url)  # refused at once, before any password leaves
        except SyncError as exc:
            self.show_message(str(exc), True)
            return
        self.buttons.setEnabled(False)
        self.stage = "checking"
        self.show_message("Checking the login…", False)
        tasks.run_task(
            lambda: verify_login(
                form.url, form.user, form.password, ca_bundle=form.ca_bundle, site_name=form.name
            ),
            lambda login: self._verified(form, login),
            self._failed,
            owner=self,
        )

    def _verified(self, form: SiteForm, login: VerifiedLogin) -> None:
        if self.stage != "checking":
            return  # cancelled while the login was checked: nothing is added
        session_only = False
        if not credentials.keyring_available():
            answer = QMessageBox.question(
                self,
                "No keyring",
                credentials.no_keyring_message() + "\n\nKeep the password for this session only?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.stage = ""
                self.buttons.setEnabled(True)
                self.show_message("Not added: the password could not be kept safely.", True)
                return
            session_only = True
        self.stage = "adding"
        self.show_message("Adding the site…", False)
        # The row, then the password (keyring or session), in the operation: a failing
        # store write leaves no password behind.
        self.ctx.runner.store_op(
            self,
            lambda store: add_site(
                store,
                form.name,
                form.url,
                form.user,
                form.password,
                ca_bundle=form.ca_bundle,
                editions=form.editions,
                window_days=form.window_days,
                session_only=session_only,
                login=login,
            ),  # fmt: skip
        ).success(self._added).failure(self._failed).run()

    def _added(self, added: AddedSite) -> None:
        self.stage = ""
        self.buttons.setEnabled(True)
        login = added.login
        self.password.clear()
        self.added_role = login.role
        warnings = " ".join(login.warnings)
        self.show_message(f"Logged in as {login.name} ({login.role}). {warnings}", bool(warnings))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.stage = ""
        self.buttons.setEnabled(True)  # every field as typed, for another try
        self.show_message(failure_in_words(exc), True)

    def reject(self) -> None:
        if self.stage == "adding":  # being stored: its answer closes the dialog or says why
            return
        self.stage = ""
        super().reject()

    def show_message(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        theme.style(self.message, "color: #b00020;" if warning else "")
