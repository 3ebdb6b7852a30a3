"""Markdown -> Gutenberg block markup the block editor opens as it is.

The body is parsed once, as the preview parses it (`render.markdown.parse_body`), so
reference links and footnotes resolve across the whole text; each block is then written
exactly as the block editor's own `save` writes it, inner blocks included:

- quotes hold inner blocks (paragraphs, headings, lists, code, photos, quotes);
- lists hold `core/list-item` blocks, a nested list inside its item; an ordered list
  that does not start at 1 carries `start` in its attributes;
- footnotes become a numbered notes list at the end, after a separator;
- a photo paragraph becomes `core/image`; what blocks cannot hold (a list item with
  several paragraphs, code or a quote in it; raw HTML) goes out as `core/html`.

Renderer notices (a cut-off, clamped nesting) are never written: they show in the app.

Some markup changed between WordPress releases (the default class on headings and lists,
fixed table layout). `BlockFlavour.from_block_types` reads them from the site's own block
registry (`/wp/v2/block-types`), so each site gets what its editor saves; checked against
WordPress 6.1 and the current block library by the tests (tests/blockcheck).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from ..render.markdown import ParsedBody, PhotoRef, parse_body

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True)
class MediaRef:
    """A photo as uploaded to one site."""

    photo_uuid: str
    media_id: int
    url: str
    caption: str = ""  # as the site shows it: the credit closing it in the house style
    alt: str = ""


MediaResolver = Callable[[str], MediaRef | None]


CURRENT_TABLE = True


@dataclass(frozen=True)
class BlockFlavour:
    """What the site's block editor writes where releases differ (default: current)."""

    heading_class: bool = True  # <h2 class="wp-block-heading"> (WordPress 6.2+)
    list_class: bool = True  # <ul class="wp-block-list"> (WordPress 6.6+)
    fixed_table_layout: bool = True  # <table class="has-fixed-layout"> for new tables

    @classmethod
    def from_block_types(cls, types: list[dict[str, Any]]) -> BlockFlavour:
        """From `GET /wp/v2/block-types?namespace=core&_fields=name,supports.className,
        attributes.hasFixedLayout`: a block type whose `className` support is off saves no
        default class."""
        by_name = {str(t.get("name")): t for t in types if isinstance(t, dict)}

        def keeps_class(name: str) -> bool:
            supports = by_name.get(name, {}).get("supports")
            return not (isinstance(supports, dict) and supports.get("className") is False)

        table = by_name.get("core/table", {}).get("attributes")
        fixed = table.get("hasFixedLayout") if isinstance(table, dict) else None
        return cls(
            heading_class=keeps_class("core/heading"),
            list_class=keeps_class("core/list"),
            fixed_table_layout=(
                bool(fixed.get("default")) if isinstance(fixed, dict) else CURRENT_TABLE
            ),
        )


CURRENT = BlockFlavour()
WORDPRESS_6_1 = BlockFlavour(heading_class=False, list_class=False, fixed_table_layout=False)
BLOCK_TYPE_FIELDS = "name,supports.className,attributes.hasFixedLayout"


def _attributes(attrs: dict[str, Any]) -> str:
    """The comment's JSON as the editor's serializer writes it (serializeAttributes)."""
    if not attrs:
        return ""
    text = json.dumps(attrs, separators=(",", ":"), ensure_ascii=False)
    text = text.replace("--", "\\u002d\\u002d").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("&", "\\u0026").replace('\\"', "\\u0022")
    return " " + text


def block(name: str, html: str, attrs: dict[str, Any] | None = None) -> str:
    return f"<!-- wp:{name}{_attributes(attrs or {})} -->\n{html}\n<!-- /wp:{name} -->"


def _close(tokens: list[Token], i: int) -> int:
    """Index of the token closing the one opened at `i`."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _code_text(text: str) -> str:
    """Code content as the code block's save escapes it (no shortcodes, no bare URLs)."""
    text = escape(text, quote=False).replace("[", "&#91;")
    return re.sub(r"^(\s*https?:)//([^\s<>\"]+\s*)$", r"\1&#47;&#47;\2", text, count=1, flags=re.M)


class _NotBlocks(Exception):
    """This part cannot be written as the editor's blocks: it goes out as core/html."""


class _Writer:
    def __init__(self, parsed: ParsedBody, resolve: MediaResolver, flavour: BlockFlavour):
        self.parsed = parsed
        self.resolve = resolve
        self.flavour = flavour

    def blocks(self, tokens: list[Token]) -> list[str]:
        """Blocks for a run of sibling tokens (a document, a quote's inside)."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            end = _close(tokens, i) if tokens[i].nesting == 1 else i
            written = self.one(tokens, i, end)
            out.extend(written)
            i = end + 1
        return out

    def one(self, tokens: list[Token], i: int, end: int) -> list[str]:
        tok = tokens[i]
        kind = tok.type
        if kind == "paragraph_open":
            html = self.parsed.html(tokens[i : end + 1]).strip()
            return [block("paragraph", html)] if html else []
        if kind == "heading_open":
            return [self.heading(tokens[i + 1], int(tok.tag[1]))]
        if kind in ("bullet_list_open", "ordered_list_open"):
            try:
                return [self.list_block(tokens, i, end)]
            except _NotBlocks:
                return self.html(tokens[i : end + 1])
        if kind == "blockquote_open":
            inner = "\n\n".join(self.blocks(tokens[i + 1 : end]))
            return [block("quote", f'<blockquote class="wp-block-quote">{inner}</blockquote>')]
        if kind in ("fence", "code_block"):
            code = _code_text(tok.content.removesuffix("\n"))
            return [block("code", f'<pre class="wp-block-code"><code>{code}</code></pre>')]
        if kind == "hr":
            return [self.separator()]
        if kind == "table_open":
            return [self.table(tokens[i : end + 1])]
        if kind == "html_block" and tok.meta and "photo_uuid" in tok.meta:
            ref = self.resolve(str(tok.meta["photo_uuid"]))
            # A photo that is not on the site is left out, as the renderer does.
            return [image_block(ref, str(tok.meta.get("alt", "")))] if ref else []
        if kind == "footnote_block_open":
            return self.notes(tokens[i + 1 : end])
        return self.html(tokens[i : end + 1])

    def html(self, tokens: list[Token]) -> list[str]:
        html = self.parsed.html(tokens).strip()
        return [block("html", html)] if html else []

    def heading(self, inline: Token, level: int) -> str:
        css = ' class="wp-block-heading"' if self.flavour.heading_class else ""
        text = self.parsed.inline(inline)
        return block(
            "heading", f"<h{level}{css}>{text}</h{level}>", {"level": level} if level != 2 else None
        )

    def separator(self) -> str:
        return block("separator", '<hr class="wp-block-separator has-alpha-channel-opacity"/>')

    def list_block(self, tokens: list[Token], i: int, end: int) -> str:
        tok = tokens[i]
        ordered = tok.type == "ordered_list_open"
        attrs: dict[str, Any] = {}
        html_attrs = ""
        if ordered:
            attrs["ordered"] = True
            start = int(tok.attrGet("start") or 1)
            if start != 1:
                attrs["start"] = start
                html_attrs += f' start="{start}"'
        if self.flavour.list_class:
            html_attrs += ' class="wp-block-list"'
        items = []
        j = i + 1
        while j < end:
            close = _close(tokens, j)
            items.append(self.list_item(tokens[j + 1 : close]))
            j = close + 1
        tag = "ol" if ordered else "ul"
        inner = "\n\n".join(items)
        return block("list", f"<{tag}{html_attrs}>{inner}</{tag}>", attrs)

    def list_item(self, tokens: list[Token]) -> str:
        text = ""
        nested: list[str] = []
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            close = _close(tokens, k) if tok.nesting == 1 else k
            if tok.type == "paragraph_open" and not text and not nested:
                inline = tokens[k + 1]
                if inline.content.lstrip().startswith("![") and "photo:" in inline.content:
                    raise _NotBlocks  # a photo in a list item: the item cannot hold it
                text = self.parsed.inline(inline)
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                nested.append(self.list_block(tokens, k, close))
            else:
                raise _NotBlocks  # a second paragraph, code, a quote, a heading...
            k = close + 1
        return block("list-item", f"<li>{text}{''.join(nested)}</li>")

    def table(self, tokens: list[Token]) -> str:
        html = re.sub(r">\s*\n\s*<", "><", self.parsed.html(tokens).strip())
        if self.flavour.fixed_table_layout:
            html = html.replace("<table>", '<table class="has-fixed-layout">', 1)
        return block("table", f'<figure class="wp-block-table">{html}</figure>')

    def notes(self, tokens: list[Token]) -> list[str]:
        """Footnotes: a separator and a numbered list, each note keeping its id and its
        link back to the reference (list items take no id of their own)."""
        items = []
        k = 0
        while k < len(tokens):
            close = _close(tokens, k)
            note = tokens[k]
            number = int(note.meta.get("id", 0)) + 1
            parts = [
                self.parsed.inline(t).strip() for t in tokens[k + 1 : close] if t.type == "inline"
            ]
            text = "<br>".join(p for p in parts if p)
            # The renderer's links back (one per reference); the first carries the note's id.
            anchors = [t for t in tokens[k + 1 : close] if t.type == "footnote_anchor"]
            back = self.parsed.html(anchors).strip().replace("<a ", f'<a id="fn{number}" ', 1)
            items.append(block("list-item", f"<li>{text} {back}</li>"))
            k = close + 1
        if not items:
            return []
        css = ' class="wp-block-list"' if self.flavour.list_class else ""
        inner = "\n\n".join(items)
        notes = block("list", f"<ol{css}>{inner}</ol>", {"ordered": True})
        return [self.separator(), notes]


def _attribute(value: str) -> str:
    """An attribute value as the editor's serializer escapes it (escapeAttribute)."""
    return escape(value, quote=False).replace('"', "&quot;")


def image_block(ref: MediaRef, alt: str) -> str:
    # The caption is rich text: the editor reads it back as the DOM writes text (no
    # quotes escaped), so it is written that way.
    caption = (
        f'<figcaption class="wp-element-caption">{escape(ref.caption, quote=False)}</figcaption>'
        if ref.caption
        else ""
    )
    attrs = {"id": ref.media_id, "sizeSlug": "large", "linkDestination": "none"}
    return block(
        "image",
        f'<figure class="wp-block-image size-large"><img src="{_attribute(ref.url)}" '
        f'alt="{_attribute(alt or ref.alt)}" class="wp-image-{ref.media_id}"/>{caption}</figure>',
        attrs,
    )


def markdown_to_blocks(
    markdown: str, resolve: MediaResolver, flavour: BlockFlavour = CURRENT
) -> str:
    """The body as block markup; photos must already be uploaded (`resolve`)."""

    def photo_ref(uuid: str) -> PhotoRef | None:
        ref = resolve(uuid)
        return PhotoRef(uuid=uuid, src=ref.url, alt=ref.alt) if ref else None

    parsed = parse_body(markdown, photo_ref)
    return "\n\n".join(_Writer(parsed, resolve, flavour).blocks(parsed.tokens))
