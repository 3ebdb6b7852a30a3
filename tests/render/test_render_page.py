"""The article page: every part of the site model, in order; RTL; ticker; escaping."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.paths import resource_path
from newsdesk.render.markdown import PhotoRef
from newsdesk.render.page import Card, PageOptions, meta_date, render_page

A = "11111111-1111-4111-8111-111111111111"
B = "22222222-2222-4222-8222-222222222222"
WORDS_570 = " ".join(["word"] * 570)


def story(**changes) -> Article:  # type: ignore[no-untyped-def]
    fields = dict(
        headline="Port talks resume as fuel shortages spread",
        standfirst="Negotiators returned to the table on Monday.",
        body=(
            "First paragraph.\n\nSecond paragraph.\n\n"
            f"![Cars queue](photo:{B})\n\nThird paragraph.\n\nFourth paragraph."
        ),
        byline="Newsdesk Economy Desk",
        dateline="BEIRUT",
        section="News",
        subsection="Politics",
        tags=["Azerbaijan", "Israel", "Iran"],
        sources=[
            Source("Haaretz", attribution=True),
            Source("A private briefing", attribution=False),
        ],
        updated_at="2022-12-16T20:05:00Z",
    )
    fields.update(changes)
    return Article(**fields)


LEAD = PhotoRef(
    A,
    f"newsdesk://photo/{A}",
    "Tankers wait outside the harbour",
    "Kenny Holston/The New York Times via AP, Pool",
    "Tankers",
    800,
    450,
)
RELATED = [
    Card("Importers warn of price rises", "newsdesk://app/article/r1"),
    Card("Union sets a deadline", "newsdesk://app/article/r2"),
]
NEXT = [
    Card("Night desk", "newsdesk://app/article/n1", "Opinion", "1 Dec 2022", LEAD),
    Card("Harvest", "newsdesk://app/article/n2", "In Pictures"),
]


def test_page_has_every_part_of_the_site_model_in_order(resolver):
    html = render_page(
        story(), resolver=resolver, lead_photo=LEAD, related=RELATED, read_next=NEXT
    ).html
    marks = [
        'class="section-label">Politics<',
        'class="headline" dir="auto">Port talks resume',
        'class="standfirst" dir="auto">Negotiators returned',
        'By <strong dir="auto">Newsdesk Economy Desk</strong>',
        'Source: <span dir="auto">Haaretz</span>',
        "16 Dec 2022 20:05",
        "1 Min Read",
        'class="lead-photo"',
        "(Kenny Holston/The New York Times via AP, Pool)",
        '<span class="dateline">BEIRUT — </span>First paragraph.',
        "Second paragraph.",
        'class="related-news"',
        "Importers warn of price rises",
        "Union sets a deadline",
        "Third paragraph.",
        "Fourth paragraph.",
        'class="story-tags"',
        "Azerbaijan",
        'class="read-next"',
        'class="card-section">Opinion<',
        "Night desk",
    ]
    positions = [html.find(m) for m in marks]
    missing = [m for m, p in zip(marks, positions, strict=True) if p < 0]
    assert not missing, missing
    assert positions == sorted(positions), [
        m for m, _ in sorted(zip(marks, positions, strict=True), key=lambda x: x[1])
    ]
    assert "A private briefing" not in html  # only attributed sources are named
    assert html.count('<figure class="nd-photo">') == 1  # the inline photo


def test_related_box_sits_mid_body_between_paragraphs(resolver):
    html = render_page(story(), resolver=resolver, related=RELATED).html
    body = html[
        html.find('class="story-body"') : html.find("</div>", html.find('class="related-news"'))
    ]
    box = body.find('class="related-news"')
    before, after = body[:box], html[html.find("</aside>") :]
    assert before.count("<p") >= 1 and after.count("<p") >= 1


def test_read_time_follows_the_site_4_min_for_570_words():
    html = render_page(story(body=WORDS_570)).html
    assert "4 Min Read" in html


def test_meta_date_uses_schedule_when_set():
    assert meta_date(story()) == "16 Dec 2022 20:05"
    assert meta_date(story(scheduled_at="2023-01-02T08:30:00Z")) == "2 Jan 2023 08:30"


def test_arabic_page_is_rtl_with_a_shaping_font_and_arabic_labels():
    article = story(
        edition="ar",
        headline="مفاوضات جديدة حول تقاسم مياه النهر",
        body="فقرة عربية أولى.\n\nThe delegations did not comment.\n\nفقرة ثالثة.",
        subsection="Environment",
        sources=[Source("وكالة الأنباء الرسمية", attribution=True)],
    )
    html = render_page(article, related=RELATED).html
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="section-label">بيئة<' in html
    assert "المصدر: " in html and "أخبار ذات صلة" in html
    assert "16 ديسمبر 2022 20:05" in html
    assert (
        '<p id="nd-L2" dir="auto">The delegations did not comment.</p>' not in html
    )  # no anchors unless asked
    assert (
        '<p dir="auto">The delegations did not comment.</p>' in html
    )  # mixed text keeps its direction
    css = resource_path("preview", "site.css").read_text()
    assert '.edition-ar {\n  --serif: "Noto Naskh Arabic"' in css
    assert "url(fonts/NotoNaskhArabic-Regular.ttf)" in css
    assert (
        resource_path("preview", "fonts") / "NotoNaskhArabic-Regular.ttf"
    ).stat().st_size > 100_000
    assert "SIL Open Font License" in (resource_path("preview", "fonts") / "OFL.txt").read_text()


def test_blocks_take_their_own_direction_only_where_some_text_reads_against_the_page():
    plain = render_page(story(body="One.\n\n> Two.")).html
    assert "</span>One.</p>" in plain and "<blockquote>\n<p>Two.</p>" in plain
    mixed = render_page(story(body="One.\n\n> قال المتحدث.")).html
    assert '<p dir="auto"><span class="dateline">' in mixed
    assert '<blockquote dir="auto">\n<p dir="auto">قال المتحدث.</p>' in mixed


def test_spanish_page_is_ltr_with_spanish_labels():
    html = render_page(story(edition="es", subsection="Politics"), related=RELATED).html
    assert '<html lang="es" dir="ltr">' in html
    assert "Política" in html and "Noticias relacionadas" in html and "Fuente: " in html
    assert "16 dic 2022 20:05" in html and "1 min de lectura" in html


def test_breaking_item_previews_as_a_ticker_line():
    html = render_page(story(priority=1, headline="Israeli media: Crossing reopens")).html
    assert 'class="ticker"' in html
    assert re.search(
        r'class="ticker-label">Breaking</span>\s*<p class="ticker-line" dir="auto"><time>20:05</time> Israeli media: Crossing reopens',
        html,
    )
    assert "related-news" not in html


def test_everything_from_the_article_is_escaped():
    article = story(
        headline="<script>alert(1)</script>",
        standfirst='"><img src=x onerror=alert(1)>',
        byline="<b>me</b>",
        tags=["<i>tag</i>"],
        dateline="<x>",
        sources=[Source("<script>", attribution=True)],
    )
    html = render_page(article, related=[Card("<script>", "javascript:alert(1)")]).html
    assert "<script>" not in html
    assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_preview_page_allows_only_the_app_scheme_and_export_only_local_files():
    preview = unescape(render_page(story()).html)
    assert "default-src 'none'; img-src newsdesk:;" in preview
    assert "script-src 'none'" in preview
    assert 'href="newsdesk://app/static/site.css"' in preview
    inline = render_page(story(), options=PageOptions(inline_css=True, asset_base="x_files/")).html
    assert "url(x_files/fonts/NotoNaskhArabic-Regular.ttf)" in inline
    assert "<link" not in inline


def test_scroll_target_parks_the_edited_block():
    body = "one\n\ntwo\n\nthree\nstill three\n\nfour"
    page = render_page(story(body=body), options=PageOptions(scroll_line=5, scroll_fraction=0.4))
    assert page.anchor == "nd-L4"
    assert "#nd-L4{scroll-margin-top:40vh}" in page.html


TEMPLATE_PARTS = {
    "article.html.j2": [
        "section-label",
        "headline",
        "standfirst",
        "_meta.html.j2",
        "lead-photo",
        "lead_caption",
        "body_first",
        "related-news",
        "body_rest",
        "story-tags",
        "read-next",
        "_card.html.j2",
    ],
    "_meta.html.j2": ["t.by", "a.byline", "t.source", "attributions", "date", "read_time"],
    "_card.html.j2": ["card.photo", "figcaption", "card-section", "card-headline"],
    "ticker.html.j2": ["ticker-label", "ticker-line"],
    "base.html.j2": ['lang="{{ lang }}"', 'dir="{{ dir }}"', "Content-Security-Policy", "viewport"],
}


@pytest.mark.parametrize("name", list(TEMPLATE_PARTS))
def test_templates_contain_every_page_part(name):
    text = Path(resource_path("templates", name)).read_text()
    missing = [part for part in TEMPLATE_PARTS[name] if part not in text]
    assert not missing, missing


def test_stylesheet_has_desktop_tablet_and_phone_rules():
    css = resource_path("preview", "site.css").read_text()
    assert "@media (max-width: 1024px)" in css and "@media (max-width: 600px)" in css
    assert "http" not in css  # nothing remote
