"""Photo changes that are also changes of an article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.captions import CaptionStyle
from ..photos.importer import ImportReport, PreparedPhoto
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store
    from ..sync.library import LibraryReport


def set_lead(store: Store, article_id: int, photo_id: int | None, *, author: str = "") -> Changes:
    """Make a photo the article's lead image (None clears it): a new revision of the
    article, which an editor that has the article open merges at its next save."""
    with store.atomic():
        store.photos.uses.set_lead(article_id, photo_id, author=author)
    photos = frozenset() if photo_id is None else frozenset({photo_id})
    return Changes(articles=frozenset({article_id}), photos=photos)


def update_photo(store: Store, photo_id: int, **fields: Any) -> Changes:
    """Change a photo's caption, credit, alt text, state or other editable fields
    (StoreError names a field one cannot edit); checks, search and the posts showing
    it follow. The articles using it are named, so their checks are shown again."""
    with store.atomic():
        store.photos.update(photo_id, **fields)
        using = frozenset(int(str(a["id"])) for a in store.photos.uses.articles_using(photo_id))
    return Changes(articles=using, photos=frozenset({photo_id}))


def update_photos(store: Store, fields_by_photo: dict[int, dict[str, Any]]) -> Changes:
    """A batch of photo changes, all or nothing (a batch caption)."""
    with store.atomic():
        store.photos.update_many(fields_by_photo)
        using = frozenset(
            int(str(a["id"]))
            for pid in fields_by_photo
            for a in store.photos.uses.articles_using(pid)
        )
    return Changes(articles=using, photos=frozenset(fields_by_photo))


def set_use_caption(
    store: Store,
    article_id: int,
    photo_id: int,
    *,
    caption: str | None,
    alt_text: str | None,
    role: str = "inline",
) -> Changes:
    """This article's own caption/alt text for a photo it uses (None: the library's)."""
    with store.atomic():
        store.photos.uses.set_caption(
            article_id, photo_id, caption=caption, alt_text=alt_text, role=role
        )
    return Changes(articles=frozenset({article_id}), photos=frozenset({photo_id}))


def publish_to_library(
    store: Store,
    photo_ids: list[int],
    *,
    site_name: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Changes, list[tuple[str, LibraryReport]]]:
    """Send photos to the shared library of every site (or `site_name`): the public copy
    with the caption fields, once per site by content hash whoever sends it. Talks to the
    sites: run it off the window's thread. Returns the changes and each site's report."""
    from ..sync.client import WordPressClient
    from ..sync.engine import SyncEngine
    from ..sync.library import publish_photos
    from ..sync.resources import SiteResources

    for photo_id in photo_ids:
        store.photos.get(photo_id)  # NotFoundError names a wrong id before anything goes
    sites = [store.sites.by_name(site_name)] if site_name else store.sites.list()
    reports: list[tuple[str, LibraryReport]] = []
    engine = SyncEngine(store)
    for site in sites:
        client: WordPressClient = engine.client_for(site)
        with client:
            res = SiteResources(store, site, client)
            reports.append((site.name, publish_photos(res, photo_ids, progress)))
    return Changes(photos=frozenset(photo_ids)), reports


def fetch_full_file(store: Store, photo_id: int, *, site_name: str | None = None) -> Changes:
    """Download the full file of a photo known from a site's library (on demand)."""
    from ..store.errors import StoreError
    from ..sync.engine import SyncEngine
    from ..sync.library import fetch_full
    from ..sync.resources import SiteResources

    photo = store.photos.get(photo_id)
    if photo.file_here:
        return Changes()
    engine = SyncEngine(store)
    on = set(store.photos.library.on_sites(photo_id))
    sites = [s for s in store.sites.list() if s.id in on and (not site_name or s.name == site_name)]
    if not sites:
        raise StoreError(f"Photo {photo_id} has no full file here and no site's library holds it.")
    with engine.client_for(sites[0]) as client:
        fetch_full(SiteResources(store, sites[0], client), photo)
    return Changes(photos=frozenset({photo_id}))


def resolve_photo_conflict(store: Store, photo_id: int, *, keep: str) -> Changes:
    """Settle a caption conflict with a site's library: keep "mine" (sent at the next
    sync) or take "theirs" (the site's wording, here at once). StoreError when none."""
    from ..store.errors import StoreError

    if keep not in ("mine", "theirs"):
        raise StoreError(f"keep: {keep!r} is not mine or theirs.")
    library = store.photos.library
    with store.atomic():
        open_ = [(s, t) for s, p, t in library.conflicts() if p == photo_id]
        if not open_:
            raise StoreError(f"Photo {photo_id} has no caption conflict.")
        for site_id, theirs in open_:
            if keep == "theirs":
                store.photos.update_many({photo_id: theirs}, queue=False)
            # The site's wording becomes the base: "mine" then differs and goes out.
            base = library.base(site_id, photo_id) or {}
            library.save_base(site_id, photo_id, {**base, **theirs})
            library.set_conflict(site_id, photo_id, {})
    return Changes(photos=frozenset({photo_id}))


@dataclass
class StyleFollowed:
    style: CaptionStyle
    changed: int  # how many photos' stored checks changed
    changes: Changes


def follow_caption_style(store: Store, style: CaptionStyle) -> StyleFollowed:
    """Check captions in `style` (a house style; ValueError for an unknown one): the
    stored checks of every photo follow, and the photos whose checks changed are named."""
    before = _stored_checks(store)
    with store.atomic():
        changed = store.photos.set_caption_style(style)
    after = _stored_checks(store)
    ids = frozenset(pid for pid, codes in after.items() if before.get(pid) != codes)
    return StyleFollowed(store.photos.caption_style, changed, Changes(photos=ids))


def recheck_photos(store: Store, ids: list[int]) -> Changes:
    """Check these photos' captions again (the house word list or the dictionaries
    changed), with the photos the worker's own saves left unchecked for spelling."""
    wanted = sorted(set(ids) | store.photos.spelling_pending)
    store.photos.spelling_pending.clear()
    if wanted:
        with store.atomic():
            store.photos.recheck_all(wanted)
    return Changes(photos=frozenset(wanted))


def _stored_checks(store: Store) -> dict[int, str]:
    return dict(store.conn.execute("SELECT id, check_codes FROM photos").fetchall())


@dataclass
class StoredPhotos:
    report: ImportReport  # added, duplicates and notes of this batch
    changes: Changes


def add_prepared_photos(store: Store, prepared: list[PreparedPhoto]) -> StoredPhotos:
    """Store a batch of photos an import prepared (decoded, thumbnailed, hashed off the
    database worker): new ones are added, files already in the library are named."""
    report = ImportReport()
    with store.atomic():
        for item in prepared:
            photo, created = store.photos.add_prepared(item)
            (report.added if created else report.duplicates).append(photo)
            report.notes.extend(item.notes)
    ids = frozenset(p.id for p in report.added if p.id is not None)
    return StoredPhotos(report, Changes(photos=ids))


def import_photos(store: Store, paths: list[str], **options: Any) -> StoredPhotos:
    """Import files and folders into the library in one go (the command line; the
    window prepares off the worker and stores batches with `add_prepared_photos`).
    Bad files are reported, never fatal; `options` as `photos.importer.import_files`."""
    from ..photos.importer import import_files

    report = import_files(store, paths, **options)
    ids = frozenset(p.id for p in report.added if p.id is not None)
    return StoredPhotos(report, Changes(photos=ids))
