"""Queue and ticker desks on a temporary store seeded with a small newsroom."""

from __future__ import annotations

import pytest
from queue_data import seed

EDITOR = "Nadia Editor"


@pytest.fixture
def newsroom(store, tmp_path):
    return seed(store, tmp_path)


@pytest.fixture
def synchronous():
    """The database worker's operations run inline (the tests read the store after a key)."""
    from newsdesk.gui import tasks

    tasks.set_synchronous(True)
    yield
    tasks.set_synchronous(False)


@pytest.fixture
def queue_desk(qtbot, store, newsroom, synchronous):
    from newsdesk.gui.context import AppContext
    from newsdesk.gui.queue.desk import QueueDesk

    desk = QueueDesk(AppContext.for_store(store, user=EDITOR))
    qtbot.addWidget(desk)
    desk.resize(1500, 760)
    desk.show()
    qtbot.waitExposed(desk)
    desk.table.setFocus()
    yield desk
    desk.ctx.runner.close()


@pytest.fixture
def ticker_desk(qtbot, store):
    from newsdesk.gui.ticker.desk import TickerDesk

    desk = TickerDesk(store, user=EDITOR)
    qtbot.addWidget(desk)
    desk.resize(1000, 620)
    desk.show()
    qtbot.waitExposed(desk)
    desk.line.setFocus()
    return desk
