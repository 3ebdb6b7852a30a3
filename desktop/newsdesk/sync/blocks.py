"""Article bodies between Newsdesk and WordPress.

Push: `block_markup.markdown_to_blocks` writes the body as the block editor's own
blocks (see there).

Pull: HTML written elsewhere (the web editor) becomes Markdown through
markdownify; images of media we uploaded point back at `photo:<uuid>`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from .block_markup import (
    BLOCK_TYPE_FIELDS,
    CURRENT,
    WORDPRESS_6_1,
    BlockFlavour,
    MediaRef,
    MediaResolver,
    markdown_to_blocks,
)
from .html_markdown import fast_html_to_markdown

__all__ = [
    "BLOCK_TYPE_FIELDS",
    "CURRENT",
    "WORDPRESS_6_1",
    "BlockFlavour",
    "MediaRef",
    "MediaResolver",
    "captions_only_differ",
    "html_to_markdown",
    "markdown_to_blocks",
    "same_markup",
    "tidy_markdown",
]


_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*-->\n?")
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_ALT = re.compile(r'\salt="([^"]*)"')
_SELF_CLOSING = re.compile(r"\s*/>")


def _normal(html: str) -> str:
    """Markup as WordPress may store what we sent: kses (for users without unfiltered_html)
    writes `<img … />` for `<img …/>` and may spell entities its own way."""
    return unescape(_SELF_CLOSING.sub("/>", html))


def same_markup(content: str, stored: str) -> bool:
    """Is `stored` (a post's raw content) the `content` we send, as WordPress keeps it?"""
    return content == stored or _normal(content) == _normal(stored)


def captions_only_differ(content: str, stored: str) -> bool:
    """The post's content differs from `content` only in figure captions and alt texts."""

    def bare(html: str) -> str:
        return _normal(_ALT.sub("", _FIGCAPTION.sub("", html)))

    def captions(html: str) -> list[str]:
        return [unescape(t) for t in _FIGCAPTION.findall(html) + _ALT.findall(html)]

    return bare(content) == bare(stored) and captions(content) != captions(stored)


_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_WP_IMAGE_ID = re.compile(r"wp-image-(\d+)")
_SRC = re.compile(r'\ssrc="[^"]*"')


CORRECTION_CLASS = "newsdesk-correction"
_CORRECTION = re.compile(
    rf'(?:<!-- wp:paragraph {{"className":"{CORRECTION_CLASS}"}} -->\s*)?'
    rf'<p class="{CORRECTION_CLASS}">.*?</p>(?:\s*<!-- /wp:paragraph -->)?',
    re.DOTALL,
)


def correction_block(text: str, when: str, edition: str) -> str:
    """A published correction under the body: labelled and dated in the edition's language."""
    from html import escape

    from ..render.i18n import format_date, labels

    label = labels(edition).get("correction", "Correction")
    dated = f" ({format_date(when, edition)})" if format_date(when, edition) else ""
    return (
        f'\n\n<!-- wp:paragraph {{"className":"{CORRECTION_CLASS}"}} -->\n'
        f'<p class="{CORRECTION_CLASS}"><strong>{escape(label)}{dated}:</strong> '
        f"{escape(text)}</p>\n<!-- /wp:paragraph -->"
    )


def html_to_markdown(html: str, photo_for_media: Callable[[int], str | None]) -> str:
    """Post HTML (block markup or classic) -> Markdown; known media become `photo:` links."""

    def relink(match: re.Match[str]) -> str:
        tag = match.group(0)
        media = _WP_IMAGE_ID.search(tag)
        uuid = photo_for_media(int(media.group(1))) if media else None
        if uuid:
            tag = _SRC.sub(f' src="photo:{uuid}"', tag, count=1)
        return tag

    if CORRECTION_CLASS in html:  # (the pattern has no literal start: ~0.4 ms a post to scan)
        html = _CORRECTION.sub("", html)  # the article's correction field, not its body
    html = _BLOCK_COMMENT.sub("", html)
    html = _IMG.sub(relink, html)
    # Figure captions are the media's caption, kept with the photo, not body text.
    html = re.sub(r"<figcaption\b.*?</figcaption>", "", html, flags=re.IGNORECASE | re.DOTALL)
    html, notes = _footnotes_back(html, photo_for_media)
    markdown = fast_html_to_markdown(html)
    if markdown is None:
        # Imported here: with BeautifulSoup it costs ~0.12 s, paid only by markup the
        # fast path does not know, not by every start of the window.
        from markdownify import markdownify

        markdown = tidy_markdown(
            markdownify(html, heading_style="ATX", bullets="-", escape_underscores=False)
        )
    return "\n\n".join([markdown, *notes]) if notes else markdown


# The notes list the push writes (block_markup): a separator, then an ordered list whose
# items each end with links back to their references; the references are footnote-ref sups.
_NOTES = re.compile(
    r"<hr\b[^>]*>\s*<ol\b[^>]*>(?P<items>(?:(?!</?ol\b).)*?footnote-backref(?:(?!</?ol\b).)*)"
    r"</ol>\s*$",
    re.DOTALL,
)
_NOTE_ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.DOTALL)
_BACKREF = re.compile(r"\s*<a\b[^>]*footnote-backref[^>]*>.*?</a>", re.DOTALL)
_NOTE_ID = re.compile(r'\bid="fn(\d+)"')
_NOTE_REF = re.compile(
    r'<sup class="footnote-ref"><a href="#fn(\d+)"[^>]*>\[\d+(?::\d+)?\]</a></sup>', re.DOTALL
)


def _footnotes_back(
    html: str, photo_for_media: Callable[[int], str | None]
) -> tuple[str, list[str]]:
    """Footnotes Newsdesk published, as Markdown footnotes again: `[^1]` and `[^1]: text`."""
    found = _NOTES.search(html)
    if found is None:
        return html, []
    notes = []
    for item in _NOTE_ITEM.findall(found.group("items")):
        number = _NOTE_ID.search(item)
        if number is None:
            return html, []  # a list that only looks like our notes: left as it is
        text = html_to_markdown(f"<p>{_BACKREF.sub('', item).strip()}</p>", photo_for_media)
        notes.append(f"[^{number.group(1)}]: {text}")
    html = _NOTE_REF.sub(lambda m: f"[^{m.group(1)}]", html[: found.start()])
    return html, notes


def tidy_markdown(text: str) -> str:
    """No runs of blank lines, no trailing spaces except a hard line break's two."""
    text = re.sub(r"\n{3,}", "\n\n", text)
    lines = [
        line if line.endswith("  ") and line.strip() else line.rstrip()
        for line in text.strip().split("\n")
    ]
    return "\n".join(lines)
