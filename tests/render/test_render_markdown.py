"""Markdown -> sanitised HTML: features, photo figures, hostile bodies, pathological input."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser

import pytest

from newsdesk.render import markdown as md
from newsdesk.render.markdown import PhotoRef, render_body, render_body_full

A = "11111111-1111-4111-8111-111111111111"
B = "22222222-2222-4222-8222-222222222222"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collect()
    parser.feed(html)
    return parser.tags


def test_commonmark_tables_strikethrough_footnotes():
    html = render_body(
        "# Title\n\nSome *em* and **strong** and ~~gone~~.[^1]\n\n"
        "| Party | Seats |\n|---|--:|\n| A | 12 |\n\n- one\n- two\n\n[^1]: A note.\n"
    )
    assert "<h1>Title</h1>" in html
    assert "<em>em</em>" in html and "<strong>strong</strong>" in html
    assert "<s>gone</s>" in html or "<del>gone</del>" in html
    assert "<table>" in html and "<td>12</td>" in html
    assert '<li id="fn1" class="footnote-item">' in html
    assert 'href="#fn1"' in html
    assert "<ul>\n<li>one</li>" in html


def test_photo_alone_in_paragraph_becomes_figure_with_caption_and_credit(resolver):
    html = render_body(f"Before.\n\n![Tankers at anchor](photo:{A})\n\nAfter.", resolver)
    figure = re.search(r"<figure class=\"nd-photo\">(.*?)</figure>", html, re.S)
    assert figure, html
    assert f'src="newsdesk://photo/{A}"' in figure.group(1)
    assert 'alt="Tankers at anchor"' in figure.group(1)
    assert 'width="800" height="450"' in figure.group(1)
    # The house form the site prints: a final full stop, then the credit.
    assert 'Tankers wait outside the harbour.</span> <span class="nd-credit">(AP)</span>' in html
    assert "<p><figure" not in html  # a figure never sits inside a paragraph


def test_photo_within_text_stays_inline(resolver):
    html = render_body(f"Look ![small](photo:{B}) here.", resolver)
    assert html.startswith("<p>Look <img")
    assert f'src="newsdesk://photo/{B}"' in html and "<figure" not in html


def test_unknown_photo_is_dropped_or_shown_as_missing(resolver):
    body = "![gone](photo:99999999-0000-4000-8000-000000000000)"
    assert "<img" not in render_body(body, resolver)
    shown = render_body_full(body, resolver, show_missing=True).html
    assert "Photo not found in the library: photo:99999999" in shown and "<img" not in shown


def test_images_other_than_photo_references_are_dropped(resolver):
    html = render_body(
        "![remote](https://example.com/a.png) ![file](file:///etc/passwd) "
        "![data](data:image/png;base64,AAAA) ![rel](a.png)",
        resolver,
    )
    assert "<img" not in html


def test_no_resolver_means_no_images():
    assert "<img" not in render_body(f"![x](photo:{A})")


HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    '<img src="x" onerror="alert(1)">',
    '<img src="https://evil.example/track.gif">',
    '<img src="//evil.example/track.gif">',
    '<img srcset="https://evil.example/a.png 2x">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<svg><image href="https://evil.example/a.png"/></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
    '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    '<p style="background:url(https://evil.example/a.png)">styled</p>',
    "<style>body{background:url(https://evil.example/a.png)}</style>",
    '<link rel="stylesheet" href="https://evil.example/a.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<video src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio>',
    '<div onclick="alert(1)" onmouseover="alert(2)">hover</div>',
    '<a href="https://example.com" target="_blank" ping="https://evil.example">ok</a>',
    '<table background="https://evil.example/a.png"><tr><td>x</td></tr></table>',
    "<!-- <script>alert(1)</script> -->",
    "<noscript><img src=https://evil.example/a.png></noscript>",
    '<img src="newsdesk://photo/not-resolved">',
    "![x](photo:" + A + ' "title" onerror=alert(1))',
    # Markdown alone (no "<"): cleaned without the per-attribute check, so the
    # renderer's own link rule must refuse these.
    "[app](newsdesk://app/static/site.css) [rel](../secret) [ftp](ftp://evil.example/x)",
    "[proto](//evil.example/x) [file](file:///etc/passwd) [data](data:text/html;base64,PHA+)",
    "![remote](https://evil.example/a.png) ![other](newsdesk://photo/not-resolved)",
]
ALLOWED_TAGS = md._TAGS


@pytest.mark.parametrize("body", HOSTILE)
def test_hostile_bodies_lose_script_handlers_and_remote_resources(body, resolver):
    html = render_body(f"Intro.\n\n{body}\n\nOutro.", resolver)
    lowered = html.lower()
    for needle in ("<script", "<iframe", "<form", "<svg", "<style", "<link", "<meta", "<base",
                   "<object", "<embed", "<video", "<audio", "style=", "srcset", "ping="):  # fmt: skip
        assert needle not in lowered, (needle, html)
    for tag, attrs in elements(html):
        assert tag in ALLOWED_TAGS, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            for bad in ("javascript:", "vbscript:", "data:", "url(", "evil.example"):
                assert bad not in (value or "").lower(), (tag, name, value)
            if name == "src":
                assert value == f"newsdesk://photo/{A}", value
            if name == "href":
                assert value and value.startswith(("http://", "https://", "mailto:", "#")), value


def test_allowed_links_keep_their_address_and_get_noopener():
    html = render_body("[site](https://example.com/a?b=1) and <mailto:desk@example.com>")
    assert '<a href="https://example.com/a?b=1" rel="noopener noreferrer">site</a>' in html
    assert 'href="mailto:desk@example.com"' in html


MAILTO_BODIES = [
    "<mailto:desk@example.com?attach=/etc/passwd>",
    "[Write to us](mailto:desk@example.com?body=hello&cc=boss@example.com#x)",
    '<a href="mailto:desk@example.com?attach=%2Fetc%2Fpasswd">Write</a>',
    "<p><a href='mailto:desk@example.com&#63;subject=x'>Write</a></p>",
    "[Write](mailto:desk@example.com%3Fattach=/etc/passwd)",
]


@pytest.mark.parametrize("body", MAILTO_BODIES)
def test_mailto_links_keep_the_address_and_lose_their_headers(body):
    """`?attach=` and friends would let a reader's mail program attach a local file."""
    from newsdesk.sync.blocks import markdown_to_blocks

    rendered = {
        "preview/export": render_body_full(body, line_anchors=True, split_at_middle=True).html,
        "ninjs": render_body(body),
        "sync": markdown_to_blocks(body, lambda uuid: None),
    }
    for path, html in rendered.items():
        hrefs = [a.get("href") for tag, a in elements(html) if tag == "a"]
        assert hrefs == ["mailto:desk@example.com"], (path, html)


def test_a_mailto_link_with_only_headers_loses_its_target():
    html = render_body("[Write](mailto:?to=desk@example.com&attach=/etc/passwd)")
    assert "href" not in html and "Write" in html


def test_raw_html_that_is_harmless_survives():
    html = render_body("<p>Para with <b>bold</b> and <sub>2</sub></p>")
    assert "<b>bold</b>" in html and "<sub>2</sub>" in html


PATHOLOGICAL = {
    "emphasis": "*_" * 40000,
    "brackets": "[" * 13000,
    "image brackets": "![" * 13000,
    "nested quotes": ">" * 10000 + " deep",
    "nested quote lines": "\n".join(">" * i + " x" for i in range(1, 3000)),
    "nested list markers": "- " * 10000 + "x",
    "lists nested by indent": "\n".join("  " * i + "- x" for i in range(400)),
    "many small dense paragraphs": "\n\n".join(["![" * 1500] * 300),
    "many emphasis paragraphs": "\n\n".join(["*_" * 900] * 500),
    "backticks": "`" * 50000,
    "angle brackets": "<" * 50000 + "a",
    "huge input": "word " * 400_000,
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_markdown_renders_under_a_second(name):
    text = PATHOLOGICAL[name]
    # CPU time of this process: the work the input costs, not how long other processes
    # held the cores (wall time reached 2.9 s on a busy 2-core machine for 0.4 s of work).
    started = time.process_time()
    result = render_body_full(text)
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{name}: {elapsed:.2f} s of CPU"
    assert result.html


@pytest.mark.parametrize(
    ("name", "notice"),
    [
        ("emphasis", "formatting marks"),
        ("brackets", "formatting marks"),
        ("image brackets", "formatting marks"),
        ("nested quotes", "nested deeper than"),
        ("nested list markers", "nested deeper than"),
        ("lists nested by indent", "nested too deeply"),
        ("huge input", "longer than"),
    ],
)
def test_cut_offs_come_with_a_visible_notice(name, notice):
    result = render_body_full(PATHOLOGICAL[name])
    assert any(notice in n for n in result.notices), result.notices
    assert '<p class="nd-notice">' in result.html


def test_nested_quotes_keep_their_text():
    html = render_body(">" * 10000 + " the deepest words\n\nafter")
    assert "the deepest words" in html and "<p>after</p>" in html
    assert html.count("<blockquote>") == md.MAX_CONTAINER_DEPTH


def test_dense_paragraph_shown_verbatim_and_the_rest_still_formatted():
    html = render_body("*fine*\n\n" + "*_" * 40000 + "\n\n**also fine**")
    assert "<em>fine</em>" in html and "<strong>also fine</strong>" in html
    assert "*_*_*_" in html


def test_ordinary_text_is_not_touched_by_the_guards():
    text = "A [link](https://a.example) with **bold**, _it_ and ![p](photo:x).\n\n" * 200
    guarded, notices = md.guard_input(text)
    assert guarded == text and notices == []


def test_split_puts_the_cut_between_top_level_paragraphs():
    body = "\n\n".join(f"Paragraph {n}." for n in range(1, 7))
    result = render_body_full(body, split_at_middle=True)
    first, second = result.parts
    assert first.count("<p>") == 3 and second.count("<p>") == 3
    assert first + second == result.html


def test_split_survives_raw_html_that_swallows_the_cut():
    # An unclosed <iframe> (its HTML block ends at the blank line, but in HTML
    # it runs to the end) hides the cut from a one-pass clean:
    # each half is then cleaned alone, and nothing of the second half is lost.
    body = "One.\n\n<iframe>alert(1)\n\nTwo.\n\nThree.\n\nFour."
    first, second = render_body_full(body, split_at_middle=True).parts
    assert "nd-cut" not in first + second and "alert" not in first + second
    assert "<p>Three.</p>" in second and "<p>Four.</p>" in second
    assert "<p>One.</p>" in first


def test_line_anchors_and_auto_direction():
    result = render_body_full("one\n\n## two\n\n> three", line_anchors=True, auto_direction=True)
    assert '<p id="nd-L0" dir="auto">one</p>' in result.html
    assert '<h2 id="nd-L2" dir="auto">two</h2>' in result.html
    assert '<blockquote id="nd-L4" dir="auto">' in result.html
    assert result.anchors == [0, 2, 4]


def test_plain_render_has_no_page_only_attributes():
    html = render_body("one\n\n## two")
    assert "id=" not in html and "dir=" not in html


def test_resolver_src_is_the_only_image_source_allowed():
    def resolver(uuid: str) -> PhotoRef:
        return PhotoRef(uuid, f"https://site.example/wp-content/{uuid}.jpg", "Cap", "AFP")

    html = render_body(
        f'![a](photo:{A})\n\n<img src="https://site.example/wp-content/other.jpg">', resolver
    )
    assert f'src="https://site.example/wp-content/{A}.jpg"' in html
    assert "other.jpg" not in html


def test_nesting_clamp_counts_exactly():
    deep = md.MAX_CONTAINER_DEPTH
    assert md.guard_input("- " * deep + "x")[1] == []
    clamped, notices = md.guard_input("- " * (deep + 1) + "x")
    assert notices and clamped.count("- ") == deep
    assert render_body("> " * (deep + 1) + "deepest").count("<blockquote>") == deep


def test_a_caption_in_house_form_shows_its_credit_once():
    from newsdesk.render.markdown import PhotoRef, caption_html

    house = PhotoRef("u", "newsdesk://photo/u", "Soldiers patrol the border. (AP)", "AP", "alt")
    assert caption_html(house).count("(AP)") == 1
    assert '<span class="nd-credit">(AP)</span>' in caption_html(house)
    bare = PhotoRef("u", "newsdesk://photo/u", "Soldiers patrol the border.", "AP", "alt")
    assert caption_html(bare).endswith('<span class="nd-credit">(AP)</span>')
    slip = PhotoRef("u", "newsdesk://photo/u", "Soldiers patrol. (Lebanonese Army)", "AP", "alt")
    assert "(Lebanonese Army)" in caption_html(slip) and "(AP)" in caption_html(slip)


def test_a_caption_closed_by_a_slash_credit_shows_its_credit_once():
    """The slash house style ("… / AP") is read as closing the caption, like "(AP)"."""
    from newsdesk.render.markdown import PhotoRef, caption_html

    slash = PhotoRef("u", "newsdesk://photo/u", "Soldiers patrol the border. / AP", "AP", "alt")
    html = caption_html(slash)
    assert html == (
        '<span class="nd-caption">Soldiers patrol the border.</span> '
        '<span class="nd-credit">/ AP</span>'
    )
    assert html.count("AP") == 1
    arabic = PhotoRef("u", "newsdesk://photo/u", "جنود على الحدود. / أ ف ب", "أ ف ب", "alt")
    assert caption_html(arabic).count("أ ف ب") == 1
    # a credit with its own slash, written after the slash of the house style
    pool = "Kenny Holston/The New York Times via AP, Pool"
    both = PhotoRef("u", "newsdesk://photo/u", f"The president speaks. / {pool}", pool, "alt")
    assert caption_html(both).count(pool) == 1
    # a different agency after the slash is a slip: both stay visible
    slip = PhotoRef("u", "newsdesk://photo/u", "Soldiers patrol. / Reuters", "AP", "alt")
    assert "/ Reuters" in caption_html(slip) and '<span class="nd-credit">(AP)</span>' in (
        caption_html(slip)
    )
    # no credit on the photo: the caption's own closing credit is shown as the credit
    bare = PhotoRef("u", "newsdesk://photo/u", "Smoke rises. / Social media", "", "alt")
    assert caption_html(bare).endswith('<span class="nd-credit">/ Social media</span>')
