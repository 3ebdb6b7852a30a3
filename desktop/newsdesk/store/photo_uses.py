"""Photos in articles: lead, inline and gallery uses, per-use captions, the photo desk's queue.

An article uses a photo when its lead_photo_id points at it, when its body holds
`![alt](photo:<uuid>)`, or when an `article_photos` row says so (a per-use
caption or alt text). The caption readers see in one article is the per-use
caption when set, else the library caption: see `article_caption`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..domain.captions import Caption, CaptionProblem
from ..domain.checklist import config_for
from ..domain.photo import Photo, PhotoRole, PhotoUse, photo_refs
from .errors import NotFoundError

if TYPE_CHECKING:
    from .db import Store
    from .photos import Photos

GALLERY_SECTION = "In Pictures"
# Articles that no longer go anywhere need no photo checks.
CLOSED_STATUSES = ("spiked", "killed")
# Stories on their way out: one without a lead photo waits for the photo desk. A draft
# is still its reporter's work in progress (its failing photos are listed, not its lack).
AWAITING_PHOTO = ("submitted", "in_edit", "returned", "approved", "scheduled")
_PHOTO_LINK = re.compile(r"\(photo:([0-9A-Za-z-]+)\)")


@dataclass
class UsedPhoto:
    """One photo as one article uses it, with the caption readers see there."""

    photo: Photo
    use: PhotoUse
    caption: Caption
    problems: list[CaptionProblem] = field(default_factory=list)


@dataclass
class QueueEntry:
    article_id: int
    headline: str
    status: str
    edition: str
    failing: list[UsedPhoto]
    no_lead: bool = False  # its section wants a lead photo and it has none yet
    byline: str = ""
    on_site: bool = False  # synced with a site (written here or on another desk)

    def to_dict(self) -> dict[str, object]:
        """The command line's `photo queue --json` row."""
        return {
            "article_id": self.article_id,
            "headline": self.headline,
            "status": self.status,
            "edition": self.edition,
            "byline": self.byline,
            "on_site": self.on_site,
            "no_lead_photo": self.no_lead,
            "photos": [
                {
                    "photo_id": u.photo.id,
                    "uuid": u.photo.uuid,
                    "role": u.use.role,
                    "checks": [p.code for p in u.problems],
                    "problems": [p.message for p in u.problems],
                    "embargo_until": u.photo.embargo_until,
                }
                for u in self.failing
            ],
        }


class PhotoUses:
    def __init__(self, store: Store, photos: Photos) -> None:
        self.store = store
        self.photos = photos
        self.conn = store.conn

    def _stored(self, article_id: int) -> dict[tuple[int, str], PhotoUse]:
        rows = self.conn.execute(
            "SELECT * FROM article_photos WHERE article_id = ? ORDER BY role, position",
            (article_id,),
        )
        return {
            (r["photo_id"], r["role"]): PhotoUse(
                article_id=r["article_id"],
                photo_id=r["photo_id"],
                role=r["role"],
                position=r["position"],
                caption=r["caption"],
                alt_text=r["alt_text"],
                id=r["id"],
            )
            for r in rows
        }

    def for_article(self, article_id: int) -> list[UsedPhoto]:
        """Every photo the article uses: the lead first, then the body's in order."""
        row = self.conn.execute(
            "SELECT id, section, edition, body, lead_photo_id FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"No article with id {article_id}.")
        return self.for_content(
            article_id, row["body"], row["lead_photo_id"], row["section"], row["edition"]
        )

    def for_content(
        self,
        article_id: int | None,
        body: str,
        lead_photo_id: int | None,
        section: str = "",
        edition: str = "",
    ) -> list[UsedPhoto]:
        """The same for an article as the editor holds it now, saved or not."""
        stored = self._stored(article_id) if article_id is not None else {}
        body_role = PhotoRole.GALLERY if section == GALLERY_SECTION else PhotoRole.INLINE
        wanted: list[tuple[int, str, str | None]] = []  # photo id, role, alt in the body
        if lead_photo_id is not None:
            wanted.append((int(lead_photo_id), PhotoRole.LEAD.value, None))
        refs = photo_refs(body)
        by_uuid = self._ids_for_uuids([u for u, _ in refs])
        for uuid, alt in refs:
            if uuid in by_uuid:
                wanted.append((by_uuid[uuid], body_role.value, alt))
        for (photo_id, role), _ in stored.items():
            if not any(w[0] == photo_id and w[1] == role for w in wanted):
                wanted.append((photo_id, role, None))
        out: list[UsedPhoto] = []
        seen: set[tuple[int, str]] = set()
        for position, (photo_id, role, body_alt) in enumerate(wanted):
            if (photo_id, role) in seen:
                continue
            seen.add((photo_id, role))
            try:
                photo = self.photos.get(photo_id)
            except NotFoundError:
                continue  # a dangling lead_photo_id: nothing to caption
            use = stored.get((photo_id, role)) or PhotoUse(
                article_id or 0, photo_id, role, position
            )
            if use.alt_text is None and body_alt:
                use.alt_text = body_alt  # the body's ![alt] is this use's alt text
            out.append(UsedPhoto(photo, use, use.resolve(photo, edition)))
        return out

    def photo_ids_for_article(self, article_id: int) -> list[int]:
        try:
            return [u.photo.id for u in self.for_article(article_id) if u.photo.id is not None]
        except NotFoundError:
            return []

    def _ids_for_uuids(self, uuids: list[str]) -> dict[str, int]:
        if not uuids:
            return {}
        marks = ",".join("?" * len(uuids))
        rows = self.conn.execute(f"SELECT uuid, id FROM photos WHERE uuid IN ({marks})", uuids)
        return {r[0]: int(r[1]) for r in rows}

    def article_caption(self, article_id: int, photo_id: int, role: str | None = None) -> Caption:
        """The caption, credit and alt text of a photo as this article shows it.

        A per-use caption or alt text (set with `set_caption`) wins; otherwise the
        library's. The layout preview and the sync use this.
        """
        for used in self.for_article(article_id):
            if used.use.photo_id == photo_id and (role is None or used.use.role == role):
                return used.caption
        return self.photos.get(photo_id).caption_view()

    def set_caption(
        self,
        article_id: int,
        photo_id: int,
        *,
        caption: str | None,
        alt_text: str | None,
        role: str = PhotoRole.INLINE.value,
    ) -> None:
        """This article's own caption/alt text for the photo; None goes back to the library's.

        A change queues the article for a push: its post shows the caption too."""
        with self.store.atomic():
            before = self.conn.execute(
                "SELECT caption, alt_text FROM article_photos "
                "WHERE article_id = ? AND photo_id = ? AND role = ?",
                (article_id, photo_id, role),
            ).fetchone()
            self.conn.execute(
                "INSERT INTO article_photos (article_id, photo_id, role, position, caption, alt_text) "
                "VALUES (?, ?, ?, (SELECT count(*) FROM article_photos WHERE article_id = ?), ?, ?) "
                "ON CONFLICT (article_id, photo_id, role) DO UPDATE SET "
                "caption = excluded.caption, alt_text = excluded.alt_text",
                (article_id, photo_id, role, article_id, caption, alt_text),
            )
            if (tuple(before) if before else (None, None)) != (caption, alt_text):
                self.queue_push(article_id)

    def queue_push(self, article_id: int) -> None:
        """Queue a push of the article's current revision: its photos' captions changed,
        not its text."""
        self._queue_pushes({article_id})

    def queue_articles_using(self, photo_ids: Iterable[int]) -> None:
        """Library captions, credits or alt texts changed: every open article showing one
        of the photos goes out again (spiked and killed ones go nowhere)."""
        ids = sorted(set(photo_ids))
        if not ids:
            return
        closed = ",".join("?" * len(CLOSED_STATUSES))
        found: set[int] = set()
        uuids: set[str] = set()
        for start in range(0, len(ids), 400):
            chunk = ids[start : start + 400]
            marks = ",".join("?" * len(chunk))
            uuids.update(
                str(r[0])
                for r in self.conn.execute(f"SELECT uuid FROM photos WHERE id IN ({marks})", chunk)
            )
            found.update(
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT id FROM articles WHERE status NOT IN ({closed}) AND "
                    f"(lead_photo_id IN ({marks}) OR id IN "
                    f"(SELECT article_id FROM article_photos WHERE photo_id IN ({marks})))",
                    (*CLOSED_STATUSES, *chunk, *chunk),
                )
            )
        if len(uuids) == 1:
            rows = self.conn.execute(
                f"SELECT id FROM articles WHERE status NOT IN ({closed}) AND body LIKE ?",
                (*CLOSED_STATUSES, f"%(photo:{next(iter(uuids))})%"),
            )
            found.update(int(r[0]) for r in rows)
        else:
            # A batch caption: one pass over the bodies, not one scan per photo.
            rows = self.conn.execute(
                f"SELECT id, body FROM articles WHERE status NOT IN ({closed}) "
                "AND instr(body, '(photo:') > 0",
                CLOSED_STATUSES,
            )
            found.update(int(r[0]) for r in rows if not uuids.isdisjoint(_PHOTO_LINK.findall(r[1])))
        self._queue_pushes(found)

    def queue_articles_with_photos(self) -> None:
        """The house caption style changed: every open article on a site that shows a
        photo goes out again, so its figures and media items follow the new style."""
        closed = ",".join("?" * len(CLOSED_STATUSES))
        rows = self.conn.execute(
            f"SELECT id FROM articles WHERE status NOT IN ({closed}) "
            "AND (lead_photo_id IS NOT NULL OR instr(body, '(photo:') > 0)",
            CLOSED_STATUSES,
        )
        self._queue_pushes({int(r[0]) for r in rows})

    def _queue_pushes(self, article_ids: set[int]) -> None:
        """Articles that never go to a site (samples: never queued, never pushed) stay
        off the outbox."""
        if not article_ids:
            return
        synced = {
            int(r[0])
            for r in self.conn.execute(
                "SELECT article_id FROM outbox WHERE article_id IS NOT NULL "
                "UNION SELECT article_id FROM remote_posts"
            )
        }
        wanted = sorted(article_ids & synced)
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT id, revision FROM articles WHERE id IN ({marks})", chunk
            ).fetchall():
                self.store.outbox.enqueue_article(int(row[0]), int(row[1] or 0))

    def set_lead(self, article_id: int, photo_id: int | None, *, author: str = "") -> int:
        """Make a photo the article's lead image (None clears it); saved as a revision."""
        if photo_id is not None:
            self.photos.get(photo_id)  # raises NotFoundError with a clear message
        article = self.store.articles.get(article_id)
        article.lead_photo_id = photo_id
        return self.store.articles.save(article, author=author, reason="lead photo")

    def articles_using(self, photo_id: int) -> list[dict[str, object]]:
        """The articles that use a photo (lead, body or per-use row)."""
        photo = self.photos.get(photo_id)
        rows = self.conn.execute(
            "SELECT id, headline, status FROM articles WHERE lead_photo_id = ? OR body LIKE ? "
            "OR id IN (SELECT article_id FROM article_photos WHERE photo_id = ?) "
            "ORDER BY updated_at DESC",
            (photo_id, f"%photo:{photo.uuid}%", photo_id),
        )
        return [dict(r) for r in rows]

    def queue(self, *, today: date | None = None, spelling: bool = True) -> list[QueueEntry]:
        """The photo desk's queue: open articles whose photos still fail a check (an
        embargo included), and submitted stories on their way out whose section wants a
        lead photo and that have none. Pulled stories count as one's own: the queue spans
        the desks whose stories this one syncs."""
        marks = ",".join("?" * len(CLOSED_STATUSES))
        waiting = ",".join("?" * len(AWAITING_PHOTO))
        rows = self.conn.execute(
            "SELECT id, headline, status, edition, section, byline, lead_photo_id, "
            "id IN (SELECT article_id FROM remote_posts) AS on_site FROM articles "
            f"WHERE status NOT IN ({marks}) AND ("
            "lead_photo_id IS NOT NULL OR body LIKE '%](photo:%' "
            " OR id IN (SELECT article_id FROM article_photos) "
            f" OR status IN ({waiting})) ORDER BY updated_at DESC, id DESC",
            (*CLOSED_STATUSES, *AWAITING_PHOTO),
        ).fetchall()
        entries = []
        for row in rows:
            failing = []
            for used in self.for_article(row["id"]):
                used.problems = self.photos.check_caption(
                    used.caption, today=today, spelling=spelling
                )
                if used.problems:
                    failing.append(used)
            no_lead = (
                row["lead_photo_id"] is None
                and row["status"] in AWAITING_PHOTO
                and config_for(row["section"]).needs_lead_photo
            )
            if failing or no_lead:
                entries.append(
                    QueueEntry(
                        row["id"],
                        row["headline"],
                        row["status"],
                        row["edition"],
                        failing,
                        no_lead=no_lead,
                        byline=row["byline"],
                        on_site=bool(row["on_site"]),
                    )  # fmt: skip
                )
        return entries
