"""The breaking ticker service: check, publish through the workflow, edit, remove."""

from __future__ import annotations

import pytest

from newsdesk.domain.workflow import WorkflowError
from newsdesk.services import ticker


def test_a_line_is_checked_saved_and_published_through_the_workflow(store):
    item = ticker.publish_line(
        store, "Palestinian media:  Crossing reopens to aid trucks", actor="Rana"
    )
    article = store.articles.get(item.id)
    assert article.status == "published" and item.status == "published"
    assert (article.section, article.priority) == ("Live", 1)
    assert article.headline == "Palestinian media: Crossing reopens to aid trucks"
    assert [(s.name, s.attribution) for s in article.sources] == [("Palestinian media", True)]
    history = store.workflow.history(item.id)
    assert [(h.action, h.actor, h.role) for h in history] == [
        ("submit", "Rana", "editor"),
        ("approve", "Rana", "editor"),
        ("publish", "Rana", "editor"),
    ]


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Crossing reopens to aid trucks", "attribution_prefix"),
        ("Palestinian media:", "attribution_prefix"),
        ("Israeli media: " + "very long news " * 12, "headline"),
    ],
)
def test_bad_lines_are_refused_with_the_reason_and_nothing_saved(store, line, rule):
    before = store.articles.count()
    with pytest.raises(ticker.TickerRejected) as info:
        ticker.publish_line(store, line, actor="Rana")
    assert [f.rule for f in info.value.failures] == [rule]
    assert str(info.value)
    assert store.articles.count() == before


def test_length_limit_counts_the_prefix(store):
    line = "Israeli media: " + "x" * (ticker.LINE_LIMIT - len("Israeli media: "))
    assert len(line) == ticker.LINE_LIMIT
    ticker.publish_line(store, line, actor="Rana")
    with pytest.raises(ticker.TickerRejected, match="161 of 160"):
        ticker.publish_line(store, line + "y", actor="Rana")


def test_newest_first_edit_and_remove(store):
    first = ticker.publish_line(store, "Israeli media: Sirens in the north", actor="Rana")
    second = ticker.publish_line(store, "Lebanese media: Strike reported near Tyre", actor="Rana")
    assert [i.id for i in ticker.items(store)] == [second.id, first.id]

    edited = ticker.edit_line(
        store, first.id, "Israeli media: Sirens sound in the north, army says", actor="Omar"
    )
    assert edited.line.endswith("army says") and edited.status == "published"
    assert store.workflow.history(first.id)[-1].action == "update"
    with pytest.raises(ticker.TickerRejected):
        ticker.edit_line(store, first.id, "no prefix here", actor="Omar")
    assert store.articles.get(first.id).headline.endswith("army says")

    ticker.remove(store, second.id, actor="Omar")
    assert [i.id for i in ticker.items(store)] == [first.id]
    assert store.articles.get(second.id).status == "spiked"  # kept, recoverable
    ticker.restore(store, second.id, actor="Omar")
    assert store.articles.get(second.id).status == "published"


def test_edit_refuses_an_ordinary_story(store):
    from newsdesk.domain.article import Article

    story = store.articles.create(Article(headline="Not a ticker item"))
    with pytest.raises(WorkflowError, match="not a breaking ticker item"):
        ticker.edit_line(store, story.id, "Israeli media: something", actor="Omar")


def test_recent_prefixes_newest_first_then_defaults(store):
    ticker.publish_line(store, "Al-Quds correspondent: Roads closed", actor="R")
    ticker.publish_line(store, "Israeli media: Cabinet meets tonight", actor="R")
    prefixes = ticker.recent_prefixes(store)
    assert prefixes[:2] == ["Israeli media", "Al-Quds correspondent"]
    assert "Palestinian media" in prefixes and len(set(prefixes)) == len(prefixes)


def test_split_prefix():
    assert ticker.split_prefix("Haaretz's correspondent in Lebanon: Shelling") == (
        "Haaretz's correspondent in Lebanon",
        "Shelling",
    )
    assert ticker.split_prefix("No prefix") is None
    assert ticker.split_prefix("Time 10:30 reported") is None


def test_the_ticker_reads_its_items_through_its_index_not_the_whole_section(store):
    """A big store's live section holds thousands of stories, few of them breaking:
    the ticker's reads go straight to the breaking ones (schema 15's index)."""
    sql = (
        "SELECT id FROM articles WHERE section = ? AND priority >= ? AND status NOT IN (?, ?) "
        "AND edition = ? ORDER BY created_at DESC, id DESC LIMIT 200"
    )
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN " + sql, (ticker.SECTION, ticker.BREAKING, "spiked", "killed", "en")
    ).fetchall()
    assert any("articles_ticker (section=? AND priority>?)" in row[-1] for row in plan), plan
