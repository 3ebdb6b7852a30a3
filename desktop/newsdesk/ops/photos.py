"""Photo changes that are also changes of an article."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.captions import CaptionStyle
from ..photos.importer import ImportReport, PreparedPhoto
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store


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
