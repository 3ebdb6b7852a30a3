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
    from .desk import SyncDesk
    from .status import SyncStatusWidget

    controller = SyncController(window.store, parent=window)
    window.statusBar().addPermanentWidget(SyncStatusWidget(controller))
    window.add_desk(
        "Sync", SyncDesk(window.store, controller, runner=window.runner), icon_name="desk-sync"
    )
    controller.start()
    return controller
