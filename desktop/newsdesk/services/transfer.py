"""Importing and exporting article files: Markdown with front matter, ninjs JSON.

A batch is all or nothing: every file is read and checked first, then written
in one transaction. An imported uuid already in the store updates that article
(a new revision) instead of creating a second one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import markdownify

from ..domain.article import Article, Status
from ..render import frontmatter, ninjs
from ..render.frontmatter import FormatError
from ..store import Store
from ..store.errors import NotFoundError

MAX_FILE_BYTES = 5 * 1024 * 1024  # an article file; anything bigger is not one


class ImportError_(Exception):
    """One file of a batch could not be imported; nothing of the batch was written."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Imported:
    article_id: int
    created: bool
    path: Path


def html_to_markdown(html: str) -> str:
    return str(markdownify.markdownify(html, heading_style="ATX", bullets="-"))


def read_article_file(path: Path) -> Article:
    """Parse one file (by its extension) into an Article, or raise ImportError_."""
    return read_article(path)[0]


def read_article(path: Path) -> tuple[Article, str]:
    """The file's article and its lead photo's uuid ("" when none), or ImportError_."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportError_(path, f"cannot be read ({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise ImportError_(path, f"is {size / 1_048_576:.1f} MB; an article file is at most 5 MB")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ImportError_(path, "is a binary file, not Markdown or ninjs JSON")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportError_(path, f"is not UTF-8 text (byte {exc.start})") from exc
    try:
        if path.suffix.lower() == ".json":
            try:
                data = json.loads(text, parse_int=_json_int, parse_constant=_json_constant)
            except json.JSONDecodeError as exc:
                raise FormatError(
                    f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
                ) from exc
            article = ninjs.from_ninjs(data, html_to_markdown=html_to_markdown)
            return article, ninjs.lead_picture_uuid(data)
        return frontmatter.parse_with_lead(text)
    except FormatError as exc:
        raise ImportError_(path, str(exc)) from exc
    except RecursionError as exc:
        # JSON arrays, or HTML elements in a ninjs body, nested thousands deep:
        # no article is, and the parsers would need a stack that deep.
        raise ImportError_(path, "is nested too deeply to be an article") from exc


def _json_int(digits: str) -> int:
    if len(digits) > 100:  # Python refuses > 4300 digits with a long message; none is a field
        raise FormatError(f"invalid JSON: a number with {len(digits)} digits")
    return int(digits)


def _json_constant(name: str) -> float:
    raise FormatError(f"invalid JSON: {name} is not a JSON number")


def check_against_store(article: Article, store: Store, path: Path) -> None:
    """Editions, sections and regions must be ones the store knows; names are canonicalised."""
    tax = store.taxonomy
    if article.edition not in tax.edition_codes():
        raise ImportError_(
            path,
            f"unknown edition {article.edition!r} (known: {', '.join(tax.edition_codes())})",
        )
    section = tax.section_of(article.section)
    if section is None:
        raise ImportError_(
            path, f"unknown section {article.section!r} (known: {', '.join(tax.sections())})"
        )
    article.section = section
    if article.subsection:
        sub = tax.subsection_of(section, article.subsection)
        if sub is None:
            known = ", ".join(tax.subsections(section)) or "none"
            raise ImportError_(
                path,
                f"unknown subsection {article.subsection!r} of {section} (known: {known})",
            )
        article.subsection = sub
    regions = []
    for region in article.regions:
        name = tax.region_of(region)
        if name is None:
            raise ImportError_(
                path, f"unknown region {region!r} (known: {', '.join(tax.regions())})"
            )
        regions.append(name)
    article.regions = regions
    if article.status not in {s.value for s in Status}:
        raise ImportError_(
            path,
            f"unknown status {article.status!r} (one of: {', '.join(s.value for s in Status)})",
        )


def import_files(
    store: Store, paths: list[Path], *, author: str = "", queue: bool = True
) -> list[Imported]:
    """Import every file or none; `queue=False` keeps them off the outbox."""
    parsed = []
    for path in paths:
        article, lead = read_article(path)
        check_against_store(article, store, path)
        if lead:
            article.lead_photo_id = _library_photo_id(store, lead, path)
        parsed.append((path, article))
    results = []
    with store.atomic():
        for path, article in parsed:
            existing = store.articles.find_id(article.uuid)
            if existing is None:
                store.articles.create(article, author=author, reason="import", queue=queue)
                created = True
            else:
                current = store.articles.get(existing)
                current.apply_content(article.content())
                store.articles.save(current, author=author, reason="import", queue=queue)
                article = current
                created = False
            assert article.id is not None
            results.append(Imported(article.id, created, path))
    return results


def _library_photo_id(store: Store, uuid: str, path: Path) -> int:
    try:
        photo_id = store.photos.get_by_uuid(uuid).id
    except NotFoundError:
        photo_id = None
    if photo_id is None:
        raise ImportError_(path, f"lead photo {uuid} is not in the photo library")
    return photo_id


def export_markdown(store: Store, article_id: int) -> str:
    article = store.articles.get(article_id)
    lead = _lead_picture(store, article)
    return frontmatter.dump(article, lead_photo=lead.uuid if lead else "")


def export_ninjs(store: Store, article_id: int, *, body_html: str | None = None) -> dict:
    article = store.articles.get(article_id)
    latest = store.revisions.latest(article_id)
    return ninjs.to_ninjs(
        article,
        body_html=body_html,
        version=latest.number if latest else None,
        lead=_lead_picture(store, article),
    )


def _lead_picture(store: Store, article: Article) -> ninjs.LeadPicture | None:
    """The lead photo with the caption this article shows it with (else the library's)."""
    if article.lead_photo_id is None or article.id is None:
        return None
    try:
        photo = store.photos.get(article.lead_photo_id)
    except NotFoundError:
        return None
    shown = store.photos.uses.article_caption(article.id, article.lead_photo_id, "lead")
    return ninjs.LeadPicture(photo.uuid, shown.text, shown.credit, shown.alt_text)


def export_text(store: Store, article_id: int, fmt: str) -> str:
    """The article as a file's text: "markdown" (YAML front matter) or "ninjs" (JSON, with
    the body rendered to HTML as the site shows it); ends with a newline."""
    if fmt == "ninjs":
        import json

        from ..render.markdown import render_body
        from .preview import photo_resolver

        article = store.articles.get(article_id)
        html = render_body(article.body, photo_resolver(store, article))
        text = json.dumps(
            export_ninjs(store, article_id, body_html=html), ensure_ascii=False, indent=2
        )
    else:
        text = export_markdown(store, article_id)
    return text if text.endswith("\n") else text + "\n"
