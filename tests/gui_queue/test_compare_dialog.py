"""The compare dialog from the queue: the reporter's submitted version against now."""

from __future__ import annotations

from newsdesk.gui.compare.dialog import CompareDialog


def _edit_as_editor(store, article_id):
    article = store.articles.get(article_id)
    article.headline = "Port talks resume in Doha after two-week strike"
    article.tags = ["Diplomacy", "Qatar"]
    article.body = article.body.replace("three-day closure", "four-day closure", 1)
    store.articles.save(article, author="Nadia Editor")


def test_compare_with_submitted_from_the_panel(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    story = newsroom["no_tags"]
    _edit_as_editor(store, story)
    desk.select_row(desk.model.row_of(story))
    assert desk.panel.compare_button.isEnabled()
    desk.panel.compare_button.click()
    dialog = desk.compare_dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.waitUntil(dialog.isVisible)
    submitted = store.workflow.submitted_revision(story)
    assert dialog.old_box.currentData() == submitted
    assert dialog.new_box.currentData() is None
    assert "reporter's submitted version" in dialog.old_box.currentText()

    text = dialog.view.toPlainText()
    html = dialog.view.toHtml()
    assert dialog.summary.text() == "3 fields changed: Headline, Body, Tags"
    for label in ("Headline", "Body", "Tags"):
        assert label in text
    # deletions struck through in red, insertions underlined in green
    assert "line-through" in html and "underline" in html
    assert "week-long" in text and "two-week" in text
    assert "three-day" in text and "four-day" in text
    # unchanged fields collapse into one line
    assert "Unchanged: Standfirst, Sources, Byline" in text
    assert "Negotiators returned" not in text
    dialog.show_unchanged.setChecked(True)
    assert "Negotiators returned to the table" in dialog.view.toPlainText()


def test_any_two_revisions(qtbot, store, newsroom):
    story = newsroom["no_tags"]
    _edit_as_editor(store, story)
    newest = store.revisions.latest(story).number
    dialog = CompareDialog(store, story)
    qtbot.addWidget(dialog)
    dialog._select(dialog.old_box, newest)
    assert dialog.summary.text() == "0 fields changed: none"
    assert "No differences" in dialog.view.toPlainText()
    dialog._select(dialog.new_box, 1)  # backwards: the first revision
    assert "Status" in dialog.summary.text()  # created as a draft, now submitted


def test_arabic_story_reads_right_to_left(qtbot, store, newsroom):
    story = newsroom["arabic"]
    article = store.articles.get(story)
    article.headline = "أزمة المياه تتفاقم في جنوب العراق"
    store.articles.save(article, author="Nadia Editor")
    dialog = CompareDialog(store, story)
    qtbot.addWidget(dialog)
    assert 'dir="rtl"' in dialog.view.toHtml() or dialog.rtl
    assert dialog.summary.text().startswith("1 field changed: Headline")
