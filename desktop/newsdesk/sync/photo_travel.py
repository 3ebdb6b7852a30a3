"""Photos travel with a pulled story: its lead and inline photos join the library.

A post's featured media and its `wp-image-N` images that the library lacks are
downloaded (the largest size the site gives an editor), imported as library photos
with the media item's caption, credit and alt text, under the uuid the pushing desk
gave them (the plugin's `_newsdesk_photo` meta), and remembered as this site's
media, so a push from this desk reuses the item instead of uploading it again.

With the plugin only media items carrying that meta are brought (a photo chosen
in the web editor stays on the site, as before); without it every image is, as
nothing tells a Newsdesk photo apart. A failed download leaves the story pulled
without the photo, a line in the sync report, and a row to try again at the next
sync, which then links the photo as the story's lead (or inline image).
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from ..ops.from_site import add_photo_from_site, save_from_site
from ..photos.importer import ImportProblem, prepare_file
from .blocks import _WP_IMAGE_ID
from .errors import AuthError, RefusedError, SyncError
from .resources import PHOTO_META, LocalPhoto, _copy_kind, house_caption

if TYPE_CHECKING:
    from ..domain.photo import Photo
    from .resources import SiteResources

MEDIA_FIELDS = "id,source_url,media_type,media_details,alt_text,caption,description,meta"
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Wanted:
    media_id: int
    post_id: int
    lead: bool
    headline: str = ""


def wanted_in(posts: list[dict[str, Any]]) -> list[Wanted]:
    """The lead and inline media of each post (trash left out), in order."""
    out: list[Wanted] = []
    for post in posts:
        if post.get("status") == "trash":
            continue
        post_id = int(post["id"])
        title = post.get("title")
        headline = unescape(str(title.get("raw", "") if isinstance(title, dict) else title or ""))
        featured = int(post.get("featured_media") or 0)
        if featured:
            out.append(Wanted(featured, post_id, True, headline))
        content = post.get("content")
        raw = str(content.get("raw", "") if isinstance(content, dict) else content or "")
        for media_id in dict.fromkeys(int(m) for m in _WP_IMAGE_ID.findall(raw)):
            if media_id != featured:
                out.append(Wanted(media_id, post_id, False, headline))
    return out


def bring_photos(res: SiteResources, posts: list[dict[str, Any]]) -> None:
    """Before a page's posts are stored: bring the photos they show that the library lacks."""
    wanted = [w for w in wanted_in(posts) if res.photo_id_for_media(w.media_id) is None]
    if wanted:
        _fetch_and_link(res, wanted)


def retry_downloads(res: SiteResources) -> None:
    """Photos an earlier pull could not download: again, and linked to their stories."""
    _fetch_and_link(res, [])


def _fetch_and_link(res: SiteResources, wanted: list[Wanted]) -> None:
    """Bring `wanted` and what earlier pulls could not; a photo that arrives late is
    linked into the story that was pulled without it."""
    asked = {w.media_id for w in wanted}
    late = [
        Wanted(media_id, post_id, lead, _headline(res, post_id))
        for media_id, post_id, lead, _ in res.store.sync.photo_downloads(res.site_id)
        if not wanted or media_id in asked
    ]
    brought = _fetch(res, [*wanted, *late])
    with res.store.atomic():
        for want in late:
            if want.media_id in brought:
                _link(res, want, *brought[want.media_id])


def _headline(res: SiteResources, post_id: int) -> str:
    rp = res.store.sync.remote_post_by_remote_id(res.site_id, post_id)
    return res.store.articles.get(rp.article_id).headline if rp is not None else ""


def _fetch(res: SiteResources, wanted: list[Wanted]) -> dict[int, tuple[Photo, str]]:
    """media id -> (library photo, the item's URL) for every wanted one now in the library."""
    done: dict[int, tuple[Photo, str]] = {}
    ids = [i for i in dict.fromkeys(w.media_id for w in wanted) if i not in res.media_failed]
    for media_id in ids:
        photo_id = res.photo_id_for_media(media_id)
        if photo_id is not None:
            photo = res.store.photos.get(photo_id)
            known = res.store.sync.media(res.site_id, photo.sha256)
            done[media_id] = (photo, known[1] if known else "")
    rest = [i for i in ids if i not in done]
    if not rest:
        return done
    try:
        items = _media_items(res, rest)
    except AuthError:
        raise
    except SyncError as exc:
        _failed(res, [w for w in wanted if w.media_id in rest], str(exc))
        return done
    for media_id in rest:
        item = items.get(media_id)
        meta = _photo_meta(item)
        if item is None or item.get("media_type", "image") != "image":
            _forget(res, media_id)  # gone from the site, or not a photo: nothing to retry
            continue
        if res.site.has_plugin and not meta:
            _forget(res, media_id)  # chosen in the web editor: not a Newsdesk photo
            continue
        try:
            photo = _bring(res, item, meta)
        except AuthError:
            raise
        except SyncError as exc:
            _failed(res, [w for w in wanted if w.media_id == media_id], str(exc))
            continue
        done[media_id] = (photo, str(item.get("source_url", "")))
        _forget(res, media_id)
    return done


def _media_items(res: SiteResources, ids: list[int]) -> dict[int, dict[str, Any]]:
    items: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 100):
        part = ids[start : start + 100]
        try:
            found = res.client.get(
                "/wp/v2/media",
                include=",".join(map(str, part)),
                per_page=100,
                context="edit",
                _fields=MEDIA_FIELDS,
            )
        except RefusedError:
            found = []
        for item in found:
            items[int(item["id"])] = item
        # Items this user may not edit (a reporter, an editor's photo) are left out of
        # context=edit; the view has them, and the plugin shows its meta there to the newsroom.
        others = [i for i in part if i not in items]
        if others:
            for item in res.client.get(
                "/wp/v2/media",
                include=",".join(map(str, others)),
                per_page=100,
                _fields=MEDIA_FIELDS,
            ):
                items[int(item["id"])] = item
    return items


def _photo_meta(item: dict[str, Any] | None) -> dict[str, str]:
    raw = ((item or {}).get("meta") or {}).get(PHOTO_META) if item else None
    if not raw:
        return {}
    try:
        meta = json.loads(raw)
    except (TypeError, ValueError):
        return {}
    if not isinstance(meta, dict):
        return {}
    return {k: str(meta.get(k) or "") for k in ("uuid", "caption", "credit")}


def _bring(res: SiteResources, item: dict[str, Any], meta: dict[str, str]) -> Photo:
    """The library photo for one media item: found by uuid or content, else downloaded."""
    store = res.store
    uuid = meta.get("uuid", "")
    if uuid:
        row = store.conn.execute("SELECT id FROM photos WHERE uuid = ?", (uuid,)).fetchone()
        if row is not None:
            photo = store.photos.get(int(row[0]))
            _remember(res, photo, item, fresh=False)
            if not photo.file_here:  # known from the library: the story needs the file
                from .library import fetch_full

                photo = fetch_full(res, photo)
            return photo
    url = largest_url(item)
    data = _download(res, url)
    name = Path(unquote(urlsplit(url).path)).name
    if not name or name.startswith(".") or "\\" in name:
        name = f"media-{int(item['id'])}.jpg"  # the site's name, only when a plain one
    with tempfile.TemporaryDirectory(dir=store.folder) as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        prepared = prepare_file(str(path), str(store.media_dir))
    if isinstance(prepared, ImportProblem):
        raise RefusedError(f"the file is not a photo the library can take ({prepared.message})")
    existing = store.photos.find_by_sha(prepared.sha256)
    if existing is not None:
        _remember(res, existing, item, fresh=False)
        return existing
    caption, credit = _caption_and_credit(res, item, meta, prepared.fields)
    prepared.fields.update(caption=caption, credit=credit, alt_text=str(item.get("alt_text", "")))
    with store.atomic():
        photo, changes = add_photo_from_site(store, prepared, uuid=uuid)
        _remember(res, photo, item, fresh=True)
    res.changes |= changes
    return photo


def _caption_and_credit(
    res: SiteResources, item: dict[str, Any], meta: dict[str, str], embedded: dict[str, Any]
) -> tuple[str, str]:
    """The library caption and credit: the plugin's meta; else the file's own (the public
    copy carries them) when the item's caption is still theirs; else the item's caption."""
    if meta:
        return meta.get("caption", ""), meta.get("credit", "")
    field = item.get("caption")
    shown = field.get("raw", field.get("rendered", "")) if isinstance(field, dict) else field
    shown = unescape(_TAG.sub("", str(shown or ""))).strip()
    caption, credit = str(embedded.get("caption", "")), str(embedded.get("credit", ""))
    style = res.store.photos.caption_style
    if caption and house_caption(caption, credit, style).strip() == shown:
        return caption, credit
    return shown, credit


def largest_url(item: dict[str, Any]) -> str:
    """The biggest file the site lists for the item: the original of a "-scaled" upload,
    else the widest of its sizes (the full one is the uploaded file)."""
    source = str(item.get("source_url", ""))
    details = item.get("media_details") or {}
    original = details.get("original_image") if isinstance(details, dict) else None
    if original and "/" in source:
        return source.rsplit("/", 1)[0] + "/" + str(original)
    best, width = source, int(details.get("width") or 0) if isinstance(details, dict) else 0
    sizes = details.get("sizes") if isinstance(details, dict) else None
    for size in (sizes or {}).values():
        if (
            isinstance(size, dict)
            and int(size.get("width") or 0) > width
            and size.get("source_url")
        ):
            best, width = str(size["source_url"]), int(size["width"])
    return best


def _download(res: SiteResources, url: str) -> bytes:
    """The site's own files are asked for at the site's address (the way every other
    request goes, its proxy included); a file elsewhere (a CDN) without the password."""
    site, source = urlsplit(res.client.url), urlsplit(url)
    if source.hostname == site.hostname:
        target = f"{site.scheme}://{site.netloc}{source.path}"
        response = res.client.request("GET", target, headers={"Accept": "image/*"})
    else:
        response = res.client.request("GET", url, headers={"Accept": "image/*"}, auth=None)
    if not response.headers.get("content-type", "").startswith("image/"):
        raise RefusedError(f"{url} is not an image")
    return response.content


def _remember(res: SiteResources, photo: Photo, item: dict[str, Any], *, fresh: bool) -> None:
    """This site's media item is this photo's upload. A photo made from the item stores
    the hash of what the item says, so a push sends nothing; one already here, an empty
    hash, so its next push sends the library's caption to the item."""
    assert photo.id is not None
    local = LocalPhoto(
        photo.id, photo.uuid, photo.sha256, photo.file_path, photo.original_name,
        photo.caption, photo.credit, photo.alt_text, photo.extended_description,
        int(photo.keep_location),
    )  # fmt: skip
    stored = ""
    if fresh:
        _, meta_hash = res.media_fields(local)
        stored = meta_hash + _copy_kind(bool(photo.keep_location))
    with res.store.atomic():
        res.store.sync.save_media(
            res.site_id, photo.sha256, int(item["id"]), str(item.get("source_url", "")), stored
        )


def _failed(res: SiteResources, wanted: list[Wanted], error: str) -> None:
    error = error.rstrip(".")
    res.media_failed.update(w.media_id for w in wanted)  # once a sync is enough
    with res.store.atomic():
        for want in wanted:
            res.store.sync.photo_download_failed(
                res.site_id, want.media_id, want.post_id, lead=want.lead, error=error
            )
    for media_id in dict.fromkeys(w.media_id for w in wanted):
        stories = [w for w in wanted if w.media_id == media_id]
        named = stories[0].headline or f"post {stories[0].post_id}"
        line = (
            f"The photo of '{named}' (media {media_id}) could not be downloaded from "
            f"{res.site.name}: {error}. The story is pulled without it; the next sync tries again."
        )
        res.warnings.append(line)
        with res.store.atomic():
            res.store.sync.log(line, level="warning", site_id=res.site_id)


def _forget(res: SiteResources, media_id: int) -> None:
    with res.store.atomic():
        res.store.sync.photo_downloaded(res.site_id, media_id)


def _link(res: SiteResources, want: Wanted, photo: Photo, url: str) -> None:
    """A photo downloaded late takes its place in the story pulled without it: the lead
    (unless one was chosen here meanwhile), and the inline image the body shows by its
    address (without the plugin; with it the body already names the photo's uuid)."""
    store = res.store
    rp = store.sync.remote_post_by_remote_id(res.site_id, want.post_id)
    if rp is None:
        return
    article = store.articles.get(rp.article_id)
    changed = False
    featured = (rp.base_remote or {}).get("featured_media")
    if want.lead and article.lead_photo_id is None and featured == want.media_id:
        article.lead_photo_id = photo.id
        changed = True
    if url and f"]({url})" in article.body:  # the lead is often inline too
        article.body = article.body.replace(f"]({url})", f"](photo:{photo.uuid})")
        changed = True
    if not changed:
        return
    assert article.id is not None
    was_base = rp.base_revision == store.articles.revision_of(article.id)
    saved = save_from_site(store, article, reason=f"photo from {res.site.name}", queue=False)
    res.changes |= saved.changes
    if was_base:
        rp.base_revision = saved.revision  # what the site shows: nothing to send back
        store.sync.save_remote_post(rp)
