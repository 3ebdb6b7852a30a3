"""The article page as the site shows it: Jinja2 templates in resources/templates.

Pure: takes an Article and what the caller gathered (photos, related cards) and
returns one HTML document. The preview serves it through its own URL scheme;
the exporter writes it to a file with the photos alongside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import TYPE_CHECKING, Any

from ..domain.article import Article
from ..domain.bidi import may_read_against
from ..domain.site import direction_of
from ..paths import resource_path
from . import i18n
from .markdown import PhotoRef, PhotoResolver, caption_html, render_body_full

if TYPE_CHECKING:
    from jinja2 import Environment

# The preview page may load only from the app's own scheme: a second wall
# behind the request interceptor (and the only one in a browser).
PREVIEW_CSP = (
    "default-src 'none'; img-src newsdesk:; style-src newsdesk: 'unsafe-inline'; "
    "font-src newsdesk:; script-src 'none'; form-action 'none'; frame-src 'none'"
)
# An exported page loads its files from beside itself, nothing remote.
EXPORT_CSP = (
    "default-src 'none'; img-src 'self' file:; style-src 'self' 'unsafe-inline' file:; "
    "font-src 'self' file:; script-src 'none'; form-action 'none'; frame-src 'none'"
)


@dataclass(frozen=True)
class Card:
    """Another article as a "Related News" link or a "Read Next" card."""

    headline: str
    href: str
    section: str = ""
    date: str = ""
    photo: PhotoRef | None = None
    direction: str = "ltr"


@dataclass(frozen=True)
class PageOptions:
    # Where site.css and fonts/ are found (the scheme in the preview, a folder on export).
    asset_base: str = "newsdesk://app/static/"
    inline_css: bool = False
    csp: str = PREVIEW_CSP
    preview_banner: bool = True
    show_missing_photos: bool = True
    line_anchors: bool = False
    # Keep source line `scroll_line` at this fraction of the viewport's height.
    scroll_line: int | None = None
    scroll_fraction: float = 0.3


@dataclass
class RenderedPage:
    html: str
    notices: list[str] = field(default_factory=list)
    anchor: str = ""  # the URL fragment to scroll to, when scroll_line was given
    scroll_fraction: float = 0.3  # where in the viewport the anchor should land
    scroll_css: str = ""  # the head's style parking the anchor at that height (fresh loads)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Imported here: Jinja2 takes ~90 ms to import, which the first paint need not wait for.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates ship with the app: no stat() per render
    )
    return env


@lru_cache(maxsize=4)
def _stylesheet(asset_base: str) -> str:
    css = resource_path("preview", "site.css").read_text(encoding="utf-8")
    # Inlined CSS resolves url() against the page, not the sheet: point fonts there.
    return css.replace("url(fonts/", f"url({asset_base}fonts/")


def meta_date(article: Article) -> str:
    """The time the page shows: when it is scheduled, else when it was last written."""
    return i18n.format_datetime(article.scheduled_at or article.updated_at, article.edition)


def render_page(
    article: Article,
    *,
    resolver: PhotoResolver | None = None,
    lead_photo: PhotoRef | None = None,
    related: Sequence[Card] = (),
    read_next: Sequence[Card] = (),
    options: PageOptions | None = None,
    corrected_at: str = "",
) -> RenderedPage:
    options = options or PageOptions()
    edition = article.edition if article.edition in ("en", "ar", "es") else "en"
    body = render_body_full(
        article.body,
        resolver,
        show_missing=options.show_missing_photos,
        line_anchors=options.line_anchors or options.scroll_line is not None,
        split_at_middle=True,
        auto_direction=may_read_against(article.body, direction_of(edition)),
    )
    anchor, scroll_css = _scroll_target(body.anchors, options)
    context: dict[str, Any] = {
        "a": article,
        "lang": edition,
        "dir": direction_of(edition),
        "t": i18n.labels(edition),
        "section_label": i18n.section_name(article.subsection or article.section, edition),
        "nav": [
            (i18n.section_name(name, edition), name == article.section)
            for name in i18n.NAV_SECTIONS
        ],
        "attributions": article.attribution_names,
        "date": meta_date(article),
        "read_time": i18n.read_time(article.read_minutes(), edition) if article.body else "",
        "lead": lead_photo,
        "lead_caption": caption_html(lead_photo) if lead_photo else "",
        "body_first": _with_dateline(body.parts[0] if body.parts else body.html, article),
        "body_rest": body.parts[1] if len(body.parts) > 1 else "",
        "related": list(related)[:2],
        "read_next": list(read_next),
        "card_caption": caption_html,
        "css_inline": _stylesheet(options.asset_base) if options.inline_css else "",
        "css_href": options.asset_base + "site.css",
        "asset_base": options.asset_base,
        "csp": options.csp,
        "scroll_css": scroll_css,
        "banner": options.preview_banner,
        "status_label": i18n.status_name(article.status, edition),
        # As the site shows it (sync/blocks.correction_block): under the body, dated.
        "correction_date": i18n.format_date(corrected_at, edition) if corrected_at else "",
    }
    name = "ticker.html.j2" if article.is_breaking else "article.html.j2"
    html = _environment().get_template(name).render(context)
    return RenderedPage(
        html=html,
        notices=body.notices,
        anchor=anchor,
        scroll_fraction=options.scroll_fraction,
        scroll_css=scroll_css,
    )


def _with_dateline(html: str, article: Article) -> str:
    """ "BEIRUT — " opens the first paragraph, as print and the site set it."""
    dateline = article.dateline.strip()
    start = html.find("<p")
    if not dateline or start < 0:
        return html
    end = html.find(">", start) + 1
    span = f'<span class="dateline">{escape(dateline)} — </span>'
    return html[:end] + span + html[end:]


def _scroll_target(anchors: Sequence[int], options: PageOptions) -> tuple[str, str]:
    """The block holding `scroll_line`, and CSS that parks it at the asked height.

    Scrolling to a URL fragment needs no JavaScript (which the preview disables);
    scroll-margin-top decides where in the viewport the block lands.
    """
    if options.scroll_line is None or not anchors:
        return "", ""
    line = options.scroll_line
    start = anchors[0]
    for candidate in anchors:
        if candidate > line:
            break
        start = candidate
    fraction = min(0.9, max(0.0, options.scroll_fraction))
    anchor = f"nd-L{start}"
    return anchor, f"#{anchor}{{scroll-margin-top:{fraction * 100:.0f}vh}}"
