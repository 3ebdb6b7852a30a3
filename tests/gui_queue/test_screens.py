"""Screenshots of the queue and the ticker with realistic data, left in artifacts/."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_queue_screenshot(qtbot, queue_desk, newsroom, artifacts_dir):
    from newsdesk.gui.resources import stylesheet

    QApplication.instance().setStyleSheet(stylesheet())
    queue_desk.reload(keep_id=newsroom["no_tags"])
    qtbot.wait(50)
    assert queue_desk.grab().save(str(artifacts_dir / "queue.png"))


def test_ticker_screenshot(qtbot, ticker_desk, store, artifacts_dir):
    from newsdesk.gui.resources import stylesheet
    from newsdesk.services import ticker

    QApplication.instance().setStyleSheet(stylesheet())
    for line in (
        "Palestinian media: Crossing reopens to aid trucks after three-day closure",
        "Israeli media: Security cabinet to meet at 20:00 on ceasefire proposal",
        "Al Jazeera's correspondent in Lebanon: Two strikes reported near Tyre",
        "Palestinian media: Hospital in Khan Younis says fuel will last two days",
    ):
        ticker.publish_line(store, line, actor="Nadia Editor")
    ticker_desk.reload()
    ticker_desk.line.setText("Israeli media: Army says sirens sounded in the north")
    qtbot.wait(50)
    assert ticker_desk.grab().save(str(artifacts_dir / "ticker.png"))
