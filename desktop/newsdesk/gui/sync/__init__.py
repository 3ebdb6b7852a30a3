"""The sync surfaces: status indicator, sync desk (sites, states, log), conflict dialog.

`install(window)` adds the indicator to the status bar and a "Sync" desk; the
work itself runs in newsdesk.sync on a worker thread with its own store
connection, so no event handler waits on the network.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from .controller import SyncController


def install(window: MainWindow) -> SyncController:
    from .controller import SyncController
    from .status import SyncStatusWidget

    controller = SyncController(window.store, parent=window)
    window.statusBar().addPermanentWidget(SyncStatusWidget(controller))
    # Built after the first paint, with the other desks not on screen.
    window.add_desk("Sync", lambda: _desk(window, controller), icon_name="desk-sync")
    # Before the store closes: a closed window's controller never syncs again (its
    # timer would otherwise fire on a closed store).
    window.closing.connect(controller.stop)
    controller.start()
    return controller


def _desk(window: MainWindow, controller: SyncController):  # type: ignore[no-untyped-def]
    from .desk import SyncDesk  # with the site dialog and the sync engine: after the paint

    return SyncDesk(window.context, controller)
