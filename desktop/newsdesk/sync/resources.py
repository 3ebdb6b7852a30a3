"""Categories, tags and media on one site: found or created once, remembered in the store."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle, house_form
from ..ops.changes import Changes
from ..photos.imaging import PhotoFileError
from ..photos.metadata import MetadataError
from ..photos.public import PublicCopy, public_copy, public_name
from .blocks import BLOCK_TYPE_FIELDS, CURRENT, BlockFlavour, MediaRef
from .errors import NotFoundOnServer, RefusedError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from ..store import Store
    from ..store.sites import Site
    from .client import WordPressClient

_PHOTO_LINK = re.compile(r"\]\(photo:([0-9A-Za-z-]+)\)")


@dataclass(frozen=True)
class LocalPhoto:
    id: int
    uuid: str
    sha256: str
    path: str
    original_name: str
    caption: str
    credit: str
    alt: str
    description: str
    keep_location: int  # 0 or 1, as stored


def _copy_kind(keep_location: bool) -> str:
    """Which public copy a media item holds, kept after the caption hash: '+p' without
    the position, '+pgps' with it; an older item (the original file) has neither."""
    return "+pgps" if keep_location else "+p"


def _uploaded_kind(stored_hash: str) -> str:
    return stored_hash[stored_hash.index("+") :] if "+" in stored_hash else ""


def _legacy_slug(photo: LocalPhoto) -> str:
    """The slug earlier versions gave an upload (an unanswered one may still be found by it)."""
    return "nd-" + photo.sha256[:24]


def _short(caption: str, words: int = 10) -> str:
    parts = caption.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


PHOTO_META = "_newsdesk_photo"  # the plugin's protected media meta (uuid, caption, credit)
_FORM_META = re.compile(r"^meta\[(.+)\]$")


def json_fields(fields: dict[str, str]) -> dict[str, Any]:
    """Form fields (an upload's `meta[key]`) as a JSON body's: meta as an object."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        key = _FORM_META.match(name)
        if key:
            out.setdefault("meta", {})[key.group(1)] = value
        else:
            out[name] = value
    return out


def house_caption(caption: str, credit: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE) -> str:
    """The caption as the site prints it: the credit closes it in the newsroom's house style."""
    return house_form(caption, credit, style)


class SiteResources:
    def __init__(self, store: Store, site: Site, client: WordPressClient) -> None:
        assert site.id is not None
        self.store = store
        self.site = site
        self.site_id: int = site.id
        self.client = client
        self._names: dict[str, dict[int, str]] = {}  # taxonomy -> id -> name, this sync
        self._refused: dict[tuple[str, str], RefusedError] = {}  # terms we may not create
        self._meta_schema: int | None = None
        self.warnings: list[str] = []  # for the sync's report
        self._absent: set[tuple[str, str]] = set()  # terms the site lacks, this sync
        self.replaced_photos: set[str] = set()  # uuids whose media item was replaced, this sync
        self.media_failed: set[int] = set()  # photo downloads that failed: next sync again
        self.library_modified: str | None = None  # the site's newest library change, if told
        # Public copies a batch (sync/library.py) has begun making, by photo id.
        self.copies_ahead: dict[int, Future[PublicCopy]] = {}
        # What this sync changed in the newsroom (the ops' Changes), for the report.
        self.changes = Changes()
        self._flavour: BlockFlavour | None = None

    @property
    def meta_schema(self) -> int:
        """How the site's companion plugin keeps Newsdesk's meta (0: no plugin), asked
        once a sync and only when something is written: an idle sync stays one request."""
        if self._meta_schema is None:
            self._meta_schema = self.client.plugin_meta_schema() if self.site.has_plugin else 0
            if self._meta_schema == 1:
                warning = (
                    f"The companion plugin on {self.site.name} is version 1, which shows "
                    "Newsdesk's meta to anyone who can read a post: install the current "
                    "newsdesk-sync.php. Until then published posts carry no notes, sources, "
                    "Markdown or stage."
                )
                self.warnings.append(warning)
                with self.store.atomic():
                    self.store.sync.log(warning, level="warning", site_id=self.site_id)
        return self._meta_schema

    @property
    def block_flavour(self) -> BlockFlavour:
        """How this site's block editor writes the blocks that changed between releases,
        read once per sync from its block registry; the current markup if it will not say."""
        if self._flavour is None:
            try:
                types = self.client.get(
                    "/wp/v2/block-types", namespace="core", _fields=BLOCK_TYPE_FIELDS
                )
            except RefusedError:
                types = None
            self._flavour = (
                BlockFlavour.from_block_types(types) if isinstance(types, list) else CURRENT
            )
        return self._flavour

    # --- terms ----------------------------------------------------------------
    def term_id(self, taxonomy: str, name: str, parent: str | None = None) -> int:
        known = self.store.sync.term_id(self.site_id, taxonomy, name)
        if known is not None:
            return known
        refused = self._refused.get((taxonomy, name.lower()))
        if refused is not None:
            raise refused  # asked once this sync; the answer will not change
        try:
            return self._find_or_create_term(taxonomy, name, parent)
        except RefusedError as exc:
            self._refused[(taxonomy, name.lower())] = exc
            raise

    def find_term(self, taxonomy: str, name: str) -> int | None:
        """The term's id if the site has it, without trying to create it (asked once a sync)."""
        known = self.store.sync.term_id(self.site_id, taxonomy, name)
        if known is not None or (taxonomy, name.lower()) in self._absent:
            return known
        found = self._search_term(taxonomy, name)
        if found is None:
            self._absent.add((taxonomy, name.lower()))
        return found

    def _search_term(self, taxonomy: str, name: str) -> int | None:
        found = self.client.get(f"/wp/v2/{taxonomy}", search=name, per_page=100, _fields="id,name")
        from html import unescape

        for term in found:
            if unescape(str(term["name"])).lower() == name.lower():
                self._remember(taxonomy, name, int(term["id"]))
                return int(term["id"])
        return None

    def _find_or_create_term(self, taxonomy: str, name: str, parent: str | None) -> int:
        found_id = self._search_term(taxonomy, name)
        if found_id is not None:
            return found_id
        data: dict[str, Any] = {"name": name}
        if parent and taxonomy == "categories":
            data["parent"] = self.term_id("categories", parent)
        try:
            made = self.client.post(f"/wp/v2/{taxonomy}", data)
            term_id = int(made["id"])
        except RefusedError as exc:
            if exc.code != "term_exists":
                raise
            # Created meanwhile (or by our own lost request): WordPress names the id.
            term_id = self._existing_term_id(taxonomy, name)
        self._remember(taxonomy, name, term_id)
        return term_id

    def _existing_term_id(self, taxonomy: str, name: str) -> int:
        for term in self.client.get(f"/wp/v2/{taxonomy}", search=name, _fields="id,name"):
            return int(term["id"])
        raise RefusedError(f"The server says the {taxonomy} {name!r} exists but does not list it.")

    def _remember(self, taxonomy: str, name: str, term_id: int) -> None:
        with self.store.atomic():
            self.store.sync.save_term(self.site_id, taxonomy, name, term_id)

    def term_names(self, taxonomy: str, ids: list[int]) -> list[str]:
        cache = self._names.setdefault(taxonomy, {})
        if all(i in cache for i in ids):
            return [cache[i] for i in ids]
        unknown = [i for i in ids if self.store.sync.term_name(self.site_id, taxonomy, i) is None]
        if unknown:
            from html import unescape

            for chunk in range(0, len(unknown), 100):
                part = unknown[chunk : chunk + 100]
                terms = self.client.get(
                    f"/wp/v2/{taxonomy}",
                    include=",".join(map(str, part)),
                    per_page=100,
                    _fields="id,name",
                )
                with self.store.atomic():
                    for term in terms:
                        self.store.sync.save_term(
                            self.site_id, taxonomy, unescape(str(term["name"])), int(term["id"])
                        )
        names = []
        for term_id in ids:
            name = self.store.sync.term_name(self.site_id, taxonomy, term_id)
            if name is not None:
                cache[term_id] = name
                names.append(name)
        return names

    # --- photos -> media ------------------------------------------------------
    def photos_of(self, lead_photo_id: int | None, body: str) -> list[LocalPhoto]:
        """The article's lead photo and every `photo:` image in its body, once each."""
        clauses, params = [], []
        if lead_photo_id is not None:
            clauses.append("id = ?")
            params.append(lead_photo_id)
        uuids = list(dict.fromkeys(_PHOTO_LINK.findall(body)))
        if uuids:
            clauses.append(f"uuid IN ({','.join('?' * len(uuids))})")
            params.extend(uuids)
        if not clauses:
            return []
        rows = self.store.conn.execute(
            "SELECT id, uuid, sha256, file_path, original_name, caption, credit, alt_text, "
            f"extended_description, keep_location FROM photos WHERE {' OR '.join(clauses)} ORDER BY id",
            params,
        ).fetchall()
        return [LocalPhoto(*row) for row in rows]

    def caption(self, photo: LocalPhoto) -> str:
        """The photo's caption in the style the store holds (Preferences'), as the newsroom
        writes it; a change of style changes the hash below, so the media item follows."""
        return house_caption(photo.caption, photo.credit, self.store.photos.caption_style)

    def media_for(self, photo: LocalPhoto, *name_hints: str) -> MediaRef:
        """Upload once per site (by content hash); a changed caption or alt text is updated.

        What goes up is the photo's public copy (photos/public.py), named from
        `name_hints` (the story's slug or headline) or the caption, never from the
        original file name. The stored hash remembers which copy went up: an item
        uploaded before public copies existed, or with another "keep location"
        choice, is replaced by a fresh copy.
        """
        caption = self.caption(photo)
        fields, meta_hash = self.media_fields(photo)
        copy_kind = _copy_kind(bool(photo.keep_location))
        known = self.store.sync.media(self.site_id, photo.sha256)
        replaced = 0
        if known is not None and known[0] and _uploaded_kind(known[2]) != copy_kind:
            replaced, known = known[0], None
        if known is None or known[0] == 0:
            found = []
            if known is not None:
                # An earlier upload went out and its answer never came: it may be on the
                # server already; the slug recorded with the intent finds it.
                found = self.client.get(
                    "/wp/v2/media", slug=known[1] or _legacy_slug(photo), _fields="id,source_url"
                )
                slug = known[1] or public_name(*name_hints, photo.caption)
            else:
                slug = public_name(*name_hints, photo.caption)
                # The intent, before sending; the planned slug stands in for the URL.
                self._save_media(photo.sha256, 0, slug, "")
            if found:
                # Ours from this version (a public copy) if found by the planned slug.
                kind = copy_kind if known is not None and known[1] else ""
                known = (int(found[0]["id"]), str(found[0]["source_url"]), kind)
            else:
                made = self._upload(photo, slug, fields)
                known = (int(made["id"]), str(made["source_url"]), meta_hash + copy_kind)
            self._save_media(photo.sha256, known[0], known[1], known[2])
        if replaced:
            self.replaced_photos.add(photo.uuid)
            self._delete_replaced(photo, replaced)
        media_id, url, stored_hash = known
        if stored_hash != meta_hash + copy_kind:
            self.client.post(f"/wp/v2/media/{media_id}", json_fields(fields))
            self._save_media(photo.sha256, media_id, url, meta_hash + copy_kind)
        return MediaRef(photo.uuid, media_id, url, caption, photo.alt)

    def media_fields(self, photo: LocalPhoto) -> tuple[dict[str, str], str]:
        """What a photo's media item says, and its hash (an edit of any is sent again).

        With the companion plugin the item also carries the photo's uuid, caption and
        credit apart (`_newsdesk_photo`, shown only to editors): a desk pulling a story
        gets the photo under the uuid its body names, and the caption without the
        credit the house style closed it with."""
        caption = self.caption(photo)
        fields = {
            "caption": caption,
            "alt_text": photo.alt,
            "description": photo.description or caption,
        }
        if self.site.has_plugin:
            # The shared library's fields too (sync/library.py): hash of the original,
            # caption fields, origin and captioner; for the newsroom only.
            from .library import library_meta

            library = library_meta(self, self.store.photos.get(photo.id))
            fields[f"meta[{PHOTO_META}]"] = json.dumps(library, ensure_ascii=False)
        meta_hash = hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()[:16]
        return fields, meta_hash

    def _delete_replaced(self, photo: LocalPhoto, media_id: int) -> None:
        """Delete the media item a fresh public copy replaced (it may carry the position or
        a camera's serial number); every article showing the photo goes out again, so
        none keeps pointing at it."""
        try:
            self.client.delete(f"/wp/v2/media/{media_id}", force="true")
        except NotFoundOnServer:
            pass
        except RefusedError as exc:
            with self.store.atomic():
                self.store.sync.log(
                    f"The earlier copy of photo {photo.id} (media {media_id}) could not be "
                    f"deleted from {self.site.name} ({exc}); an editor should delete it there.",
                    level="warning",
                    site_id=self.site_id,
                )
        with self.store.atomic():
            self.store.photos.uses.queue_articles_using([photo.id])

    def stored_media(self, photo: LocalPhoto) -> MediaRef | None:
        """The photo's media on this site as last uploaded, without asking the server."""
        known = self.store.sync.media(self.site_id, photo.sha256)
        if known is None or known[0] == 0:
            return None  # never uploaded, or only intended (the row then holds a slug)
        return MediaRef(photo.uuid, known[0], known[1], self.caption(photo), photo.alt)

    def shown_captions(
        self, article_id: int | None, body: str, lead_photo_id: int | None, section: str
    ) -> dict[str, tuple[str, str]]:
        """photo uuid -> (caption in the house style, alt text) as this article's body shows
        each photo: the photo desk's per-article caption when set, else the library's."""
        if article_id is None:
            return {}
        used = self.store.photos.uses.for_content(article_id, body, lead_photo_id, section)
        seen = {(u.photo.uuid, str(u.use.role)): u.caption for u in used}
        style = self.store.photos.caption_style
        out: dict[str, tuple[str, str]] = {}
        for uuid in dict.fromkeys(_PHOTO_LINK.findall(body)):
            # The layout preview's order: an inline use first, then a gallery one.
            shown = seen.get((uuid, "inline")) or seen.get((uuid, "gallery"))
            if shown is not None:
                out[uuid] = (house_caption(shown.text, shown.credit, style), shown.alt_text)
        return out

    def body_blocks(
        self,
        article_id: int | None,
        body: str,
        lead_photo_id: int | None,
        section: str,
        media: dict[str, MediaRef],
        correction: str = "",
    ) -> str:
        """The post content for `body`: what a push sends and what `render_offline`
        recognises, one function so the two cannot drift. The media items keep the
        library caption (posts share them); each figure shows this article's own.
        A correction follows the body, dated when it was made."""
        from .blocks import correction_block, markdown_to_blocks

        shown = self.shown_captions(article_id, body, lead_photo_id, section)

        def resolve(uuid: str) -> MediaRef | None:
            ref = media.get(uuid)
            if ref is None or uuid not in shown:
                return ref
            caption, alt = shown[uuid]
            return replace(ref, caption=caption, alt=alt)

        content = markdown_to_blocks(body, resolve, self.block_flavour)
        if correction.strip() and article_id is not None:
            made = [t.at for t in self.store.workflow.history(article_id) if t.action == "correct"]
            edition = self.store.articles.get(article_id).edition
            content += correction_block(correction.strip(), made[-1] if made else "", edition)
        return content

    def render_offline(self, article_id: int | None, content: dict[str, Any]) -> str | None:
        """The content a push of this article content would send (its own captions
        included), or None if a photo is not uploaded yet."""
        body = str(content.get("body", ""))
        lead_photo_id = content.get("lead_photo_id")
        refs: dict[str, MediaRef] = {}
        for photo in self.photos_of(lead_photo_id, body):
            ref = self.stored_media(photo)
            if ref is None:
                return None
            refs[photo.uuid] = ref
        section = str(content.get("section", ""))
        correction = str(content.get("correction") or "")
        return self.body_blocks(article_id, body, lead_photo_id, section, refs, correction)

    def _upload(self, photo: LocalPhoto, slug: str, fields: dict[str, str]) -> dict[str, Any]:
        path = self.store.media_dir / photo.path
        if not path.is_file():
            raise RefusedError(
                f"The photo file {path} is missing from the store; it cannot be sent."
            )
        library = self.store.photos.get(photo.id)
        try:
            label = f"Photo {photo.id} ({photo.original_name or path.name})"  # for the desk only
            ahead = self.copies_ahead.pop(photo.id, None)  # made while the last one went up
            public = (
                ahead.result() if ahead is not None else public_copy(library, path, label=label)
            )
        except (PhotoFileError, MetadataError) as exc:
            raise RefusedError(f"{exc} It was not sent; the library keeps it as it is.") from exc
        # The title is public too (and WordPress would take the file name): the desk's.
        title = library.headline or _short(photo.caption) or slug
        try:
            return self.client.upload_media(
                slug + public.extension,
                public.data,
                public.mime,
                {**fields, "slug": slug, "title": title},
            )
        except RefusedError as exc:
            if exc.status == 403:
                raise RefusedError(
                    f"The server refused: {self.client.role}s cannot upload photos "
                    f"({self.site.name} needs an author or editor account).",
                    code=exc.code,
                    status=403,
                ) from exc
            raise

    def _save_media(self, sha256: str, media_id: int, url: str, meta_hash: str) -> None:
        with self.store.atomic():
            self.store.sync.save_media(self.site_id, sha256, media_id, url, meta_hash)

    def photo_uuid_for_media(self, media_id: int) -> str | None:
        sha = self.store.sync.media_by_remote_id(self.site_id, media_id)
        if sha is None:
            return None
        row = self.store.conn.execute("SELECT uuid FROM photos WHERE sha256 = ?", (sha,)).fetchone()
        return str(row[0]) if row else None

    def photo_id_for_media(self, media_id: int) -> int | None:
        sha = self.store.sync.media_by_remote_id(self.site_id, media_id)
        if sha is None:
            return None
        row = self.store.conn.execute("SELECT id FROM photos WHERE sha256 = ?", (sha,)).fetchone()
        return int(row[0]) if row else None
