"""The ticker desk by keyboard: type a line, Enter; it appears first; edit; remove; undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.guikeys import type_text
from newsdesk.services import ticker


def enter(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_type_a_line_enter_and_it_is_first(qtbot, ticker_desk, store):
    desk = ticker_desk
    ticker.publish_line(store, "Israeli media: Sirens in the north", actor="Sam")
    desk.reload()
    type_text(desk.line, "Palestinian media: Crossing reopens to aid trucks")
    assert "Attributed to Palestinian media" in desk.checks.text()
    assert desk.counter.text() == "49 / 160"
    with qtbot.waitSignal(desk.published) as sent:
        enter(qtbot, desk.line)
    new_id = sent.args[0]
    assert desk.item_ids()[0] == new_id and len(desk.item_ids()) == 2
    article = store.articles.get(new_id)
    assert (article.status, article.section, article.priority) == ("published", "Live", 1)
    assert [h.actor for h in store.workflow.history(new_id)] == ["Nadia Editor"] * 3
    assert desk.line.text() == "" and desk.message.text().startswith("Published at")


def test_a_line_without_attribution_is_refused_and_kept(qtbot, ticker_desk, store):
    desk = ticker_desk
    type_text(desk.line, "Crossing reopens")
    assert "✗" in desk.checks.text()
    enter(qtbot, desk.line)
    assert desk.item_ids() == [] and store.articles.count() == 0
    assert desk.message.text().startswith(
        "Not published: A breaking line opens with its attribution"
    )
    assert desk.line.text() == "Crossing reopens"  # nothing typed is lost


def test_edit_with_f2_and_remove_with_delete_then_undo(qtbot, ticker_desk, store):
    desk = ticker_desk
    first = ticker.publish_line(store, "Israeli media: Sirens in the north", actor="Sam")
    second = ticker.publish_line(store, "Lebanese media: Strike near Tyre", actor="Sam")
    desk.reload()
    desk.items.setFocus()
    desk.items.setCurrentRow(1)
    assert desk.selected_id() == first.id
    qtbot.keyClick(desk.items, Qt.Key.Key_F2)
    assert desk.line.text() == "Israeli media: Sirens in the north"
    assert desk.send.text() == "Save change"
    type_text(desk.line, ", army says")
    with qtbot.waitSignal(desk.changed):
        enter(qtbot, desk.line)
    assert store.articles.get(first.id).headline == "Israeli media: Sirens in the north, army says"
    assert store.workflow.history(first.id)[-1].action == "update"
    assert desk.item_ids() == [second.id, first.id]  # editing keeps the order
    assert desk.send.text() == "Publish"

    desk.items.setFocus()
    desk.items.setCurrentRow(0)
    qtbot.keyClick(desk.items, Qt.Key.Key_Delete)
    assert desk.item_ids() == [first.id]
    assert store.articles.get(second.id).status == "spiked"
    assert desk.undo.isVisible()
    desk.undo.click()
    assert desk.item_ids() == [second.id, first.id]
    assert store.articles.get(second.id).status == "published"


def test_prefix_completion_from_recent_items(qtbot, ticker_desk, store):
    desk = ticker_desk
    ticker.publish_line(store, "Al-Quds correspondent: Roads closed", actor="Sam")
    desk.reload()
    assert desk.prefixes.stringList()[0] == "Al-Quds correspondent: "
    type_text(desk.line, "al-q")
    popup = desk.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    # Offscreen the popup cannot grab the keyboard, so the arrow's highlight is set directly.
    popup.setCurrentIndex(popup.model().index(0, 0))
    enter(qtbot, popup)
    assert desk.line.text() == "Al-Quds correspondent: "
    assert len(desk.item_ids()) == 1  # choosing a prefix published nothing
    type_text(desk.line, "Checkpoint reopened")
    enter(qtbot, desk.line)
    assert (
        ticker.get(store, desk.item_ids()[0]).line == "Al-Quds correspondent: Checkpoint reopened"
    )


def test_items_published_elsewhere_appear_when_announced_with_no_timer(qtbot, ticker_desk, store):
    from PySide6.QtCore import QTimer

    from newsdesk.ops import Changes
    from newsdesk.ops import ticker as ticker_ops

    desk = ticker_desk
    assert desk.findChildren(QTimer) == [], "nothing polls"
    heard = []
    desk.hub.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    other_desk = object()
    changes = ticker_ops.publish(store, "Israeli media: Sirens in the north", actor="Sam")
    (item_id,) = changes.articles
    assert changes == Changes(articles=frozenset({item_id}), queue=True, ticker=True)
    assert desk.item_ids() == []  # not yet told
    desk.hub.announce(changes, other_desk)
    assert desk.item_ids() == [item_id]

    # Hidden: it only notes the news, and reloads when shown again.
    desk.hide()
    removed = ticker_ops.remove(store, item_id, actor="Sam")
    desk.hub.announce(removed, other_desk)
    assert desk.stale and desk.item_ids() == [item_id]
    desk.show()
    assert desk.item_ids() == [] and not desk.stale

    # What the desk does itself, it announces once, as its initiator.
    heard.clear()
    type_text(desk.line, "Lebanese media: Strike reported near Tyre")
    enter(qtbot, desk.line)
    [(news, initiator)] = heard
    assert initiator is desk and news.ticker and news.articles == {desk.item_ids()[0]}


def test_a_ticker_item_from_another_desk_shows_in_the_window_after_an_announce(qtbot, tmp_path):
    from newsdesk.ops import ticker as ticker_ops
    from windows import shown_window

    with shown_window(qtbot, tmp_path / "store") as window:
        assert window.show_desk("Breaking ticker")
        desk = window.desks.currentWidget()
        before = desk.item_ids()  # the sample newsroom's
        changes = ticker_ops.publish(
            window.store, "Palestinian media: Crossing reopens", actor="Rana"
        )
        assert desk.item_ids() == before
        window.announce(changes, None)  # e.g. the queue, or a sync that pulled it
        assert desk.item_ids() == [*changes.articles, *before]
