"""Published as written: against the real WordPress, what Newsdesk pushes opens cleanly in
the block editor, loses nothing (footnotes, reference links), publishes no app notice, comes
back unchanged after an untouched re-save, and reads on the site as the preview shows it."""

from __future__ import annotations

import difflib
from pathlib import Path

import httpx
import pytest

from newsdesk.render.markdown import render_body_full
from newsdesk.services.preview import PreviewSource
from newsdesk.services.samples import sample_files
from newsdesk.services.transfer import read_article_file
from newsdesk.sync.reconcile import article_revision

from .helpers import add_photo, connect, sync, write
from .html_shape import shape

pytestmark = pytest.mark.wordpress

CORPUS = Path(__file__).parent / "data" / "every-construct.md"


def _raw(wp, remote_id: int) -> str:
    with wp.client("editor") as web:
        post = web.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
    return str(post["content"]["raw"])


def _public(wp, remote_id: int) -> str:
    """The post as an anonymous reader gets it."""
    answer = httpx.get(f"{wp.api}/wp/v2/posts/{remote_id}", timeout=30)
    answer.raise_for_status()
    return str(answer.json()["content"]["rendered"])


def _corpus_article(store, tmp_path, **fields):
    photo = add_photo(store, tmp_path, caption="Rain on the coast road", credit="AP",
                      alt="A wet road", seed=3)  # fmt: skip
    body = CORPUS.read_text(encoding="utf-8").replace("photo:p-1", f"photo:{photo.uuid}")
    return write(store, headline="Every construct", body=body, section="News", **fields)


def _remote_id(store, article) -> int:
    return store.sync.remote_post(article.id, store.sites.list()[0].id).remote_id


def test_footnotes_and_reference_links_are_published_and_notices_are_not(store, wordpress_plugin):
    connect(store, wordpress_plugin, "editor")
    deep = ">" * 14 + " Too deep to show."
    body = (
        "A claim[^1] and a [source][src].\n\n" + deep + "\n\n"
        "[src]: https://example.org/source\n\n[^1]: Said by the minister on Monday.\n"
    )
    article = write(store, headline="Notes", body=body, status="published")
    assert sync(store).ok
    # The preview shows a notice about the clamped nesting; the site must not.
    assert render_body_full(body).notices
    public = _public(wordpress_plugin, _remote_id(store, article))
    assert "Said by the minister on Monday." in public
    assert 'href="#fn1"' in public and 'id="fn1"' in public
    assert 'href="https://example.org/source"' in public
    assert "[^1]" not in public and "[src]" not in public and "[source]" not in public
    assert "nested deeper" not in public and "nd-notice" not in public
    assert "Too deep to show." in public


@pytest.mark.parametrize(
    "with_plugin, role",
    [(False, "editor"), (True, "editor"), (True, "author")],
    ids=["plain", "plugin", "plugin-author-filtered-html"],
)
def test_a_post_resaved_untouched_in_the_block_editor_comes_back_unchanged(
    store, tmp_path, wordpress, wordpress_plugin, blockcheck, with_plugin, role
):
    """An author's HTML goes through WordPress's filter (kses): still valid, still the same."""
    wp = wordpress_plugin if with_plugin else wordpress
    connect(store, wp, role)
    article = _corpus_article(store, tmp_path, status="submitted")
    assert sync(store).ok
    remote_id = _remote_id(store, article)
    raw = _raw(wp, remote_id)
    verdict = blockcheck.verdict(raw, "wp")
    assert verdict.problems == []

    # The editor opens the post and presses Update without typing: parse + serialize with
    # its own scripts, written back as the editor writes it.
    with wp.client(role) as web:
        web.post(f"/wp/v2/posts/{remote_id}", json={"content": verdict.resaved}).raise_for_status()
    revision = article_revision(store, article.id)
    report = sync(store)
    assert report.ok and not report.conflicts, report
    again = store.articles.get(article.id)
    assert again.body == article.body
    assert article_revision(store, article.id) == revision  # no spurious change either
    assert store.sync.remote_post(article.id, store.sites.list()[0].id).state == "synced"


@pytest.mark.parametrize("with_plugin", [False, True], ids=["plain", "plugin"])
def test_a_post_edited_in_the_block_editor_still_merges(
    store, wordpress, wordpress_plugin, blockcheck, with_plugin
):
    wp = wordpress_plugin if with_plugin else wordpress
    connect(store, wp, "editor")
    body = (
        "The talks resumed on Monday.\n\n## What is at stake\n\n- a truce\n- prisoners\n\n"
        "> We are hopeful.\n>\n> Very hopeful.\n\n3. third\n4. fourth\n\nThe last paragraph."
        "[^1]\n\n[^1]: Officials said so on *Monday* evening."
    )
    article = write(store, headline="Talks", body=body, status="submitted")
    assert sync(store).ok
    remote_id = _remote_id(store, article)
    edited = blockcheck.verdict(_raw(wp, remote_id), "wp").resaved.replace(
        "resumed on Monday", "resumed on Tuesday"
    )
    with wp.client("editor") as web:
        web.post(f"/wp/v2/posts/{remote_id}", json={"content": edited}).raise_for_status()
    article.body = body.replace("The last paragraph.", "The last paragraph, edited here.")
    store.articles.save(article)
    report = sync(store)
    assert report.ok and not report.conflicts, report
    merged = store.articles.get(article.id).body
    assert merged == body.replace("on Monday.", "on Tuesday.").replace(
        "The last paragraph.", "The last paragraph, edited here."
    )


def _articles(store, tmp_path):
    """The sample articles with their photos, and the stress corpus."""
    out = [_corpus_article(store, tmp_path, status="published")]
    photo = add_photo(store, tmp_path, caption="Pickers at dawn", credit="Reuters",
                      alt="Olive pickers", seed=5)  # fmt: skip
    for path in sample_files():
        sample = read_article_file(path)
        sample.status = "published"
        if "pictures" in path.name:
            sample.body += f"\n\n![Olive pickers](photo:{photo.uuid})\n"
        store.articles.create(sample, author="test")
        out.append(sample)
    return out


def test_the_site_shows_what_the_preview_showed(store, tmp_path, wordpress_plugin):
    connect(store, wordpress_plugin, "editor")
    articles = _articles(store, tmp_path)
    report = sync(store)
    assert report.ok, report
    preview = PreviewSource(store)
    for article in articles:
        shown = render_body_full(article.body, preview.context_for(article).resolve).html
        public = _public(wordpress_plugin, _remote_id(store, article))
        assert shape(public) == shape(shown), "\n".join(
            difflib.unified_diff(shape(shown), shape(public), "preview", "site", lineterm="")
        )
