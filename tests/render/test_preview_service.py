"""The page's context from a real store with imported photos, and the HTML export."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from newsroom_samples import build_newsroom

from newsdesk.domain.article import Article
from newsdesk.services.preview import (
    PreviewSource,
    export_article_html,
    export_html,
    photo_uuids,
    render_preview,
)


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    # Built once: importing and caption-checking the photos takes seconds.
    from newsdesk.store import open_store

    folder = tmp_path_factory.mktemp("newsroom")
    shared = open_store(folder / "store")
    yield shared, build_newsroom(shared, folder / "camera")
    shared.close()


@pytest.fixture
def store(newsroom):
    return newsroom[0]


@pytest.fixture
def room(newsroom):
    return newsroom[1]


def test_photo_uuids_in_body_order_once_each():
    body = "![a](photo:b-1) text ![b]( photo:a-2 ) ![again](photo:b-1) ![x](https://x/y.png)"
    assert photo_uuids(body) == ["b-1", "a-2"]


def test_context_has_lead_inline_photos_related_and_read_next(store, room):
    article = room.articles["en"]
    context = PreviewSource(store).context_for(article)
    lead = store.photos.get(article.lead_photo_id)
    assert context.lead_photo is not None
    assert context.lead_photo.src == f"newsdesk://photo/{lead.uuid}"
    assert (context.lead_photo.caption, context.lead_photo.credit) == (lead.caption, "AP")
    (inline_uuid,) = photo_uuids(article.body)
    assert context.photos[inline_uuid].caption == "Drivers queue for fuel in the old town"
    related = [c.headline for c in context.related]
    assert related == [
        room.articles["en_related_1"].headline,
        room.articles["en_related_2"].headline,
    ]
    next_headlines = [c.headline for c in context.read_next]
    assert article.headline not in next_headlines
    assert next_headlines[:2] == [
        room.articles["en_other_2"].headline,
        room.articles["en_other"].headline,
    ]  # the stories not already linked mid-body come first, newest first
    assert all(c.href.startswith("newsdesk://app/article/") for c in context.read_next)
    assert {c.direction for c in context.read_next} == {"ltr"}


def test_context_keeps_to_the_edition_and_hides_spiked_stories(store, room):
    spiked = room.articles["ar_related_2"].copy()
    spiked.id = room.articles["ar_related_2"].id
    spiked.status = "spiked"
    store.articles.save(spiked)
    try:
        context = PreviewSource(store).context_for(room.articles["ar"])
    finally:
        spiked.status = "draft"
        store.articles.save(spiked)
    headlines = [c.headline for c in context.related + context.read_next]
    assert spiked.headline not in headlines
    assert room.articles["ar_related_1"].headline in headlines
    assert all(c.direction == "rtl" for c in context.related + context.read_next)
    assert not any(room.articles[k].headline in headlines for k in ("en", "es", "en_other"))


def test_missing_photo_file_or_unknown_uuid_gives_no_photo(store, room):
    article = room.articles["en"]
    lead = store.photos.get(article.lead_photo_id)
    original = store.photos.original_path(lead)
    moved = original.with_suffix(".moved")
    original.rename(moved)
    try:
        source = PreviewSource(store)
        assert source.context_for(article).lead_photo is None
        assert source.photo("no-such-uuid") is None
    finally:
        moved.rename(original)


def test_full_page_from_the_store(store, room):
    article = room.articles["en"]
    page = render_preview(article, PreviewSource(store).context_for(article))
    assert "(AP)" in page.html and "(Social media)" in page.html
    assert "Related News" in page.html and "Read Next" in page.html
    assert "Source: " in page.html and "Reuters" in page.html


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        for name, value in attrs:
            if name in ("src", "href") and tag != "a":
                self.refs.append(value or "")


def test_export_writes_a_standalone_page_with_photos_alongside(store, room, tmp_path):
    article = room.articles["ar"]
    written = export_html(store, article.id, tmp_path / "out")
    assert written.parent == tmp_path / "out" and written.suffix == ".html"
    files = written.with_name(written.stem + "_files")
    html = written.read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(html)
    assert parser.refs, "the page should show its photos"
    for ref in parser.refs:
        assert ref.startswith(files.name + "/"), ref
        assert (written.parent / ref).is_file(), ref
    assert (files / "fonts" / "NotoNaskhArabic-Regular.ttf").is_file()
    assert (files / "fonts" / "OFL.txt").is_file()
    assert "url(" + files.name + "/fonts/NotoNaskhArabic-Regular.ttf)" in html
    assert "newsdesk:" not in html.replace("newsdesk://app/article/", "")
    assert not re.search(r"(src|href)=\"https?://", html)
    assert "Preview ·" not in html  # no preview banner in an export


def test_export_to_a_named_file_of_unsaved_edits(store, room, tmp_path):
    article = room.articles["es"].copy()
    article.headline = "Titular sin guardar"
    written = export_article_html(store, article, tmp_path / "x" / "page.html")
    assert written == tmp_path / "x" / "page.html"
    assert "Titular sin guardar" in written.read_text(encoding="utf-8")
    assert (tmp_path / "x" / "page_files").is_dir()


def test_export_of_unknown_article_names_it(store, tmp_path):
    from newsdesk.store.errors import NotFoundError

    with pytest.raises(NotFoundError, match="No article with id 999"):
        export_html(store, 999, tmp_path)


def test_unknown_photo_reference_previews_as_missing(store, tmp_path):
    article = Article(headline="Plain", body="![x](photo:abc)\n\ntext", edition="es")
    page = render_preview(article, PreviewSource(store).context_for(article))
    body = page.html[page.html.find('class="story-body"') : page.html.find('class="read-next"')]
    assert "<img" not in body and "Photo not found in the library: photo:abc" in body


def test_the_articles_own_caption_wins_over_the_library(store, room):
    article = room.articles["en"]
    (inline_uuid,) = photo_uuids(article.body)
    inline = store.photos.get_by_uuid(inline_uuid)
    store.photos.uses.set_caption(
        article.id, inline.id, caption="Drivers wait at a station in the old town", alt_text="Cars"
    )
    try:
        context = PreviewSource(store).context_for(article)
        assert context.photos[inline_uuid].caption == "Drivers wait at a station in the old town"
        assert context.photos[inline_uuid].credit == "Social media"
        assert context.photos[inline_uuid].alt == "Cars"
        other = PreviewSource(store).context_for(room.articles["en_related_1"])
        assert other.photos == {}  # the override belongs to that one article
    finally:
        store.photos.uses.set_caption(article.id, inline.id, caption=None, alt_text=None)


def test_photo_resolver_for_other_formats_names_photos_by_urn(store, room):
    from newsdesk.render.markdown import render_body
    from newsdesk.services.preview import photo_resolver

    article = room.articles["es"]
    (inline_uuid,) = photo_uuids(article.body)
    html = render_body(article.body, photo_resolver(store, article))
    assert f'src="urn:newsdesk:photo:{inline_uuid}"' in html
    assert "Un puesto de votación en una zona rural" in html and "(AFP)" in html
    assert "newsdesk://" not in html


def test_cli_exports_ninjs_with_the_rendered_body(store, room, tmp_path):
    import json
    import subprocess
    import sys

    article = room.articles["en"]
    out = tmp_path / "story.json"
    subprocess.run(
        [sys.executable, "-m", "newsdesk", "--data-dir", str(store.folder), "export",
         str(article.id), "--format", "ninjs", "-o", str(out)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    item = json.loads(out.read_text(encoding="utf-8"))
    html = [b for b in item["bodies"] if "html" in b.get("contentType", "")]
    assert html and '<figure class="nd-photo">' in html[0]["value"]


@pytest.mark.parametrize(
    ("edition", "label"), [("en", "Correction (3 Dec 2026):"), ("es", "Corrección (3 dic 2026):")]
)
def test_the_preview_shows_a_correction_as_the_site_does(tmp_path, edition, label):
    """Under the body, labelled and dated in the edition's language, like the pushed block."""
    from newsdesk.ops.workflow import transition
    from newsdesk.store import open_store

    store = open_store(tmp_path / "store")
    try:
        article = store.articles.create(
            Article(headline="Port", body="Text.", edition=edition, status="published")
        )
        transition(store, article.id, "correct", actor="Nadia", role="editor", note="Fixed <b>.")
        store.conn.execute("UPDATE transitions SET at = '2026-12-03T10:00:00Z'")
        article = store.articles.get(article.id)
        page = render_preview(article, PreviewSource(store).context_for(article)).html
    finally:
        store.close()
    correction = re.search(r'<p class="newsdesk-correction"[^>]*>(.*?)</p>', page, re.S)
    assert correction, "no correction on the page"
    assert f"<strong>{label}</strong> Fixed &lt;b&gt;." in correction.group(1)
    assert page.index("newsdesk-correction") > page.index("Text.")
