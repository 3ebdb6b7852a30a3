"""The newsroom's shared photo library on the site's media library.

Publishing sends photos without a story: each one's public copy (photos/public.py)
with its caption fields, once per site by the hash of its original, whoever sends
it (the companion plugin answers which hashes the site holds in one request).

Each sync then reads the site's library photos changed since the last time (the
plugin's `?newsdesk_library=1`, paged, `modified_after`): a photo new here arrives
as a thumbnail (a small size the site made) with its caption fields, the full file
later, on demand or when a story here uses it; a photo known here merges with the
site field by field against what both last agreed on (`library_media.base`): a
change on one side is taken, the same field changed on both sides differently is a
conflict kept for a person. Then what changed here goes to the media item, whence
every other desk takes it at its own sync. Captions edited in wp-admin's media
library come back the same way (the item's caption and alt text).

Without the plugin nothing tells a library photo apart from any other image on the
site: publishing still uploads (once per desktop), but no desk pulls the library.
"""

from __future__ import annotations

import io
import json
import re
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html import unescape
from typing import TYPE_CHECKING, Any

from ..domain.photo import Photo, original_relpath
from ..ops.from_site import (
    add_library_photo,
    set_photo_file,
    set_photo_people,
    take_photo_fields,
)
from ..store.photo_library import SHARED_FIELDS, agreed_fields, shared_fields
from .errors import AuthError, NetworkError, NotFoundOnServer, RefusedError, SyncError
from .resources import PHOTO_META, LocalPhoto, _copy_kind, house_caption

if TYPE_CHECKING:
    from .resources import SiteResources

Progress = Callable[[int, int], None]
LIBRARY_FIELDS = "id,source_url,media_details,alt_text,caption,modified_gmt,meta"
THUMB_SIZES = ("medium", "thumbnail", "medium_large")  # small first; 'thumbnail' is cropped
LOOKUP_CHUNK = 500
_TAG = re.compile(r"<[^>]+>")
_TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "′": "'", "″": '"', "…": "..."}
)


@dataclass
class LibraryReport:
    sent: list[int] = field(default_factory=list)  # photo ids uploaded now
    reused: list[int] = field(default_factory=list)  # already on the site (by hash)
    failed: list[tuple[int, str]] = field(default_factory=list)
    arrived: list[int] = field(default_factory=list)  # photos new here from the site
    updated: list[int] = field(default_factory=list)  # photos whose fields the site changed
    pushed: list[int] = field(default_factory=list)  # photos whose fields went to the site
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def desk_label(res: SiteResources) -> str:
    """Which desktop a photo comes from, as the others see it (never shown to readers)."""
    return f"{res.site.username} on {socket.gethostname()}"


def library_meta(res: SiteResources, photo: Photo) -> dict[str, Any]:
    """The plugin's `_newsdesk_photo` for a photo: its uuid, the hash of its original, its
    shared caption fields, where it came from and who captioned it."""
    return {
        "uuid": photo.uuid,
        "sha256": photo.sha256,
        **shared_fields(photo),
        "origin": photo.origin or desk_label(res),
        "captioned_by": photo.captioned_by or res.site.username,
        "width": photo.width,
        "height": photo.height,
    }


def local_photo(photo: Photo) -> LocalPhoto:
    assert photo.id is not None
    return LocalPhoto(
        photo.id, photo.uuid, photo.sha256, photo.file_path, photo.original_name,
        photo.caption, photo.credit, photo.alt_text, photo.extended_description,
        int(photo.keep_location),
    )  # fmt: skip


# --- publishing ----------------------------------------------------------------
def publish_photos(
    res: SiteResources, photo_ids: list[int], progress: Progress | None = None
) -> LibraryReport:
    """Send photos to the site's library; one already there (by hash) is not sent again."""
    report = LibraryReport()
    store = res.store
    photos = [store.photos.get(i) for i in dict.fromkeys(photo_ids)]
    unknown = [p for p in photos if (store.sync.media(res.site_id, p.sha256) or (0,))[0] == 0]
    found = site_has(res, [p.sha256 for p in unknown])
    to_send = [p for p in unknown if p.sha256 not in found and p.file_here]
    with ThreadPoolExecutor(1, thread_name_prefix="newsdesk-public-copy") as maker:
        for done, photo in enumerate(photos):
            if progress is not None:
                progress(done, len(photos))
            _make_next_copy(res, maker, to_send, photo)
            _publish_one(res, report, photo, photo not in unknown, found)
        res.copies_ahead.clear()
    if progress is not None:
        progress(len(photos), len(photos))
    return report


def _make_next_copy(
    res: SiteResources, maker: ThreadPoolExecutor, to_send: list[Photo], current: Photo
) -> None:
    """The next photo's public copy is made (decoded, cleaned, re-encoded) while this one
    uploads: the site's time and ours overlap."""
    from ..photos.public import public_copy

    at = next((n for n, p in enumerate(to_send) if p.id == current.id), -1)
    if at >= 0 and at + 1 < len(to_send):
        upcoming = to_send[at + 1]
        assert upcoming.id is not None
        path = res.store.media_dir / upcoming.file_path
        label = f"Photo {upcoming.id} ({upcoming.original_name or path.name})"
        res.copies_ahead[upcoming.id] = maker.submit(public_copy, upcoming, path, label=label)


def _publish_one(
    res: SiteResources,
    report: LibraryReport,
    photo: Photo,
    there: bool,
    found: dict[str, dict[str, Any]],
) -> None:
    store = res.store
    assert photo.id is not None
    try:
        if photo.sha256 in found:
            _adopt(res, photo, found[photo.sha256])
            report.reused.append(photo.id)
            return
        if not there and not photo.file_here:
            raise RefusedError("its full file is not on this desktop")
        res.media_for(local_photo(photo))  # on the site already: its fields kept current
        with store.atomic():
            store.photos.library.save_base(res.site_id, photo.id, shared_fields(photo))
        (report.reused if there else report.sent).append(photo.id)
    except (AuthError, NetworkError):
        raise
    except SyncError as exc:
        report.failed.append((photo.id, str(exc)))


def site_has(res: SiteResources, hashes: list[str]) -> dict[str, dict[str, Any]]:
    """hash -> {id, source_url} of the photos the site already holds (plugin 2.2+)."""
    if not res.site.has_plugin or not hashes:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(hashes), LOOKUP_CHUNK):
        try:
            answer = res.client.post(
                "/newsdesk/v1/media/lookup", {"hashes": hashes[start : start + LOOKUP_CHUNK]}
            )
        except (NotFoundOnServer, RefusedError):
            return {}  # a plugin older than 2.2: this desktop's own record only
        for sha, media_id in (answer.get("found") or {}).items():
            found[str(sha)] = {"id": int(media_id)}
    if found:
        ids = ",".join(str(v["id"]) for v in found.values())
        items = {
            int(i["id"]): i
            for i in res.client.get(
                "/wp/v2/media", include=ids, per_page=100, _fields=LIBRARY_FIELDS
            )
        }
        for value in found.values():
            value["item"] = items.get(value["id"], {})
    return found


def _adopt(res: SiteResources, photo: Photo, known: dict[str, Any]) -> None:
    """The site has these bytes already (sent by another desk): this photo is that item;
    its caption fields take the site's where they differ (the first sender captioned it)."""
    assert photo.id is not None
    item = known.get("item") or {"id": known["id"]}
    fields, meta_hash = res.media_fields(local_photo(photo))
    with res.store.atomic():
        res.store.sync.save_media(
            res.site_id, photo.sha256, int(known["id"]), str(item.get("source_url", "")),
            meta_hash + _copy_kind(bool(photo.keep_location)),
        )  # fmt: skip
        res.store.photos.library.save_base(res.site_id, photo.id, shared_fields(photo))
    if item.get("meta"):
        _merge(res, photo, item, LibraryReport())


# --- reading the site's library ---------------------------------------------------
def sync_library(res: SiteResources, progress: Progress | None = None) -> LibraryReport:
    """Pull the site's library photos changed since last time, merge, push what changed
    here; bring the full file of every library photo a story here uses."""
    report = LibraryReport()
    if not res.site.has_plugin:
        return report
    _pull(res, report, progress)
    _push(res, report)
    fetch_used(res, report)
    return report


def _pull(res: SiteResources, report: LibraryReport, progress: Progress | None) -> None:
    from .pull import since_param

    library = res.store.photos.library
    params: dict[str, Any] = {
        "newsdesk_library": 1,
        "orderby": "id",
        "order": "asc",
        "_fields": LIBRARY_FIELDS,
        # Editors read the raw caption; the others (view) the rendered one.
        "context": "edit" if res.site.role in ("editor", "administrator") else "view",
    }
    since = since_param(library.pulled_until(res.site_id))
    if since:
        params["modified_after"] = since
        if res.library_modified is not None and res.library_modified[:19] <= since:
            return  # the claims' answer said nothing changed since: no request
    seen = 0
    try:
        pages = list(res.client.pages("/wp/v2/media", params))
    except RefusedError as exc:
        if exc.status == 400 and "newsdesk_library" in str(exc.data or ""):
            return  # a plugin older than 2.2
        raise
    mark = res.client.first_page_date
    waiting = {m for m, _, _, _ in res.store.sync.photo_downloads(res.site_id)}
    for page in pages:
        for item in page:
            seen += 1
            if int(item["id"]) in waiting:
                continue  # a pulled story's photo, which its next pull tries again
            try:
                _take(res, item, report)
            except AuthError:
                raise
            except SyncError as exc:  # this photo next time; the others now
                report.failed.append((0, f"library photo (media {item['id']}): {exc}"))
                mark = ""
            if progress is not None:
                progress(seen, seen)
    if mark:
        with res.store.atomic():
            library.set_pulled_until(res.site_id, mark)


def _item_meta(item: dict[str, Any]) -> dict[str, Any]:
    raw = (item.get("meta") or {}).get(PHOTO_META) if isinstance(item.get("meta"), dict) else None
    try:
        meta = json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _take(res: SiteResources, item: dict[str, Any], report: LibraryReport) -> None:
    meta = _item_meta(item)
    uuid, sha = str(meta.get("uuid", "")), str(meta.get("sha256", ""))
    if not uuid or not sha:
        return
    store = res.store
    row = store.conn.execute(
        "SELECT id FROM photos WHERE uuid = ? OR sha256 = ? ORDER BY uuid = ? DESC LIMIT 1",
        (uuid, sha, uuid),
    ).fetchone()
    if row is None:
        _arrive(res, item, meta, report)
        return
    photo = store.photos.get(int(row[0]))
    if store.sync.media(res.site_id, photo.sha256) is None:
        fields, meta_hash = res.media_fields(local_photo(photo))
        with store.atomic():
            store.sync.save_media(
                res.site_id, photo.sha256, int(item["id"]), str(item.get("source_url", "")),
                meta_hash + _copy_kind(bool(photo.keep_location)),
            )  # fmt: skip
    _merge(res, photo, item, report)


def theirs_of(res: SiteResources, item: dict[str, Any]) -> dict[str, Any]:
    """The shared fields as the site holds them: the plugin's meta as the last desk wrote
    it, with the caption and alt text someone changed in wp-admin since."""
    meta = _item_meta(item)
    theirs = {name: meta.get(name, [] if name == "keywords" else "") for name in SHARED_FIELDS}
    caption_field = item.get("caption")
    if isinstance(caption_field, dict):
        shown = str(caption_field.get("raw", caption_field.get("rendered", "")))
        shown = unescape(_TAG.sub("", shown)).strip()
        written = house_caption(
            str(theirs["caption"]), str(theirs["credit"]), res.store.photos.caption_style
        )
        if _plain(shown) != _plain(written):
            theirs["caption"] = shown  # edited on the site
    if "alt_text" in item and str(item["alt_text"]) != str(theirs["alt_text"]):
        theirs["alt_text"] = str(item["alt_text"])
    return theirs


def _plain(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHY).split())


def _merge(res: SiteResources, photo: Photo, item: dict[str, Any], report: LibraryReport) -> None:
    """Three-way, field by field, against what both last agreed on."""
    assert photo.id is not None
    library = res.store.photos.library
    mine = shared_fields(photo)
    theirs = theirs_of(res, item)
    base = library.base(res.site_id, photo.id)
    if base is None:
        # Never agreed (a photo that went up with a story): when the item last got what
        # this desk holds now, the site's differences are news to take; else this
        # desk's edits since are news to send.
        _, meta_hash = res.media_fields(local_photo(photo))
        stored = (res.store.sync.media(res.site_id, photo.sha256) or (0, "", ""))[2]
        base = mine if stored.startswith(meta_hash) else theirs
    take: dict[str, Any] = {}
    clash: dict[str, Any] = {}
    agreed = dict(base)
    for name in SHARED_FIELDS:
        m, t, b = mine.get(name), theirs.get(name), base.get(name)
        if m == t:
            agreed[name] = m
        elif m == b:
            take[name] = t
            agreed[name] = t
        elif t != b:
            clash[name] = t
    meta = _item_meta(item)
    with res.store.atomic():
        if take:
            captioned_by = str(meta.get("captioned_by", ""))
            res.changes |= take_photo_fields(res.store, photo.id, take, captioned_by=captioned_by)
            report.updated.append(photo.id)
        if photo.origin == "" and str(meta.get("uuid")) == photo.uuid and not _ours(res, meta):
            origin = str(meta.get("origin", "")) or res.site.name
            res.changes |= set_photo_people(res.store, photo.id, origin=origin)
        library.save_base(res.site_id, photo.id, agreed)
        library.set_conflict(res.site_id, photo.id, clash)
    if clash:
        report.conflicts.append(
            {"photo_id": photo.id, "site": res.site.name, "fields": sorted(clash), "theirs": clash}
        )


def _ours(res: SiteResources, meta: dict[str, Any]) -> bool:
    return str(meta.get("origin", "")) == desk_label(res)


def _arrive(
    res: SiteResources, item: dict[str, Any], meta: dict[str, Any], report: LibraryReport
) -> None:
    """A library photo new here: its thumbnail and caption fields; the full file later."""
    from ..photos.imaging import THUMBNAIL_SIZE

    store = res.store
    thumb = _download_image(res, _small_url(item))
    from PIL import Image

    path = store.photos.thumbnail_path(str(meta["sha256"]))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with Image.open(io.BytesIO(thumb)) as image:
            image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
            image.convert("RGB").save(path, "JPEG", quality=85)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RefusedError(f"its thumbnail is not an image the library can show ({exc})") from exc
    theirs = theirs_of(res, item)
    details = item.get("media_details") or {}
    with store.atomic():
        photo, changes = add_library_photo(
            store,
            uuid=str(meta["uuid"]),
            sha256=str(meta["sha256"]),
            fields=theirs,
            width=int(meta.get("width") or details.get("width") or 0),
            height=int(meta.get("height") or details.get("height") or 0),
            origin=str(meta.get("origin", "")) or res.site.name,
            captioned_by=str(meta.get("captioned_by", "")),
        )
        assert photo.id is not None
        fields, meta_hash = res.media_fields(local_photo(photo))
        store.sync.save_media(
            res.site_id, photo.sha256, int(item["id"]), str(item.get("source_url", "")),
            meta_hash + _copy_kind(False),
        )  # fmt: skip
        store.photos.library.save_base(res.site_id, photo.id, theirs)
    res.changes |= changes
    report.arrived.append(photo.id)


def _small_url(item: dict[str, Any]) -> str:
    details = item.get("media_details") or {}
    sizes = details.get("sizes") if isinstance(details, dict) else None
    for name in THUMB_SIZES:
        size = (sizes or {}).get(name)
        if isinstance(size, dict) and size.get("source_url"):
            return str(size["source_url"])
    return str(item.get("source_url", ""))


def _download_image(res: SiteResources, url: str) -> bytes:
    from .photo_travel import _download

    return _download(res, url)


# --- sending what changed here ---------------------------------------------------------
def waiting_here(res: SiteResources) -> bool:
    """Library work only this desk can start (no request): fields to send, or a full
    file a story here uses and still lacks. An idle sync that finds none may stop at
    the site's change counter (sync/changes.py)."""
    return next(_changed_here(res), None) is not None or bool(_used_without_file(res))


def _changed_here(res: SiteResources) -> Iterator[tuple[Photo, dict[str, Any]]]:
    """Library photos whose shared fields changed here since last agreed (not while a
    conflict on them waits for a person), with those fields."""
    rows = res.store.conn.execute(
        "SELECT lm.photo_id, lm.base FROM library_media lm "
        "JOIN remote_media rm ON rm.site_id = lm.site_id "
        "JOIN photos p ON p.id = lm.photo_id AND p.sha256 = rm.sha256 "
        "WHERE lm.site_id = ? AND lm.conflict = '' AND rm.remote_id > 0",
        (res.site_id,),
    ).fetchall()
    for photo_id, base in rows:
        photo = res.store.photos.get(int(photo_id))
        mine = shared_fields(photo)
        if mine != agreed_fields(json.loads(base)):
            yield photo, mine


def _push(res: SiteResources, report: LibraryReport) -> None:
    """What changed here goes to the media item."""
    store = res.store
    for photo, mine in list(_changed_here(res)):
        if photo.captioned_by != res.site.username:
            # Who changed it last: this desk's person.
            set_photo_people(store, photo.id or 0, captioned_by=res.site.username)
            photo.captioned_by = res.site.username
        known = store.sync.media(res.site_id, photo.sha256)
        assert known is not None and photo.id is not None
        fields, meta_hash = res.media_fields(local_photo(photo))
        from .resources import json_fields

        res.client.post(f"/wp/v2/media/{known[0]}", json_fields(fields))
        with store.atomic():
            res.store.sync.save_media(
                res.site_id, photo.sha256, known[0], known[1],
                meta_hash + _uploaded_copy(known[2], photo),
            )  # fmt: skip
            store.photos.library.save_base(res.site_id, photo.id, mine)
        report.pushed.append(photo.id)


def _uploaded_copy(stored: str, photo: Photo) -> str:
    return stored[stored.index("+") :] if "+" in stored else _copy_kind(bool(photo.keep_location))


# --- full files --------------------------------------------------------------------------
def _used_without_file(res: SiteResources) -> list[int]:
    rows = res.store.conn.execute(
        "SELECT DISTINCT p.id FROM photos p WHERE p.file_path = '' AND (p.id IN "
        "(SELECT lead_photo_id FROM articles WHERE lead_photo_id IS NOT NULL) OR p.id IN "
        "(SELECT photo_id FROM article_photos))"
    ).fetchall()
    return [int(row[0]) for row in rows]


def fetch_used(res: SiteResources, report: LibraryReport) -> None:
    """Every library photo a story here uses gets its full file."""
    for photo_id in _used_without_file(res):
        try:
            fetch_full(res, res.store.photos.get(int(photo_id)))
        except (AuthError, NetworkError):
            raise
        except SyncError as exc:
            report.failed.append((int(photo_id), str(exc)))


def fetch_full(res: SiteResources, photo: Photo) -> Photo:
    """The photo's full file from its media item (the largest the site holds): the public
    copy, which is all the site has of it. The library keeps the photo's identity."""
    from ..photos.imaging import inspect_image
    from .photo_travel import largest_url

    assert photo.id is not None
    if photo.file_here:
        return photo
    known = res.store.sync.media(res.site_id, photo.sha256)
    if known is None or known[0] <= 0:
        raise RefusedError(f"photo {photo.id} is not in {res.site.name}'s library")
    item = res.client.get(f"/wp/v2/media/{known[0]}", _fields=LIBRARY_FIELDS)
    data = _download_image(res, largest_url(item))
    extension = ".png" if data[:8] == b"\x89PNG\r\n\x1a\n" else ".jpg"
    relative = original_relpath(photo.sha256, extension)
    target = res.store.media_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".part")
    temporary.write_bytes(data)
    try:
        info = inspect_image(temporary)
    except Exception as exc:
        temporary.unlink(missing_ok=True)
        raise RefusedError(f"the site's file of photo {photo.id} is not an image ({exc})") from exc
    temporary.replace(target)
    res.changes |= set_photo_file(
        res.store, photo.id, relative, info.format, info.width, info.height, len(data)
    )
    return res.store.photos.get(photo.id)
