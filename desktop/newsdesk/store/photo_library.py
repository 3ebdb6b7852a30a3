"""The shared photo library's local side: photos known from a site's media library,
what each site and this desktop last agreed on (a merge's base), open caption conflicts.

Reached as `store.photos.library`. The network side is sync/library.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc
from ..domain.photo import CaptionState, Photo

if TYPE_CHECKING:
    from .db import Store
    from .photos import Photos

# What the newsroom shares about a photo through the site (keep_location and the
# caption state stay each desk's own).
SHARED_FIELDS: tuple[str, ...] = (
    "caption",
    "credit",
    "alt_text",
    "creator",
    "headline",
    "source",
    "copyright",
    "usage_terms",
    "rights_expiry",
    "embargo_until",
    "extended_description",
    "keywords",
)


def agreed_fields(stored: dict[str, Any]) -> dict[str, Any]:
    """A base as stored, with the fields added since it was written as empty (an embargo
    since schema 14): agreed on as none, so an upgrade sends no photo again."""
    return {name: [] if name == "keywords" else "" for name in SHARED_FIELDS} | stored


def shared_fields(photo: Photo) -> dict[str, Any]:
    return {
        name: list(photo.keywords) if name == "keywords" else getattr(photo, name)
        for name in SHARED_FIELDS
    }


@dataclass(frozen=True)
class LibraryRow:
    alt_text: str
    origin: str  # '' : imported on this desktop
    captioned_by: str
    file_here: bool


class PhotoLibrary:
    def __init__(self, store: Store, photos: Photos) -> None:
        self.store = store
        self.photos = photos
        self.conn = store.conn

    def add_remote(
        self,
        *,
        uuid: str,
        sha256: str,
        fields: dict[str, Any],
        width: int,
        height: int,
        origin: str,
        captioned_by: str,
    ) -> Photo:
        """A photo known from a site's library: its caption fields and a thumbnail, the
        full file not yet here (file_path '')."""
        photo = Photo(uuid=uuid, sha256=sha256, width=width, height=height)
        for name in SHARED_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(photo, name, [str(v) for v in value] if name == "keywords" else str(value))
        if photo.caption.strip():
            photo.caption_state = CaptionState.CAPTIONED.value
        photo.origin, photo.captioned_by = origin, captioned_by
        photo.imported_at = photo.updated_at = now_utc()
        with self.store.atomic():
            photo.check_codes = self.photos._stored_codes(photo)
            columns = [
                "uuid", "sha256", "file_path", "width", "height", "origin", "captioned_by",
                "caption_state", "imported_at", "updated_at", *SHARED_FIELDS,
            ]  # fmt: skip
            values = [getattr(photo, c) for c in columns]
            values = [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in values
            ]
            cur = self.conn.execute(
                f"INSERT INTO photos ({', '.join(columns)}, check_codes) "
                f"VALUES ({', '.join('?' * len(columns))}, ?)",
                [*values, " ".join(photo.check_codes)],
            )
            photo.id = int(cur.lastrowid or 0)
            self.photos._index(photo)
        return photo

    def set_file(
        self, photo_id: int, file_path: str, fmt: str, width: int, height: int, size: int
    ) -> None:
        """The full file arrived (downloaded from the site)."""
        self.conn.execute(
            "UPDATE photos SET file_path = ?, format = ?, width = ?, height = ?, file_size = ? "
            "WHERE id = ?",
            (file_path, fmt, width, height, size, photo_id),
        )

    def set_people(
        self, photo_id: int, *, origin: str | None = None, captioned_by: str | None = None
    ) -> None:
        if origin is not None:
            self.conn.execute("UPDATE photos SET origin = ? WHERE id = ?", (origin, photo_id))
        if captioned_by is not None:
            self.conn.execute(
                "UPDATE photos SET captioned_by = ? WHERE id = ?", (captioned_by, photo_id)
            )

    def people(self, ids: list[int]) -> dict[int, LibraryRow]:
        """Per photo: alt text, origin, captioner and whether the full file is here (the
        command line's list and the picker, besides the grid's rows)."""
        out: dict[int, LibraryRow] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            rows = self.conn.execute(
                "SELECT id, alt_text, origin, captioned_by, file_path != '' FROM photos "
                f"WHERE id IN ({','.join('?' * len(part))})",
                part,
            )
            for row in rows:
                out[int(row[0])] = LibraryRow(str(row[1]), str(row[2]), str(row[3]), bool(row[4]))
        return out

    # --- what a site and this desktop last agreed on -------------------------
    def base(self, site_id: int, photo_id: int) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT base FROM library_media WHERE site_id = ? AND photo_id = ?",
            (site_id, photo_id),
        ).fetchone()
        return agreed_fields(json.loads(row[0])) if row else None

    def save_base(self, site_id: int, photo_id: int, base: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO library_media (site_id, photo_id, base) VALUES (?, ?, ?) "
            "ON CONFLICT (site_id, photo_id) DO UPDATE SET base = excluded.base",
            (site_id, photo_id, json.dumps(base, ensure_ascii=False, sort_keys=True)),
        )

    def set_conflict(self, site_id: int, photo_id: int, theirs: dict[str, Any]) -> None:
        """The site's values of fields both sides changed ({} : none left)."""
        self.conn.execute(
            "INSERT INTO library_media (site_id, photo_id, conflict) VALUES (?, ?, ?) "
            "ON CONFLICT (site_id, photo_id) DO UPDATE SET conflict = excluded.conflict",
            (site_id, photo_id, json.dumps(theirs, ensure_ascii=False) if theirs else ""),
        )

    def conflict(self, site_id: int, photo_id: int) -> dict[str, Any]:
        row = self.conn.execute(
            "SELECT conflict FROM library_media WHERE site_id = ? AND photo_id = ?",
            (site_id, photo_id),
        ).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def conflicts(self) -> list[tuple[int, int, dict[str, Any]]]:
        """(site id, photo id, the site's values) of every open caption conflict."""
        rows = self.conn.execute(
            "SELECT site_id, photo_id, conflict FROM library_media WHERE conflict != '' "
            "ORDER BY photo_id"
        ).fetchall()
        return [(int(r[0]), int(r[1]), json.loads(r[2])) for r in rows]

    def on_sites(self, photo_id: int) -> list[int]:
        rows = self.conn.execute(
            "SELECT site_id FROM library_media WHERE photo_id = ? ORDER BY site_id", (photo_id,)
        )
        return [int(r[0]) for r in rows]

    # --- how far each site's media library was read ---------------------------
    def pulled_until(self, site_id: int) -> str:
        row = self.conn.execute(
            "SELECT pulled_until FROM library_pulls WHERE site_id = ?", (site_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    def set_pulled_until(self, site_id: int, modified_gmt: str) -> None:
        self.conn.execute(
            "INSERT INTO library_pulls (site_id, pulled_until) VALUES (?, ?) "
            "ON CONFLICT (site_id) DO UPDATE SET pulled_until = max(pulled_until, excluded.pulled_until)",
            (site_id, modified_gmt),
        )
