"""A fast HTML -> Markdown path for the plain block markup the web editor writes.

markdownify (on BeautifulSoup) is the well-kept general converter and stays
the fallback for anything unusual. Converting a thousand posts through it costs
~8 ms each, more than fetching them; the common case — paragraphs, headings,
lists, quotes, emphasis, links, images — is a small, closed set of tags, read
here with one regular expression. Output is meant to match markdownify's
(`heading_style="ATX"`, `bullets="-"`, `*` escaped); a test compares the two.
Returns None whenever the HTML holds anything outside that set.
"""

from __future__ import annotations

import re
from html import unescape

_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<!--.*?-->|([^<]+)", re.S
)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*')""")
_WHITESPACE = re.compile(r"\s+")
_ODD_WHITESPACE = re.compile(r"[^\S ]|  ")  # any but single spaces: rarer than words
_ITEM = re.compile(r"^(\s*)(- |\d+\. )")
_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*", "del": "~~", "s": "~~"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "figure", "hr"}
_KNOWN = _BLOCKS | set(_INLINE) | {"a", "img", "br", "figcaption", "code"}


def _attrs(raw: str) -> dict[str, str]:
    return {k.lower(): unescape(v[1:-1]) for k, v in _ATTR.findall(raw)}


def _escape(text: str) -> str:
    return text.replace("*", r"\*")


def fast_html_to_markdown(html: str) -> str | None:
    """Markdown for simple block markup, or None (use the general converter)."""
    blocks: list[str] = []
    line: list[str] = []  # the inline text of the block being read
    lists: list[list[str | int]] = []  # per open list: [kind, counter]
    quote = 0
    heading = 0
    links: list[str] = []
    in_caption = False
    quote_start = 0

    def flush() -> None:
        text = "".join(line).strip()
        line.clear()
        if not text:
            return
        if heading:
            text = "#" * heading + " " + text
        if lists:
            kind = lists[-1][0]
            if kind == "ol":
                counter = int(lists[-1][1]) + 1
                lists[-1][1] = counter
                marker = f"{counter}. "
            else:
                marker = "- "
            text = "  " * (len(lists) - 1) + marker + text
        if quote:
            text = "\n".join("> " + part if part else ">" for part in text.split("\n"))
        blocks.append(text)

    for match in _TOKEN.finditer(html):
        closing, tag, raw_attrs, text = match.groups()
        if text is not None:
            if not in_caption:
                chunk = unescape(text) if "&" in text else text
                if "*" in chunk:
                    chunk = _escape(chunk)
                # Whitespace between blocks is not content; inside a block it is one space.
                if _ODD_WHITESPACE.search(chunk):
                    chunk = _WHITESPACE.sub(" ", chunk)
                if line and line[-1].endswith("\n"):
                    chunk = chunk.lstrip()  # a new line after <br> starts at its text
                if line or chunk.strip():
                    line.append(chunk)
            continue
        if tag is None:
            continue  # a comment (Gutenberg's block delimiters)
        tag = tag.lower()
        if tag not in _KNOWN:
            return None
        if tag in _INLINE:
            line.append(_INLINE[tag])
        elif tag == "code":
            line.append("`")
        elif tag == "a":
            if closing:
                href = links.pop() if links else ""
                line.append(f"]({href})" if href else "]")
            else:
                href = _attrs(raw_attrs).get("href", "")
                links.append(href)
                line.append("[")
        elif tag == "br":
            line.append("  \n")
        elif tag == "img":
            a = _attrs(raw_attrs)
            line.append(f"![{a.get('alt', '')}]({a.get('src', '')})")
        elif tag == "figcaption":
            in_caption = not closing
        elif tag == "hr":
            flush()
            blocks.append("---")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            flush()
            heading = 0 if closing else int(tag[1])
        elif tag in ("ul", "ol"):
            flush()
            if closing:
                if lists:
                    lists.pop()
            else:
                start = _attrs(raw_attrs).get("start", "1") if tag == "ol" else "1"
                lists.append([tag, int(start) - 1 if start.isdigit() else 0])
        elif tag == "blockquote":
            flush()
            if closing:
                quote -= 1
                # The quote's paragraphs form one quote: "> a\n>\n> b".
                inner = blocks[quote_start:]
                del blocks[quote_start:]
                if inner:
                    blocks.append("\n>\n".join(inner))
            else:
                if quote:
                    return None  # nested quotes: leave them to markdownify
                quote += 1
                quote_start = len(blocks)
        else:  # p, li, figure: a block boundary
            flush()
    flush()
    if lists or links or quote < 0:
        return None
    # Consecutive list items belong together: one newline, not a blank line.
    out: list[str] = []
    for block in blocks:
        is_item = bool(_ITEM.match(block))
        if out and is_item and _ITEM.match(out[-1].rsplit("\n", 1)[-1]):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return "\n\n".join(out)
