"""Screenshots of the queue and the ticker with realistic data, left in artifacts/."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_queue_screenshot(qtbot, queue_desk, newsroom, artifacts_dir):
    from newsdesk.gui.resources import stylesheet

    QApplication.instance().setStyleSheet(stylesheet())
    # a stale claim, a take-over button, and red, amber and green checklist rules
    queue_desk.reload(keep_id=newsroom["claimed"])
    # what the picture is for: the queue's rows, the claimed story in the side panel
    assert queue_desk.model.rowCount() >= 5
    assert queue_desk.panel.article_id == newsroom["claimed"]
    assert queue_desk.panel.take_over.isVisibleTo(queue_desk)
    assert queue_desk.panel.checklist.count() > 0
    assert queue_desk.grab().save(str(artifacts_dir / "queue.png"))
    queue_desk.panel.tabs.setCurrentIndex(1)
    assert queue_desk.panel.notes.isVisibleTo(queue_desk)
    assert queue_desk.grab().save(str(artifacts_dir / "queue-notes.png"))


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
    assert ticker_desk.items.count() == 4
    assert ticker_desk.grab().save(str(artifacts_dir / "ticker.png"))


def test_compare_screenshot(qtbot, store, newsroom, artifacts_dir):
    from newsdesk.gui.compare.dialog import CompareDialog
    from newsdesk.gui.resources import stylesheet

    QApplication.instance().setStyleSheet(stylesheet())
    article = store.articles.get(newsroom["no_tags"])
    article.headline = "Port talks resume in Doha after two-week strike"
    article.tags = ["Qatar", "Diplomacy"]
    article.body = article.body.replace("three-day closure", "four-day closure", 1)
    store.articles.save(article, author="Nadia Editor")
    dialog = CompareDialog(store, article.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "four-day closure" in dialog.view.toPlainText()
    assert dialog.grab().save(str(artifacts_dir / "compare.png"))
