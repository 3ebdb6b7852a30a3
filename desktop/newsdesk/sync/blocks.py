"""Article bodies between Newsdesk and WordPress.

Push: the Markdown is cut into its top-level blocks, each rendered by the
shared renderer (`newsdesk.render.markdown.render_body`, sanitised) and wrapped
in Gutenberg block delimiters, so the block editor opens the post as blocks.
A paragraph that is only a photo becomes a `core/image` block pointing at the
uploaded media.

Pull: HTML written elsewhere (the web editor) becomes Markdown through
markdownify; images of media we uploaded point back at `photo:<uuid>`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape, unescape

from markdown_it import MarkdownIt
from markdownify import markdownify

from ..render.markdown import PhotoRef, render_body
from .html_markdown import fast_html_to_markdown


@dataclass(frozen=True)
class MediaRef:
    """A photo as uploaded to one site."""

    photo_uuid: str
    media_id: int
    url: str
    caption: str = ""  # as the site shows it: the credit closing it in the house style
    alt: str = ""


MediaResolver = Callable[[str], MediaRef | None]

_SPLITTER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_LONE_PHOTO = re.compile(r"^!\[(?P<alt>[^\]]*)\]\(photo:(?P<uuid>[0-9A-Za-z-]+)\)\s*$")
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*-->\n?")

_WRAP = {
    "paragraph_open": "paragraph",
    "heading_open": "heading",
    "bullet_list_open": "list",
    "ordered_list_open": "list",
    "blockquote_open": "quote",
    "fence": "code",
    "code_block": "code",
    "hr": "separator",
    "table_open": "table",
}


def top_level_blocks(markdown: str) -> list[tuple[str, str, dict[str, object]]]:
    """(block name, Markdown source, attributes) for each top-level block."""
    lines = markdown.replace("\r\n", "\n").split("\n")
    blocks = []
    for token in _SPLITTER.parse(markdown):
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        name = _WRAP.get(token.type, "html")
        attrs: dict[str, object] = {}
        if token.type == "heading_open":
            level = int(token.tag[1])
            if level != 2:
                attrs["level"] = level
        elif token.type == "ordered_list_open":
            attrs["ordered"] = True
        source = "\n".join(lines[token.map[0] : token.map[1]])
        blocks.append((name, source, attrs))
    return blocks


def _comment(name: str, attrs: dict[str, object]) -> str:
    encoded = " " + json.dumps(attrs, separators=(",", ":")) if attrs else ""
    return f"<!-- wp:{name}{encoded} -->"


def _image_block(ref: MediaRef, alt: str) -> str:
    caption = (
        f'<figcaption class="wp-element-caption">{escape(ref.caption)}</figcaption>'
        if ref.caption
        else ""
    )
    attrs = {"id": ref.media_id, "sizeSlug": "large", "linkDestination": "none"}
    return (
        f"{_comment('image', attrs)}\n"
        f'<figure class="wp-block-image size-large"><img src="{escape(ref.url)}" '
        f'alt="{escape(alt or ref.alt)}" class="wp-image-{ref.media_id}"/>{caption}</figure>\n'
        "<!-- /wp:image -->"
    )


def _add_class(html: str, tag: str, css: str) -> str:
    return re.sub(rf"^<{tag}(?=[\s>])", f'<{tag} class="{css}"', html, count=1)


def markdown_to_blocks(markdown: str, resolve: MediaResolver) -> str:
    """The body as Gutenberg block markup; photos must already be uploaded (`resolve`)."""

    def photo_ref(uuid: str) -> PhotoRef | None:
        ref = resolve(uuid)
        return PhotoRef(uuid=uuid, src=ref.url, alt=ref.alt) if ref else None

    out = []
    for name, source, attrs in top_level_blocks(markdown):
        lone = _LONE_PHOTO.match(source.strip())
        if lone and name == "paragraph":
            ref = resolve(lone.group("uuid"))
            if ref is not None:
                out.append(_image_block(ref, lone.group("alt")))
            continue  # a photo that is not on the site is left out, as the renderer does
        html = render_body(source, photo_ref).strip()
        if not html:
            continue
        if name == "quote":
            html = _add_class(html, "blockquote", "wp-block-quote")
        elif name == "code":
            html = _add_class(html, "pre", "wp-block-code")
        elif name == "separator":
            html = '<hr class="wp-block-separator has-alpha-channel-opacity"/>'
        elif name == "table":
            html = f'<figure class="wp-block-table">{html}</figure>'
        out.append(f"{_comment(name, attrs)}\n{html}\n<!-- /wp:{name} -->")
    return "\n\n".join(out)


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


def html_to_markdown(html: str, photo_for_media: Callable[[int], str | None]) -> str:
    """Post HTML (block markup or classic) -> Markdown; known media become `photo:` links."""

    def relink(match: re.Match[str]) -> str:
        tag = match.group(0)
        media = _WP_IMAGE_ID.search(tag)
        uuid = photo_for_media(int(media.group(1))) if media else None
        if uuid:
            tag = _SRC.sub(f' src="photo:{uuid}"', tag, count=1)
        return tag

    html = _BLOCK_COMMENT.sub("", html)
    html = _IMG.sub(relink, html)
    # Figure captions are the media's caption, kept with the photo, not body text.
    html = re.sub(r"<figcaption\b.*?</figcaption>", "", html, flags=re.IGNORECASE | re.DOTALL)
    fast = fast_html_to_markdown(html)
    if fast is not None:
        return fast
    return tidy_markdown(
        markdownify(html, heading_style="ATX", bullets="-", escape_underscores=False)
    )


def tidy_markdown(text: str) -> str:
    """No runs of blank lines, no trailing spaces except a hard line break's two."""
    text = re.sub(r"\n{3,}", "\n\n", text)
    lines = [
        line if line.endswith("  ") and line.strip() else line.rstrip()
        for line in text.strip().split("\n")
    ]
    return "\n".join(lines)
