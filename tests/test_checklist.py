"""The pre-publish checklist on good and bad articles."""

from __future__ import annotations

from newsdesk.domain.article import Article, Source
from newsdesk.domain.checklist import (
    BLOCKING,
    WARNING,
    Context,
    blocking_failures,
    config_for,
    run_checklist,
    with_severity,
)


def good_news() -> Article:
    return Article(
        headline="Port talks resume as fuel shortages spread",
        standfirst="Negotiators returned on Monday.",
        body="word " * 200,
        section="News",
        tags=["Energy"],
        sources=[Source("Reuters", kind="news agency", attribution=True)],
    )


def results(article, context=None, config=None):
    return {
        r.rule: r for r in run_checklist(article, config or config_for(article.section), context)
    }


def test_a_good_story_passes():
    out = results(good_news(), Context(lead_photo_problems=[]))
    assert not blocking_failures(list(out.values()))
    assert all(r.ok for r in out.values()), [r.message for r in out.values() if not r.ok]


def test_a_bad_story_lists_every_blocking_reason():
    bad = Article(headline="x" * 200, standfirst="", body="short", section="News")
    out = results(bad)
    failed = {r.rule for r in blocking_failures(list(out.values()))}
    assert failed == {"headline", "standfirst", "section_and_tag", "lead_photo", "source"}
    assert out["headline"].message == "Headline: 200 of 110 characters."
    assert out["word_count"].severity == WARNING and not out["word_count"].ok


def test_lead_photo_problems_from_the_photo_desk_block():
    out = results(good_news(), Context(lead_photo_problems=["missing alt text"]))
    assert out["lead_photo"].blocks and "missing alt text" in out["lead_photo"].message


def test_embargo_is_respected():
    story = good_news()
    story.embargo_at = "2026-12-01T08:00:00Z"
    early = results(story, Context(lead_photo_problems=[], publish_at="2026-12-01T07:59:00Z"))
    assert early["embargo"].blocks
    on_time = results(story, Context(lead_photo_problems=[], publish_at="2026-12-01T08:00:00Z"))
    assert on_time["embargo"].ok


def test_agency_copy_without_attribution_warns():
    story = good_news()
    story.sources[0].attribution = False
    out = results(story, Context(lead_photo_problems=[]))
    assert not out["attribution"].ok and not out["attribution"].blocks


def test_sections_configure_their_rules():
    opinion = good_news()
    opinion.section, opinion.sources = "Articles", []
    out = results(opinion, Context(lead_photo_problems=[]))
    assert out["source"].ok
    live = Article(headline="Palestinian media: crossing reopens", section="Live", tags=["Aid"])
    live.sources = [Source("Palestinian media", attribution=True)]
    config = with_severity(config_for("Live"), "standfirst", None)
    assert not blocking_failures(run_checklist(live, config))
    strict = with_severity(config_for("News"), "word_count", BLOCKING)
    short = good_news()
    short.body = "too short"
    assert "word_count" in {
        r.rule for r in blocking_failures(run_checklist(short, strict, Context([])))
    }
