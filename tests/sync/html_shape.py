"""The text and structure of an article body's HTML, for comparing the preview with the site.

Kept: block and inline elements in order (p, headings, lists, quotes, code, tables, figures,
em/strong/code/s/sup, links with their href, images with their alt) and the text, whitespace
collapsed. Set aside, each for a stated reason:
- attributes other than href/alt/start (classes, ids, rel, sizes, srcset differ by design);
- `section`/`div` wrappers, the `figure` the table block wraps its table in, and a `p`
  directly inside `li` (the editor's list items hold text,
  so a loose list is published tight; the footnotes' section is a separator and a list);
- WordPress's display-time typography (wptexturize: curly quotes, dashes, ellipsis).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_KEPT = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img", "br",
    "em", "strong", "code", "s", "del", "sup", "sub", "a",
}  # fmt: skip
_VOID = {"img", "hr", "br"}
_TEXTURIZE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'", "\u2033": '"',
    "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00d7": "x", "\u00a0": " ",
})  # fmt: skip


class _Shape(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.text = ""
        self.stack: list[str] = []
        self.skipped: list[bool] = []

    def flush(self) -> None:
        text = re.sub(r"\s+", " ", self.text.translate(_TEXTURIZE)).strip()
        if text:
            self.out.append(text)
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        skip = tag not in _KEPT or (tag == "p" and self.stack[-1:] == ["li"])
        if tag not in _VOID:
            self.skipped.append(skip)
            self.stack.append(tag)
        if skip:
            return
        self.flush()
        values = dict(attrs)
        shown = "".join(
            f" {k}={(values[k] or '').strip()}" for k in ("href", "alt", "start") if k in values
        )
        self.out.append(f"<{tag}{shown}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            skipped = self.skipped.pop()
            if not skipped:
                self.flush()
                self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        self.text += data


def shape(html: str) -> list[str]:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    parser.flush()
    out = parser.out
    for n in range(len(out) - 1):
        if out[n] == "<figure>" and out[n + 1] == "<table>":
            close = out.index("</table>", n) + 1
            if out[close : close + 1] == ["</figure>"]:
                out[n] = out[close] = ""
    return [part for part in out if part]
