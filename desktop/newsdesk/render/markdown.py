"""Article bodies: Markdown -> sanitised HTML, with `photo:<uuid>` images resolved.

One function, `render_body`, serves the preview, the ninjs exporter and sync. The
Markdown is parsed by markdown-it-py (CommonMark + tables + strikethrough +
footnotes) and the HTML is then cleaned by nh3 (ammonia): no script, no event
handlers, no frames, forms, styles or remote resources survive. Images survive
only when their `src` is one the resolver returned during this very render.

Pathological input never hangs: the input is capped, container nesting is
clamped before parsing and paragraphs dense with markup characters are shown as
plain text. Each of these adds a visible notice (see `RenderedBody.notices`).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

import nh3

if TYPE_CHECKING:  # the parser is built on first use: not on the path to the first paint
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from ..domain.captions import closing_credit, ends_sentence

PHOTO_SCHEME = "photo:"

# --- limits: generous for any real article, small enough to stay well under 1 s ----
MAX_INPUT_CHARS = 1_000_000  # ~150,000 words; the rest is cut off with a notice
MAX_CONTAINER_DEPTH = 12  # quotes/lists deeper than this are shown at this depth
# markdown-it's token nesting ceiling. Each list level takes two (list + item);
# every unmatched `[` also costs work proportional to it.
MAX_NESTING = 40
MAX_EMPHASIS_MARKS = 20_000  # `*`/`_` in the whole text (~0.1 s of emphasis matching)
# Each unclosed `[` costs markdown-it ~50 us and each `![` ~130 us, whatever the
# paragraph's length: past this weighted count (~0.2 s) paragraphs go verbatim.
MAX_LABEL_OPENERS = 4_000


@dataclass(frozen=True)
class PhotoRef:
    """A photo as a page shows it. `src` is whatever URL the caller's page can load."""

    uuid: str
    src: str
    caption: str = ""
    credit: str = ""
    alt: str = ""
    width: int = 0
    height: int = 0


# uuid -> PhotoRef, or None when the photo is unknown (it is then dropped).
PhotoResolver = Callable[[str], PhotoRef | None]


@dataclass
class RenderedBody:
    html: str
    notices: list[str] = field(default_factory=list)
    # The body cut in two between top-level blocks, when a split was asked for.
    parts: tuple[str, ...] = ()
    # 0-based source lines of the top-level blocks carrying `nd-L<line>` ids.
    anchors: list[int] = field(default_factory=list)


# --- the sanitiser's allowlist ------------------------------------------------
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "del", "div", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
# Removed together with everything inside them (their text would be noise or code).
_CLEAN_CONTENT = {
    "script", "style", "svg", "math", "iframe", "object", "embed", "template",
    "noscript", "textarea", "select", "button", "frame", "frameset", "noembed",
}  # fmt: skip
_ATTRIBUTES = {
    "*": {"dir", "lang", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "blockquote": {"cite"},
}
_CLASSES = {
    "figure": {"nd-photo", "nd-missing"},
    "span": {"nd-credit", "nd-caption"},
    "div": {"nd-notice", "nd-missing-box"},
    "p": {"nd-notice"},
    "sup": {"footnote-ref"},
    "a": {"footnote-backref"},
    "hr": {"footnotes-sep"},
    "section": {"footnotes"},
    "ol": {"footnotes-list"},
    "li": {"footnote-item"},
}
_ALLOWED_ID = re.compile(r"^(nd-L\d+|fn\d+|fnref\d+(:\d+)?)$")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
# A mailto link keeps its address only: its headers (`?attach=`, `?body=`, `?cc=`...)
# could make a reader's mail program attach a local file or write in their name.
# Percent-encoded `?`/`#` are cut too (some mail programs decode them first).
_MAILTO_HEADERS = re.compile(r"[?#]|%3f|%23", re.IGNORECASE)
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

# --- input guards --------------------------------------------------------------
# The run of container markers opening a line: `>` quotes and list bullets/numbers.
_CONTAINER_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+")
_CONTAINER_MARK = re.compile(r">|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])")
# Searched in "\n" + text: a pattern opening with a literal is scanned for at
# C speed (~6x faster than `^` under re.M on a long body).
_TOO_DEEP = re.compile(
    r"\n(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))" + f"{{{MAX_CONTAINER_DEPTH + 1},}}"
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The one parser, built when first asked for (markdown-it and its plugins take
    ~70 ms to import, which the window's first paint need not wait for)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.core.ruler.push("nd_figures", _figures_rule)
    md.core.ruler.push("nd_page_attributes", _page_attributes_rule)
    return md


def _render_link_open(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    """Links go to the web, mail or a footnote; any other target is dropped (the text stays)."""
    token = tokens[idx]
    href = safe_href(str(token.attrGet("href") or ""))
    if href is None:
        token.attrs.pop("href", None)
    else:
        token.attrSet("href", href)
    return str(self.renderToken(tokens, idx, options, env))


def safe_href(href: str) -> str | None:
    """The link target a page may carry, or None: web, footnote, or a bare mail address."""
    if href.startswith("mailto:"):
        address = _MAILTO_HEADERS.split(href[len("mailto:") :], maxsplit=1)[0]
        return f"mailto:{address}" if address.strip() else None
    if href.startswith(_LINK_SCHEMES) or href.startswith("#"):
        return href
    return None


def _render_image(self: Any, tokens: list[Token], idx: int, options: Any, env: Any) -> str:
    """`photo:` images become the resolved photo; every other image is dropped."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    alt = self.renderInlineAsText(token.children or [], options, env)
    if not src.startswith(PHOTO_SCHEME):
        return ""  # remote or file images never load: the page makes no outside request
    ref = _resolve(env, src[len(PHOTO_SCHEME) :].strip())
    if ref is None:
        return _missing_photo_html(env, src)
    return _img_html(ref, alt, env)


def _resolve(env: dict[str, Any], uuid: str) -> PhotoRef | None:
    resolver: PhotoResolver | None = env.get("resolver")
    ref = resolver(uuid) if resolver is not None and uuid else None
    if ref is not None:
        env["allowed_src"].add(ref.src)
    return ref


def _img_html(ref: PhotoRef, alt: str, env: dict[str, Any]) -> str:
    size = ""
    if ref.width > 0 and ref.height > 0:
        size = f' width="{ref.width}" height="{ref.height}"'
    return f'<img src="{escape(ref.src)}" alt="{escape(alt or ref.alt)}"{size} loading="lazy">'


def figure_html(ref: PhotoRef, alt: str = "", *, tag: str = "figure") -> str:
    """A photo with its caption; the credit closes the caption in parentheses."""
    img = _img_html(ref, alt, {"allowed_src": set()})
    caption = caption_html(ref)
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f'<{tag} class="nd-photo">{img}{figcaption}</{tag}>'


def caption_html(ref: PhotoRef) -> str:
    # In the house form the caption already closes with "(Credit)" or "/ Credit" (the
    # style chosen in Preferences): show it once, written as the caption writes it.
    text = ref.caption.strip()
    credit = ref.credit.strip()
    written = f"({credit})"
    closing = closing_credit(text, expected=credit)
    if closing is not None and (not credit or closing.credit == credit):
        text, credit, written = closing.body, closing.credit, closing.written
    if text and not ends_sentence(text):
        text += "."  # as the house form the site prints (domain.captions.house_form)
    parts = []
    if text:
        parts.append(f'<span class="nd-caption">{escape(text)}</span>')
    if credit:
        parts.append(f'<span class="nd-credit">{escape(written)}</span>')
    return " ".join(parts)


def _missing_photo_html(env: dict[str, Any], src: str) -> str:
    if not env.get("show_missing"):
        return ""
    return (
        '<figure class="nd-photo nd-missing"><div class="nd-missing-box">'
        f"Photo not found in the library: {escape(src)}</div></figure>"
    )


def _lone_photo(paragraph_inline: Token) -> Token | None:
    """The photo image when a paragraph holds that image and nothing else."""
    children = [
        c
        for c in paragraph_inline.children or []
        if not (
            c.type in ("softbreak", "hardbreak") or (c.type == "text" and not c.content.strip())
        )
    ]
    if len(children) == 1 and children[0].type == "image":
        src = str(children[0].attrGet("src") or "")
        if src.startswith(PHOTO_SCHEME):
            return children[0]
    return None


def _figures_rule(state: Any) -> None:
    """A paragraph that is only a photo becomes a <figure> with its caption."""
    tokens: list[Token] = state.tokens
    env = state.env
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if (
            tok.type == "paragraph_open"
            and i + 2 < len(tokens)
            and tokens[i + 1].type == "inline"
            and tokens[i + 2].type == "paragraph_close"
            and tokens[i + 1].content.lstrip().startswith("![")  # cheap test first
        ):
            image = _lone_photo(tokens[i + 1])
            if image is not None:
                uuid = str(image.attrGet("src"))[len(PHOTO_SCHEME) :].strip()
                ref = _resolve(env, uuid)
                alt = "".join(c.content for c in image.children or [])
                block = type(tok)("html_block", "", 0)  # a Token
                block.map = tok.map
                block.level = tok.level
                block.meta = {"photo_uuid": uuid, "alt": alt}  # for sync's image blocks
                if ref is not None:
                    block.content = figure_html(ref, alt) + "\n"
                else:
                    block.content = _missing_photo_html(env, f"photo:{uuid}") + "\n"
                out.append(block)
                i += 3
                continue
        out.append(tok)
        i += 1
    state.tokens = out


_TEXT_BLOCKS = {"paragraph_open", "heading_open", "blockquote_open", "list_item_open", "th_open", "td_open"}  # fmt: skip


def _page_attributes_rule(state: Any) -> None:
    """Attributes only the page wants (sync keeps plain HTML).

    line_anchors: top-level blocks carry their source line (id `nd-L<line>`) so
    the preview can scroll to the part being edited. auto_direction: every text
    block takes its direction from its own first strong letter, so an English
    quote in an Arabic story (or the reverse) reads the right way.
    """
    env = state.env
    anchors = env.get("line_anchors")
    auto_dir = env.get("auto_direction")
    if not (anchors or auto_dir):
        return
    for tok in state.tokens:
        if tok.nesting != 1:
            continue
        if anchors and tok.level == 0 and tok.map and not tok.attrGet("id"):
            tok.attrSet("id", f"nd-L{tok.map[0]}")
            env["anchors"].append(tok.map[0])
        if auto_dir and tok.type in _TEXT_BLOCKS:
            tok.attrSet("dir", "auto")


# --- input guards --------------------------------------------------------------
def _clamp_nesting(text: str, notices: list[str]) -> str:
    if not _TOO_DEEP.search("\n" + text):
        return text  # the usual case: one scan, no line splitting
    clamped = False
    lines = text.split("\n")
    for n, line in enumerate(lines):
        prefix = _CONTAINER_PREFIX.match(line)
        if prefix is None:
            continue
        # On the whole line: a marker's following space lies just past the prefix.
        # Only the marks that count: a line thousands deep is not scanned to its end
        # for each of its marks.
        marks: list[re.Match[str]] = []
        for mark in _CONTAINER_MARK.finditer(line):
            if mark.start() >= prefix.end() or len(marks) > MAX_CONTAINER_DEPTH:
                break
            marks.append(mark)
        if len(marks) > MAX_CONTAINER_DEPTH:
            cut = marks[MAX_CONTAINER_DEPTH].start()
            lines[n] = line[:cut] + " " + line[prefix.end() :].lstrip()
            clamped = True
    if clamped:
        notices.append(
            f"Quotes or lists nested deeper than {MAX_CONTAINER_DEPTH} levels are shown "
            f"at {MAX_CONTAINER_DEPTH} levels."
        )
        return "\n".join(lines)
    return text


def _defuse_dense_paragraphs(text: str, notices: list[str]) -> str:
    """Paragraphs so dense with markup that parsing them would crawl become plain text.

    Budgets are for the whole text (many small hostile paragraphs add up); the
    costliest paragraphs are defused first until the rest fits.
    """
    # The usual case, checked on the whole text at C speed: within both budgets.
    # (The whole text's counts bound the sum of its paragraphs'.)
    if (
        text.count("*") + text.count("_") <= MAX_EMPHASIS_MARKS
        and text.count("[") + text.count("![") * 3 // 2 <= MAX_LABEL_OPENERS
    ):
        return text
    chunks = _BLANK_LINES.split(text)
    separators = _BLANK_LINES.findall(text)
    emphasis = [c.count("*") + c.count("_") for c in chunks]
    label_openers = [c.count("[") + c.count("![") * 3 // 2 for c in chunks]
    defused: set[int] = set()
    for costs, budget in ((emphasis, MAX_EMPHASIS_MARKS), (label_openers, MAX_LABEL_OPENERS)):
        total = sum(costs)
        for n in sorted(range(len(chunks)), key=costs.__getitem__, reverse=True):
            if total <= budget:
                break
            total -= costs[n]
            defused.add(n)
    if not defused:
        return text
    for n in defused:
        # An HTML block (it ends at the next blank line) of escaped text: linear time.
        chunks[n] = "<p>" + escape(chunks[n].strip(), quote=False) + "</p>"
    notices.append("A paragraph with unusually many formatting marks is shown as plain text.")
    out = [chunks[0]]
    for sep, chunk in zip(separators, chunks[1:], strict=True):
        out.extend((sep, chunk))
    return "".join(out)


def guard_input(markdown: str) -> tuple[str, list[str]]:
    """The text made safe to parse quickly, and notices saying what was changed."""
    notices: list[str] = []
    text = markdown.replace("\r\n", "\n").replace("\x00", "\ufffd")
    if len(text) > MAX_INPUT_CHARS:
        text = text[:MAX_INPUT_CHARS]
        notices.append(
            f"The text is longer than {MAX_INPUT_CHARS:,} characters; the rest is not shown."
        )
    text = _clamp_nesting(text, notices)
    text = _defuse_dense_paragraphs(text, notices)
    return text, notices


# --- sanitising ------------------------------------------------------------------
def sanitise(
    html: str, allowed_src: set[str] | frozenset[str] = frozenset(), *, own_markup: bool = False
) -> str:
    """Clean HTML: allowlisted tags only; images only from `allowed_src`.

    `own_markup` says every attribute was written by this module's renderer, not
    by raw HTML in a body: ids, image sources and sizes are its own and links
    were checked by `_render_link_open`. The per-attribute check (a Python call
    per attribute) is then skipped and a prepared cleaner reused; tags, classes,
    schemes and escaping are enforced by nh3 all the same.
    """
    schemes = _schemes_of(allowed_src)
    if own_markup:
        cleaned = _own_markup_cleaner(schemes).clean(html)
    else:

        def attribute_filter(tag: str, attr: str, value: str) -> str | None:
            if attr == "src":
                return value if tag == "img" and value in allowed_src else None
            if attr == "href":
                return safe_href(value)
            if attr == "id":
                return value if _ALLOWED_ID.match(value) else None
            if attr in ("width", "height"):
                return value if value.isdigit() else None
            return value

        cleaned = nh3.clean(html, attribute_filter=attribute_filter, **_cleaner_options(schemes))
        # An <img> whose src was refused would show a broken-image box: drop it.
        # (nh3 escapes '>' inside attribute values, so the pattern cannot overrun.)
        cleaned = _IMG_WITHOUT_SRC.sub("", cleaned)
    # Paragraphs left empty by a dropped image.
    return cleaned.replace("<p></p>\n", "").replace("<p></p>", "")


def _cleaner_options(schemes: frozenset[str]) -> dict[str, Any]:
    return {
        "tags": _TAGS,
        "clean_content_tags": _CLEAN_CONTENT,
        "attributes": _ATTRIBUTES,
        "allowed_classes": _CLASSES,
        "url_schemes": {"http", "https", "mailto", "newsdesk"} | schemes,
        "link_rel": "noopener noreferrer",
        "strip_comments": True,
    }


@lru_cache(maxsize=8)
def _own_markup_cleaner(schemes: frozenset[str]) -> nh3.Cleaner:
    return nh3.Cleaner(**_cleaner_options(schemes))


def _schemes_of(sources: set[str] | frozenset[str]) -> frozenset[str]:
    schemes = set()
    for src in sources:
        head, sep, _ = src.partition(":")
        if sep and head.isalnum():
            schemes.add(head.lower())
    return frozenset(schemes)


def _check_nesting_ceiling(tokens: list[Token], notices: list[str]) -> None:
    """markdown-it silently stops at its nesting ceiling (e.g. lists nested by
    indentation alone, which the line clamp cannot see): say so."""
    deepest = max(tokens, key=lambda t: t.level, default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 1:
        line = (deepest.map[0] + 1) if deepest.map else "?"
        notices.append(
            f"Lists nested too deeply near line {line}: the text from there on is not shown."
        )


def _notice_html(notices: list[str]) -> str:
    return "".join(f'<p class="nd-notice">{escape(n)}</p>\n' for n in notices)


# --- public API --------------------------------------------------------------------
def render_body(markdown: str, resolver: PhotoResolver | None = None) -> str:
    """Markdown body -> sanitised HTML; unknown photos and all other images are dropped."""
    return render_body_full(markdown, resolver).html


def render_body_full(
    markdown: str,
    resolver: PhotoResolver | None = None,
    *,
    show_missing: bool = False,
    line_anchors: bool = False,
    split_at_middle: bool = False,
    auto_direction: bool = False,
) -> RenderedBody:
    """The body with its notices; optionally split in two between top-level blocks.

    `show_missing` shows a visible box for `photo:` references the resolver does
    not know (the preview wants this; sync and export do not). `line_anchors`
    gives each top-level block an id `nd-L<line>` (0-based source line);
    `auto_direction` puts dir="auto" on text blocks.
    """
    text, notices = guard_input(markdown or "")
    env: dict[str, Any] = {
        "resolver": resolver,
        "allowed_src": set(),
        "show_missing": show_missing,
        "line_anchors": line_anchors,
        "auto_direction": auto_direction,
        "anchors": [],
    }
    parser = _parser()
    tokens = parser.parse(text, env)
    _check_nesting_ceiling(tokens, notices)
    render = parser.renderer.render
    notice_html = _notice_html(notices)
    # Raw HTML needs "<": without one, every tag and attribute is the renderer's.
    own_markup = "<" not in text
    if not split_at_middle:
        html = render(tokens, parser.options, env)
        clean = sanitise(html, env["allowed_src"], own_markup=own_markup)
        return RenderedBody(html=clean + notice_html, notices=notices, anchors=env["anchors"])
    cut = middle_block_boundary(tokens)
    # Sanitised in one pass (half the cost of two), cut at a marker the text
    # cannot contain: it is made anew for each render.
    marker = f"<p>nd-cut-{secrets.token_hex(8)}</p>"
    html = (
        render(tokens[:cut], parser.options, env)
        + marker
        + render(tokens[cut:], parser.options, env)
    )
    first, found, second = sanitise(html, env["allowed_src"], own_markup=own_markup).partition(
        marker
    )
    if not found:  # swallowed by broken raw HTML (an unclosed <iframe>): clean each half
        first = sanitise(render(tokens[:cut], parser.options, env), env["allowed_src"])
        second = sanitise(render(tokens[cut:], parser.options, env), env["allowed_src"])
    return RenderedBody(
        html=first + second + notice_html,
        notices=notices,
        parts=(first, second + notice_html),
        anchors=env["anchors"],
    )


@dataclass
class ParsedBody:
    """The whole body parsed once: reference links and footnotes are resolved across it.

    For callers that lay the blocks out themselves (sync's block markup): render any
    slice of `tokens` with `html` or one inline token with `inline`, sanitised alike.
    Lone photos are `html_block` tokens whose meta holds `photo_uuid` and `alt`.
    """

    tokens: list[Token]
    env: dict[str, Any]
    notices: list[str]
    own_markup: bool

    def html(self, tokens: list[Token]) -> str:
        raw = _parser().renderer.render(tokens, _parser().options, self.env)
        return sanitise(raw, self.env["allowed_src"], own_markup=self.own_markup)

    def inline(self, token: Token) -> str:
        renderer: Any = _parser().renderer  # RendererHTML; the protocol omits renderInline
        raw = renderer.renderInline(token.children or [], _parser().options, self.env)
        return sanitise(raw, self.env["allowed_src"], own_markup=self.own_markup)


def parse_body(markdown: str, resolver: PhotoResolver | None = None) -> ParsedBody:
    """The body's tokens, guarded as `render_body` guards them (notices are not rendered)."""
    text, notices = guard_input(markdown or "")
    env: dict[str, Any] = {"resolver": resolver, "allowed_src": set(), "anchors": []}
    tokens = _parser().parse(text, env)
    _check_nesting_ceiling(tokens, notices)
    return ParsedBody(tokens, env, notices, own_markup="<" not in text)


def middle_block_boundary(tokens: list[Token]) -> int:
    """Token index after the top-level paragraph nearest the middle of the body.

    The "Related News" box goes there; never before the first paragraph, never
    right before a sub-head's text is cut from its heading.
    """
    ends = [
        i + 1 for i, tok in enumerate(tokens) if tok.level == 0 and tok.type == "paragraph_close"
    ]
    if not ends:
        return len(tokens)
    if len(ends) == 1:
        return ends[0]
    return ends[(len(ends) - 1) // 2]
