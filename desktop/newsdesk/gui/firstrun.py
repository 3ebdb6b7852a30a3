"""The first-run guide: who you are, your edition, and a site to publish to (or offline).

Shown over the main window the first time Newsdesk opens a data folder
(settings key firstrun/done); Skip, or closing it, leaves everything as it is
and does not ask again. Help ▸ First-run guide… opens it again. The role picks
the desk Newsdesk opens on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from .settings import EDITIONS, ROLES, Settings

if TYPE_CHECKING:
    from ..store import Store
    from .context import AppContext
    from .main_window import MainWindow

# The desk each role starts on; a desk that is not installed falls back to the reporter's.
DESK_FOR_ROLE = {
    "reporter": "Reporter's desk",
    "editor": "Editors' queue",
    "photo": "Photo desk",
}
ROLE_HINTS = {
    "reporter": "You write and file stories: Newsdesk opens on the Reporter's desk.",
    "editor": "You work the queue of filed stories: Newsdesk opens on the Editors' queue.",
    "photo": "You caption and check photos: Newsdesk opens on the Photo desk.",
}


class WhoPage(QWizardPage):
    def __init__(self, settings: Settings) -> None:
        super().__init__()
        from ..ui.firstrun_who_page_ui import Ui_FirstRunWhoPage  # the guide only: not at start

        self.ui = Ui_FirstRunWhoPage()
        self.ui.setupUi(self)  # the layout: ui/firstrun_who_page.ui
        self.name = self.ui.firstRunName
        self.name.setText(settings.author)
        self.roles = QButtonGroup(self)
        self.role_buttons: dict[str, QRadioButton] = {}
        current = str(settings.get("user/role"))
        for code, _label in ROLES:
            button = getattr(self.ui, f"role_{code}")
            button.setToolTip(ROLE_HINTS[code])
            button.setChecked(code == current)
            self.roles.addButton(button)
            self.role_buttons[code] = button
        self.hint = self.ui.roleHint
        self.hint.setText(ROLE_HINTS.get(current, ""))
        self.roles.buttonToggled.connect(lambda *_: self.hint.setText(ROLE_HINTS[self.role()]))
        # Not a "name*" field: Qt counts a mandatory field complete only once it differs
        # from its first value, and the name comes pre-filled.
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return bool(self.name.text().strip())

    def role(self) -> str:
        for code, button in self.role_buttons.items():
            if button.isChecked():
                return code
        return "reporter"


class EditionPage(QWizardPage):
    def __init__(self, settings: Settings, store: Store | None) -> None:
        super().__init__()
        from ..ui.firstrun_edition_page_ui import Ui_FirstRunEditionPage

        self.ui = Ui_FirstRunEditionPage()
        self.ui.setupUi(self)  # the layout: ui/firstrun_edition_page.ui
        self.edition = self.ui.firstRunEdition
        choices = list(EDITIONS)
        if store is not None:
            choices = [(e.code, f"{e.language} ({e.code})") for e in store.taxonomy.editions()]
        for code, label in choices or EDITIONS:
            self.edition.addItem(label, code)
        index = self.edition.findData(str(settings.get("user/default_edition")))
        self.edition.setCurrentIndex(max(0, index))


class PublishPage(QWizardPage):
    def __init__(self, ctx: AppContext | None) -> None:
        super().__init__()
        from ..ui.firstrun_publish_page_ui import Ui_FirstRunPublishPage

        self.ui = Ui_FirstRunPublishPage()
        self.ui.setupUi(self)  # the layout: ui/firstrun_publish_page.ui
        self.ctx = ctx  # the site is recorded on its database worker
        self.offline = self.ui.workOffline
        self.add_site = self.ui.addSiteButton
        self.add_site.clicked.connect(self.open_site_dialog)
        self.add_site.setEnabled(ctx is not None)
        self.status = self.ui.publishStatus
        self.site_dialog: QWidget | None = None
        self.site_added = ""

    def open_site_dialog(self) -> QWidget | None:
        if self.ctx is None:
            return None
        from .sync.site_dialog import SiteDialog

        dialog = SiteDialog(self.ctx, self)
        dialog.setObjectName("siteDialog")
        dialog.accepted.connect(lambda: self._added(dialog.name.text().strip()))
        self.site_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, name: str) -> None:
        self.site_added = name
        self.offline.setChecked(False)
        self.offline.setText("Work offline for now (a site is added: sync starts when online)")
        self.status.setText(f"Site “{name}” added and its login checked.")


class FirstRunGuide(QWizard):
    SKIP = QWizard.WizardButton.CustomButton1

    def __init__(
        self, settings: Settings, ctx: AppContext | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunGuide")
        self.setWindowTitle("Newsdesk — first run")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setOption(QWizard.WizardOption.NoCancelButton)  # Skip says what it does
        self.setButtonText(self.SKIP, "Skip")
        self.button(self.SKIP).setObjectName("skipButton")
        self.button(self.SKIP).clicked.connect(self.skip)
        self.settings = settings
        self.who = WhoPage(settings)
        self.edition = EditionPage(settings, ctx.store if ctx is not None else None)
        self.publish = PublishPage(ctx)
        for page in (self.who, self.edition, self.publish):
            self.addPage(page)
        self.resize(620, 460)
        self.outcome = ""  # "finished" or "skipped"

    def accept(self) -> None:
        self.settings.set("user/name", self.who.name.text().strip())
        self.settings.set("user/role", self.who.role())
        self.settings.set("user/default_edition", self.edition.edition.currentData() or "en")
        self.settings.set("firstrun/done", True)
        self.outcome = "finished"
        super().accept()

    def skip(self) -> None:
        """Keep every setting as it is and do not ask again (the menu still opens it)."""
        self.settings.set("firstrun/done", True)
        self.outcome = "skipped"
        super().reject()

    def reject(self) -> None:  # closing the window counts as skipping: never nag
        if not self.outcome:
            self.skip()
        else:
            super().reject()


def open_default_desk(window: MainWindow) -> str:
    """Show the desk for the user's role; returns the desk shown."""
    role = str(window.settings.get("user/role"))
    wanted = DESK_FOR_ROLE.get(role, DESK_FOR_ROLE["reporter"])
    if window.show_desk(wanted):
        return wanted
    window.show_desk(DESK_FOR_ROLE["reporter"])
    return DESK_FOR_ROLE["reporter"]


def show_guide(window: MainWindow) -> FirstRunGuide:
    """The guide over the window (not blocking); finishing it moves to the role's desk."""
    guide = FirstRunGuide(window.settings, window.context, window)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.accepted.connect(lambda: open_default_desk(window))
    window.first_run_guide = guide  # type: ignore[attr-defined]
    guide.open()
    return guide


def needs_guide(settings: Settings) -> bool:
    return not settings.get("firstrun/done")


def greet(window: MainWindow) -> FirstRunGuide | None:
    """At start-up: open on the role's desk, and run the guide on a new data folder."""
    open_default_desk(window)
    if needs_guide(window.settings):
        return show_guide(window)
    return None
