"""The article page's context from the store, and the standalone HTML export. No Qt.

Everything that touches the store happens in `PreviewSource` methods, called
on the thread that owns the store; `render_preview` is pure and safe to run on
a worker thread with what they returned.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from ..domain.article import Article
from ..domain.site import direction_of
from ..domain.text import file_stem
from ..paths import resource_path
from ..render import i18n
from ..render.markdown import PHOTO_SCHEME, PhotoRef, PhotoResolver
from ..render.page import EXPORT_CSP, Card, PageOptions, RenderedPage, render_page
from ..store import Store
from ..store.errors import NotFoundError

PHOTO_URL = "newsdesk://photo/"
ARTICLE_URL = "newsdesk://app/article/"
READ_NEXT_COUNT = 4
_PHOTO_REFERENCE = re.compile(r"\]\(\s*" + re.escape(PHOTO_SCHEME) + r"\s*([0-9A-Za-z-]+)")
_HIDDEN_STATUSES = ("spiked", "killed")


@dataclass(frozen=True)
class LibraryPhoto:
    """A photo in the library: its file and the words printed with it."""

    uuid: str
    path: Path
    caption: str = ""
    credit: str = ""
    alt: str = ""
    width: int = 0
    height: int = 0

    def ref(self, src: str) -> PhotoRef:
        return PhotoRef(
            uuid=self.uuid,
            src=src,
            caption=self.caption,
            credit=self.credit,
            alt=self.alt,
            width=self.width,
            height=self.height,
        )


class PhotoLibrary(Protocol):
    def by_uuid(self, uuid: str) -> LibraryPhoto | None: ...

    def by_id(self, photo_id: int) -> LibraryPhoto | None: ...


class StorePhotoLibrary:
    """The store's photo desk (`store.photos`), seen as a PhotoLibrary.

    A store without a photo repository (or a photo that is gone) resolves to
    None: the page then simply has no photo there.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def by_uuid(self, uuid: str) -> LibraryPhoto | None:
        return self._fetch("get_by_uuid", uuid)

    def by_id(self, photo_id: int) -> LibraryPhoto | None:
        return self._fetch("get", photo_id)

    def _fetch(self, method: str, key: Any) -> LibraryPhoto | None:
        repository = getattr(self.store, "photos", None)
        getter = getattr(repository, method, None)
        if getter is None:
            return None
        try:
            photo = getter(key)
        except (NotFoundError, KeyError, LookupError, ValueError):
            return None
        return None if photo is None else _library_photo(self.store, photo)


def _library_photo(store: Store, photo: Any) -> LibraryPhoto | None:
    """Adapt the photo desk's record (attribute names as in the photos table)."""
    raw_path = str(getattr(photo, "path", None) or getattr(photo, "file_path", "") or "")
    sha256: str = str(getattr(photo, "sha256", None) or "")
    if not raw_path and sha256:
        # A photo from the site's shared library whose full file is not here yet
        # (offline): its thumbnail stands in.
        thumbnail = store.photos.thumbnail_path(sha256)
        raw_path = str(thumbnail) if thumbnail.is_file() else ""
    if not raw_path:
        return None
    path = Path(raw_path)
    if not path.is_absolute():
        path = store.media_dir / path
    return LibraryPhoto(
        uuid=str(photo.uuid),
        path=path,
        caption=str(getattr(photo, "caption", "") or ""),
        credit=str(getattr(photo, "credit", "") or ""),
        alt=str(getattr(photo, "alt_text", "") or getattr(photo, "alt", "") or ""),
        width=int(getattr(photo, "width", 0) or 0),
        height=int(getattr(photo, "height", 0) or 0),
    )


@dataclass
class PreviewContext:
    """What the page needs beyond the article itself, gathered from the store."""

    lead_photo: PhotoRef | None = None
    related: list[Card] = field(default_factory=list)
    read_next: list[Card] = field(default_factory=list)
    photos: dict[str, PhotoRef | None] = field(default_factory=dict)
    corrected_at: str = ""  # when the article's correction was made (the page dates it)

    def resolve(self, uuid: str) -> PhotoRef | None:
        return self.photos.get(uuid)


def photo_uuids(body: str) -> list[str]:
    """The `photo:` references in a Markdown body, in order, once each."""
    return list(dict.fromkeys(_PHOTO_REFERENCE.findall(body or "")))


class PreviewSource:
    """Reads what a page needs from the store, caching what does not change as one types."""

    def __init__(
        self,
        store: Store,
        *,
        library: PhotoLibrary | None = None,
        photo_src: Callable[[LibraryPhoto], str] = lambda p: PHOTO_URL + p.uuid,
        article_href: Callable[[str], str] = lambda uuid: ARTICLE_URL + uuid,
    ) -> None:
        self.store = store
        self.library: PhotoLibrary = library or StorePhotoLibrary(store)
        self.photo_src = photo_src
        self.article_href = article_href
        self._photos: dict[str, LibraryPhoto | None] = {}
        self._captions: dict[int, dict[tuple[str, str], LibraryPhoto]] = {}
        self._cards_key: tuple[Any, ...] | None = None
        self._cards: tuple[list[Card], list[Card]] = ([], [])

    # --- photos ------------------------------------------------------------------
    def photo(self, uuid: str) -> LibraryPhoto | None:
        if uuid not in self._photos:
            self._photos[uuid] = self.library.by_uuid(uuid)
        return self._photos[uuid]

    def photo_ref(self, photo: LibraryPhoto | None) -> PhotoRef | None:
        """The photo as the page loads it; None when its file is gone."""
        if photo is None or not photo.path.is_file():
            return None
        return photo.ref(self.photo_src(photo))

    def forget_photos(self) -> None:
        """Captions or files changed on the photo desk: look them up again."""
        self._photos.clear()
        self._captions.clear()
        self._cards_key = None

    # --- the page's context --------------------------------------------------------
    def context_for(self, article: Article) -> PreviewContext:
        related, read_next = self._cards_for(article)
        own = self._article_captions(article)
        lead = None
        if article.lead_photo_id is not None:
            lead_photo = self.library.by_id(article.lead_photo_id)
            if lead_photo is not None:
                self._photos.setdefault(lead_photo.uuid, lead_photo)
                lead_photo = own.get((lead_photo.uuid, "lead"), lead_photo)
            lead = self.photo_ref(lead_photo)
        photos = {}
        for uuid in photo_uuids(article.body):
            photo = self.photo(uuid)
            if photo is not None:
                photo = own.get((uuid, "inline")) or own.get((uuid, "gallery")) or photo
            photos[uuid] = self.photo_ref(photo)
        corrected_at = ""
        if article.correction and article.id is not None:
            made = [t.at for t in self.store.workflow.history(article.id) if t.action == "correct"]
            corrected_at = made[-1] if made else ""
        return PreviewContext(
            lead_photo=lead,
            related=related,
            read_next=read_next,
            photos=photos,
            corrected_at=corrected_at,
        )

    def _article_captions(self, article: Article) -> dict[tuple[str, str], LibraryPhoto]:
        """This article's own captions and alt texts for its photos (the photo desk's
        per-use overrides), keyed by (photo uuid, role). Cached until forget_photos()."""
        if article.id is None:
            return {}
        if article.id not in self._captions:
            self._captions[article.id] = self._read_article_captions(article.id)
        return self._captions[article.id]

    def _read_article_captions(self, article_id: int) -> dict[tuple[str, str], LibraryPhoto]:
        uses = getattr(getattr(self.store, "photos", None), "uses", None)
        if uses is None:
            return {}
        try:
            used = uses.for_article(article_id)
        except NotFoundError:  # not saved yet
            return {}
        out: dict[tuple[str, str], LibraryPhoto] = {}
        for item in used:
            base = self.photo(str(item.photo.uuid))
            if base is None:
                continue
            out[(base.uuid, str(item.use.role))] = replace(
                base,
                caption=item.caption.text,
                credit=item.caption.credit,
                alt=item.caption.alt_text,
            )
        return out

    def _cards_for(self, article: Article) -> tuple[list[Card], list[Card]]:
        key = (
            article.uuid,
            article.edition,
            tuple(article.tags),
            article.coverage,
            article.section,
        )
        if key != self._cards_key:
            self._cards = self._gather_cards(article)
            self._cards_key = key
        return self._cards

    def _gather_cards(self, article: Article) -> tuple[list[Card], list[Card]]:
        candidates = [
            row
            for row in self.store.articles.summaries(edition=article.edition, limit=100)
            if row["uuid"] != article.uuid
            and row["status"] not in _HIDDEN_STATUSES
            and not row["priority"]  # ticker lines are not cards
        ]
        if not candidates:
            return [], []
        ids = [int(row["id"]) for row in candidates]
        shared = self._shared_tag_counts(article, ids)
        same_story = self._same_coverage(article, ids)

        def relatedness(row: dict[str, Any]) -> tuple[int, int, int]:
            return (
                shared.get(int(row["id"]), 0) + (2 if int(row["id"]) in same_story else 0),
                int(row["section"] == article.section),
                int(row["status"] == "published"),
            )

        ranked = sorted(candidates, key=relatedness, reverse=True)
        related_rows = [r for r in ranked if relatedness(r)[0] > 0][:2]
        taken = {r["uuid"] for r in related_rows}
        # Stories not already linked mid-body first; a small edition repeats them.
        next_rows = sorted(candidates, key=lambda r: r["uuid"] in taken)[:READ_NEXT_COUNT]
        related = [self._card(row, with_photo=False) for row in related_rows]
        return related, [self._card(row, with_photo=True) for row in next_rows]

    def _shared_tag_counts(self, article: Article, ids: list[int]) -> dict[int, int]:
        if not article.tags or not ids:
            return {}
        # Read-only query over the tag join table: no repository method answers
        # "which articles share these tags" and the store is ours to read.
        tags = [t.lower() for t in article.tags]
        sql = (
            "SELECT at.article_id, count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            f"WHERE lower(t.name) IN ({','.join('?' * len(tags))}) "
            f"AND at.article_id IN ({','.join('?' * len(ids))}) GROUP BY at.article_id"
        )
        return {int(a): int(n) for a, n in self.store.conn.execute(sql, [*tags, *ids])}

    def _same_coverage(self, article: Article, ids: list[int]) -> set[int]:
        if not article.coverage.strip() or not ids:
            return set()
        sql = f"SELECT id FROM articles WHERE coverage = ? AND id IN ({','.join('?' * len(ids))})"
        return {int(r[0]) for r in self.store.conn.execute(sql, [article.coverage, *ids])}

    def _card(self, row: dict[str, Any], *, with_photo: bool) -> Card:
        edition = str(row["edition"])
        photo = None
        if with_photo:
            try:
                other = self.store.articles.get(int(row["id"]))
            except NotFoundError:
                other = None
            if other is not None and other.lead_photo_id is not None:
                photo = self.photo_ref(self.library.by_id(other.lead_photo_id))
        return Card(
            headline=str(row["headline"] or "Untitled"),
            href=self.article_href(str(row["uuid"])),
            section=i18n.section_name(str(row["subsection"] or row["section"]), edition),
            date=i18n.format_date(str(row["updated_at"]), edition),
            photo=photo,
            direction=direction_of(edition),
        )


def render_preview(
    article: Article, context: PreviewContext, options: PageOptions | None = None
) -> RenderedPage:
    """The page for `article` with what `context` holds. Pure: safe on any thread."""
    return render_page(
        article,
        resolver=context.resolve,
        lead_photo=context.lead_photo,
        related=context.related,
        read_next=context.read_next,
        options=options,
        corrected_at=context.corrected_at,
    )


PHOTO_URN = "urn:newsdesk:photo:"


def photo_resolver(
    store: Store,
    article: Article,
    *,
    src_for: Callable[[LibraryPhoto], str] = lambda p: PHOTO_URN + p.uuid,
) -> PhotoResolver:
    """A resolver for `render_body` outside the preview (ninjs export, other formats).

    Photos keep this article's own captions; `src_for` says how the consumer will
    find the file (default: a URN naming the photo, as ninjs associations do).
    """
    source = PreviewSource(store, photo_src=src_for)
    return source.context_for(article).resolve


# --- export ------------------------------------------------------------------------------
def export_html(store: Store, article_id: int, out: Path | str) -> Path:
    """Write the article's page as one HTML file with its photos in a folder beside it.

    `out` is a folder (the file is named after the slug) or an .html path.
    Returns the HTML file's path.
    """
    article = store.articles.get(article_id)
    return export_article_html(store, article, out)


def export_article_html(
    store: Store, article: Article, out: Path | str, *, library: PhotoLibrary | None = None
) -> Path:
    """Like export_html, for an article as it stands in memory (unsaved edits included)."""
    target = Path(out)
    if target.suffix.lower() not in (".html", ".htm"):
        target = target / f"{_file_stem(article)}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    files_dir = target.with_name(target.stem + "_files")
    files_dir.mkdir(exist_ok=True)
    copied: dict[str, str] = {}

    def photo_src(photo: LibraryPhoto) -> str:
        if photo.uuid not in copied:
            name = photo.uuid + photo.path.suffix.lower()
            shutil.copyfile(photo.path, files_dir / name)
            copied[photo.uuid] = f"{files_dir.name}/{name}"
        return copied[photo.uuid]

    source = PreviewSource(store, library=library, photo_src=photo_src, article_href=lambda u: "#")
    context = source.context_for(article)
    _copy_fonts(files_dir)
    options = PageOptions(
        asset_base=f"{files_dir.name}/",
        inline_css=True,
        csp=EXPORT_CSP,
        preview_banner=False,
        show_missing_photos=False,
    )
    page = render_preview(article, context, options)
    target.write_text(page.html, encoding="utf-8")
    return target


def _copy_fonts(files_dir: Path) -> None:
    fonts = files_dir / "fonts"
    fonts.mkdir(exist_ok=True)
    for font in _font_files():
        shutil.copyfile(font, fonts / font.name)


def _font_files() -> Iterable[Path]:
    folder = resource_path("preview", "fonts")
    return sorted(p for p in folder.iterdir() if p.suffix in (".ttf", ".otf", ".woff2", ".txt"))


def _file_stem(article: Article) -> str:
    """The export's file name: from the slug (which an imported file may set to
    anything, `../../x` included), else the headline, else the uuid."""
    for text in (article.slug, article.headline, article.uuid):
        stem = file_stem(text)
        if stem:
            return stem
    return "article"
