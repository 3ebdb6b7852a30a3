"""The photo library: photos, their caption checks, full-text search over captions.

Per-article uses (lead, inline, gallery; per-use captions) and the photo desk's
queue live in photo_uses.py, reached as `store.photos.uses`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.article import now_utc
from ..domain.captions import (
    Caption,
    CaptionProblem,
    CaptionStyle,
    caption_style,
    check_caption,
    problem_codes,
)
from ..domain.embargo import normalise_embargo, now_stamp
from ..domain.photo import EDITABLE_FIELDS, CaptionState, Photo, thumbnail_relpath
from ..spelling import SpellChecker
from .errors import NotFoundError, StoreError
from .search import fts_query

if TYPE_CHECKING:
    from ..photos.importer import PreparedPhoto
    from .db import Store

# Columns the grid shows: one short row per photo, so 10,000 load in a few ms.
GRID_COLUMNS = (
    "id, uuid, sha256, original_name, caption, credit, caption_state, check_codes, "
    "rights_expiry, date_created, width, height, imported_at, origin, captioned_by, file_path, "
    "embargo_until"
)
# What a post on a site shows of a photo (figcaption, alt, media item): a change re-queues.
# keep_location changes the file a site receives: the media item is replaced.
SHOWN_ON_SITE = ("caption", "credit", "alt_text", "extended_description", "keep_location")
# Checks stored with the row; rights expiry and embargo depend on the time, so they are
# added on reading.
STORED_CHECKS_EXCLUDE = {"rights_expired", "embargoed"}

_checkers: dict[str, SpellChecker] = {}
_checkers_lock = threading.Lock()


def spell_checker_for(store: Store) -> SpellChecker:
    """One checker per store folder and process, with that store's house words."""
    key = str(store.folder)
    with _checkers_lock:
        checker = _checkers.get(key)
        if checker is None:
            checker = SpellChecker(house_words=store.house.words())
            _checkers[key] = checker
        return checker


@dataclass
class PhotoFilter:
    """What the grid shows. Empty fields filter nothing."""

    text: str = ""  # full-text search over captions, credits, keywords, alt text
    state: str = ""  # a CaptionState, or "failing" / "passing"
    credit: str = ""  # substring, any case
    date_from: str = ""  # ISO dates, on date_created (import date when there is none)
    date_to: str = ""
    article_id: int | None = None
    check: str = ""  # one check code, e.g. "missing_alt"
    ids: tuple[int, ...] | None = None  # only these photos (rows to add after an import)


class Photos:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        from .photo_uses import PhotoUses

        self.uses = PhotoUses(store, self)
        from .photo_library import PhotoLibrary

        self.library = PhotoLibrary(store, self)
        # A window sets this so a save never waits seconds for a dictionary to load:
        # until spell.ready(), saves skip the spelling check and remember the photo.
        self.defer_spelling = False
        self.spelling_pending: set[int] = set()
        # A style this process checks in instead of the house style (a command's
        # --caption-style); None follows the store's house setting.
        self._style_override: CaptionStyle | None = None

    # --- files -------------------------------------------------------------
    def original_path(self, photo: Photo) -> Path:
        return self.store.media_dir / photo.file_path

    def thumbnail_path(self, photo_or_sha: Photo | str) -> Path:
        sha = photo_or_sha if isinstance(photo_or_sha, str) else photo_or_sha.sha256
        return self.store.media_dir / thumbnail_relpath(sha)

    @property
    def spell(self) -> SpellChecker:
        return spell_checker_for(self.store)

    @property
    def caption_style(self) -> CaptionStyle:
        """The style the credit check (and the sync's captions) follow: the house setting,
        unless this process was told another (a command's --caption-style)."""
        return self._style_override or self.store.house.caption_style

    @caption_style.setter
    def caption_style(self, style: CaptionStyle) -> None:
        self._style_override = None if style == self.store.house.caption_style else style

    # --- reading -----------------------------------------------------------
    def get(self, photo_id: int) -> Photo:
        row = self.conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"No photo with id {photo_id}.")
        return _from_row(row)

    def get_by_uuid(self, uuid: str) -> Photo:
        """The photo a body reference `photo:<uuid>` points to; its file is original_path()."""
        row = self.conn.execute("SELECT * FROM photos WHERE uuid = ?", (uuid,)).fetchone()
        if row is None:
            raise NotFoundError(f"No photo with uuid {uuid}.")
        return _from_row(row)

    def resolve(self, ref: str) -> Photo:
        """A photo by id (digits) or uuid, as the command line takes them."""
        return self.get(int(ref)) if ref.isdigit() else self.get_by_uuid(ref)

    def find_by_sha(self, sha256: str) -> Photo | None:
        row = self.conn.execute("SELECT * FROM photos WHERE sha256 = ?", (sha256,)).fetchone()
        return _from_row(row) if row else None

    def count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM photos").fetchone()[0])

    def grid_rows(
        self, flt: PhotoFilter | None = None, *, today: date | None = None
    ) -> list[tuple]:
        """The grid's rows (GRID_COLUMNS, check codes as a tuple), newest import first."""
        flt = flt or PhotoFilter()
        where, params = self._where(flt, today)
        match = fts_query(flt.text)
        if match:
            sql = (
                f"SELECT {_prefixed('p')} FROM photos_fts JOIN photos p ON p.id = photos_fts.rowid "
                f"WHERE photos_fts MATCH ? {where.replace('WHERE', 'AND', 1)} ORDER BY photos_fts.rank"
            )
            params = [match, *params]
        else:
            sql = f"SELECT {_prefixed('p')} FROM photos p {where} ORDER BY p.imported_at DESC, p.id DESC"
        stamp = (today or date.today()).isoformat()
        moment = now_stamp()
        out = []
        for row in self.conn.execute(sql, params):
            codes = tuple(row[7].split()) if row[7] else ()
            if row[8] and row[8][:10] < stamp:
                codes = (*codes, "rights_expired")
            if row[16] and row[16] > moment:
                codes = (*codes, "embargoed")
            out.append((*tuple(row)[:7], codes, *tuple(row)[8:]))
        return out

    def _where(self, flt: PhotoFilter, today: date | None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        stamp = (today or date.today()).isoformat()
        failing = (
            "(p.check_codes != '' OR (p.rights_expiry != '' AND substr(p.rights_expiry, 1, 10) < ?)"
            " OR p.embargo_until > ?)"
        )
        if flt.state == "failing":
            clauses.append(failing)
            params.extend((stamp, now_stamp()))
        elif flt.state == "passing":
            clauses.append(f"NOT {failing}")
            params.extend((stamp, now_stamp()))
        elif flt.state:
            clauses.append("p.caption_state = ?")
            params.append(flt.state)
        if flt.check == "rights_expired":
            clauses.append("p.rights_expiry != '' AND substr(p.rights_expiry, 1, 10) < ?")
            params.append(stamp)
        elif flt.check == "embargoed":
            clauses.append("p.embargo_until > ?")
            params.append(now_stamp())
        elif flt.check:
            clauses.append("(' ' || p.check_codes || ' ') LIKE ?")
            params.append(f"% {flt.check} %")
        if flt.credit.strip():
            clauses.append("p.credit LIKE ?")
            params.append(f"%{flt.credit.strip()}%")
        day = "COALESCE(NULLIF(substr(p.date_created, 1, 10), ''), substr(p.imported_at, 1, 10))"
        if flt.date_from:
            clauses.append(f"{day} >= ?")
            params.append(flt.date_from[:10])
        if flt.date_to:
            clauses.append(f"{day} <= ?")
            params.append(flt.date_to[:10])
        if flt.ids is not None:
            clauses.append(f"p.id IN ({','.join('?' * len(flt.ids)) or 'NULL'})")
            params.extend(flt.ids)
        if flt.article_id is not None:
            ids = self.uses.photo_ids_for_article(flt.article_id)
            clauses.append(f"p.id IN ({','.join('?' * len(ids)) or 'NULL'})")
            params.extend(ids)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def credits(self) -> list[str]:
        """Distinct credits, most used first: the filter's and the edit panel's choices."""
        rows = self.conn.execute(
            "SELECT credit FROM photos WHERE credit != '' GROUP BY credit ORDER BY count(*) DESC, credit"
        )
        return [r[0] for r in rows]

    # --- checks --------------------------------------------------------------
    def check(
        self, photo: Photo, *, today: date | None = None, spelling: bool = True
    ) -> list[CaptionProblem]:
        return self.check_caption(photo.caption_view(), today=today, spelling=spelling)

    def check_caption(
        self, caption: Caption, *, today: date | None = None, spelling: bool = True
    ) -> list[CaptionProblem]:
        return check_caption(
            caption,
            today=today,
            spell=self.spell.misspelt if spelling else None,
            style=self.caption_style,
        )

    def set_caption_style(self, style: str) -> int:
        """Follow a house style (ValueError for an unknown one); the stored checks follow it.

        Every photo's checks are recomputed except spelling, which the style does not
        change (kept as stored), so 10,000 photos take about a tenth of a second.
        Returns how many photos' checks changed.
        """
        self.caption_style = caption_style(style)
        changed = 0
        rows = self.conn.execute(
            "SELECT id, caption, credit, alt_text, rights_expiry, check_codes FROM photos"
        ).fetchall()
        with self.store.atomic():
            for photo_id, text, credit, alt_text, rights_expiry, stored in rows:
                caption = Caption(text, credit, alt_text, rights_expiry)
                problems = self.check_caption(caption, spelling=False)
                codes = [c for c in problem_codes(problems) if c not in STORED_CHECKS_EXCLUDE]
                if "misspelling" in stored.split():
                    codes.append("misspelling")  # the last stored check, as check_caption orders
                if " ".join(codes) != stored:
                    self.conn.execute(
                        "UPDATE photos SET check_codes = ? WHERE id = ?",
                        (" ".join(codes), photo_id),
                    )
                    changed += 1
        return changed

    # --- writing -------------------------------------------------------------
    def add_prepared(self, prepared: PreparedPhoto, *, uuid: str = "") -> tuple[Photo, bool]:
        """Add an imported file's row; (existing photo, False) when its bytes are already here.

        `uuid`: the one another desk gave the photo (it came with a pulled story, whose
        body names it), instead of a new one."""
        existing = self.find_by_sha(prepared.sha256)
        if existing is not None:
            return existing, False
        photo = Photo(
            sha256=prepared.sha256,
            file_path=prepared.file_path,
            original_name=prepared.original_name,
            format=prepared.format,
            width=prepared.width,
            height=prepared.height,
            file_size=prepared.file_size,
            import_notes="\n".join(prepared.notes),
        )
        for name, value in prepared.fields.items():
            if name in EDITABLE_FIELDS and name not in ("caption_state", "keep_location"):
                setattr(photo, name, list(value) if name == "keywords" else str(value))
        if photo.caption.strip():
            photo.caption_state = CaptionState.CAPTIONED.value
        if uuid:
            photo.uuid = uuid
        photo.imported_at = photo.updated_at = now_utc()
        with self.store.atomic():
            photo.check_codes = self._stored_codes(photo)
            columns = ["uuid", *_COLUMNS]
            values = [getattr(photo, c) for c in columns]
            values = [
                json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in values
            ]
            columns.append("check_codes")
            values.append(" ".join(photo.check_codes))
            try:
                cur = self.conn.execute(
                    f"INSERT INTO photos ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    values,
                )
            except sqlite3.IntegrityError:  # another connection added the same bytes meanwhile
                found = self.find_by_sha(prepared.sha256)
                if found is None:
                    raise
                return found, False
            photo.id = int(cur.lastrowid or 0)
            if self.defer_spelling and not self.spell.ready():
                self.spelling_pending.add(photo.id)
            self._index(photo)
        return photo, True

    def update(self, photo_id: int, **changes: Any) -> Photo:
        """Change editable fields of one photo; checks and search follow."""
        return self.update_many({photo_id: changes})[0]

    def update_many(self, changes: dict[int, dict[str, Any]], *, queue: bool = True) -> list[Photo]:
        """Change many photos in one transaction (a batch caption is all or nothing).

        `queue` False: the change came from the site's library, where the desk that made
        it pushes the posts showing the photo; this desk does not push them again."""
        out: list[Photo] = []
        reshown: list[int] = []  # photos whose caption, credit or alt text the sites print
        with self.store.atomic():
            for photo_id, fields in changes.items():
                photo = self.get(photo_id)
                shown = {name: getattr(photo, name) for name in SHOWN_ON_SITE}
                for name, value in fields.items():
                    if name not in EDITABLE_FIELDS:
                        raise StoreError(f"{name} is not a photo field one can edit.")
                    if name == "keywords":
                        value = [str(v) for v in (value or [])]
                    elif name == "keep_location":
                        value = _flag(name, value)
                    elif name == "caption_state" and value not in {s.value for s in CaptionState}:
                        raise StoreError(
                            f"caption_state: {value!r} is not one of uncaptioned, captioned, approved."
                        )
                    elif name == "embargo_until":
                        try:
                            value = normalise_embargo(None if value is None else str(value))
                        except ValueError as exc:
                            raise StoreError(f"embargo_until: {exc}") from None
                    else:
                        value = "" if value is None else str(value)
                    setattr(photo, name, value)
                if (
                    "caption_state" not in fields
                    and photo.caption_state == CaptionState.UNCAPTIONED
                    and photo.caption.strip()
                ):
                    photo.caption_state = CaptionState.CAPTIONED.value
                photo.updated_at = now_utc()
                photo.check_codes = self._stored_codes(photo)
                sets = ", ".join(
                    f"{c} = ?" for c in (*EDITABLE_FIELDS, "check_codes", "updated_at")
                )
                values = [
                    getattr(photo, c) for c in (*EDITABLE_FIELDS, "check_codes", "updated_at")
                ]
                values = [
                    json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for v in values
                ]
                values[-2] = " ".join(photo.check_codes)
                self.conn.execute(f"UPDATE photos SET {sets} WHERE id = ?", [*values, photo_id])
                self._index(photo)
                if any(getattr(photo, name) != shown[name] for name in shown):
                    reshown.append(photo_id)
                out.append(photo)
            # The posts showing these photos print their captions: they go out again.
            if queue:
                self.uses.queue_articles_using(reshown)
        return out

    def recheck_all(self, ids: list[int] | None = None) -> int:
        """Recompute stored checks (all, or of `ids`) after the word list or dictionaries changed.

        Returns how many photos' checks changed.
        """
        changed = 0
        sql, params = "SELECT * FROM photos", []
        if ids is not None:
            sql += f" WHERE id IN ({','.join('?' * len(ids)) or 'NULL'})"
            params = list(ids)
        with self.store.atomic():
            for row in self.conn.execute(sql, params).fetchall():
                photo = _from_row(row)
                codes = self._stored_codes(photo)
                if codes != photo.check_codes:
                    self.conn.execute(
                        "UPDATE photos SET check_codes = ? WHERE id = ?",
                        (" ".join(codes), photo.id),
                    )
                    changed += 1
        return changed

    def delete(self, photo_id: int) -> None:
        """Forget a photo (its uses go too); the original file stays in the media folder."""
        with self.store.atomic():
            self.conn.execute("DELETE FROM photos_fts WHERE rowid = ?", (photo_id,))
            self.conn.execute(
                "UPDATE articles SET lead_photo_id = NULL WHERE lead_photo_id = ?", (photo_id,)
            )
            self.conn.execute("DELETE FROM photos WHERE id = ?", (photo_id,))

    def _stored_codes(self, photo: Photo) -> list[str]:
        spelling = not self.defer_spelling or self.spell.ready()
        if not spelling and photo.id is not None:
            self.spelling_pending.add(photo.id)
        problems = self.check(photo, spelling=spelling)
        return [c for c in problem_codes(problems) if c not in STORED_CHECKS_EXCLUDE]

    def _index(self, photo: Photo) -> None:
        self.conn.execute("DELETE FROM photos_fts WHERE rowid = ?", (photo.id,))
        self.conn.execute(
            "INSERT INTO photos_fts (rowid, caption, headline, credit, creator, keywords, alt_text, place) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                photo.id,
                photo.caption,
                photo.headline,
                photo.credit,
                photo.creator,
                " ".join(photo.keywords),
                photo.alt_text,
                " ".join(filter(None, (photo.city, photo.country, photo.event))),
            ),
        )


_COLUMNS = (
    *(f for f in EDITABLE_FIELDS),
    "sha256",
    "file_path",
    "original_name",
    "format",
    "width",
    "height",
    "file_size",
    "import_notes",
    "imported_at",
    "updated_at",
)


def _prefixed(alias: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in GRID_COLUMNS.split(","))


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    raise StoreError(f"{name}: {value!r} is not on or off (true or false).")


def _from_row(row: sqlite3.Row) -> Photo:
    keys = row.keys()
    photo = Photo(**{k: row[k] for k in keys if k not in ("keywords", "check_codes", "id")})
    photo.id = int(row["id"])
    photo.keep_location = bool(photo.keep_location)
    photo.keywords = json.loads(row["keywords"] or "[]")
    photo.check_codes = row["check_codes"].split() if row["check_codes"] else []
    return photo
