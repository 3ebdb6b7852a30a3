"""What a sync brings from a site into the newsroom, as operations.

The sync decides (merge, conflict, which photo, whose claim); these write its
decision in the caller's transaction and return `Changes`, which the engine
gathers into the report the window announces. The sync's own bookkeeping (what
each post looked like, the outbox, the log) is not the newsroom and stays in
sync/.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .articles import _QUEUED, Saved
from .changes import Changes

if TYPE_CHECKING:
    from ..domain.article import Article
    from ..domain.photo import Photo
    from ..photos.importer import PreparedPhoto
    from ..store import Store
    from ..store.workflow import Claim


def save_from_site(store: Store, article: Article, *, reason: str, queue: bool) -> Saved:
    """The article as the sync settled it, a new revision (`queue`: whether the new
    revision still has to go out; a server version adopted as is does not)."""
    assert article.id is not None
    with store.atomic():
        before = store.articles.status_of(article.id)
        number = store.articles.save(article, reason=reason, queue=queue)
    moved = before != article.status and bool({before, article.status} & _QUEUED)
    return Saved(article, number, Changes.of_articles(article.id, queue=moved))


def add_photo_from_site(
    store: Store, prepared: PreparedPhoto, *, uuid: str
) -> tuple[Photo, Changes]:
    """A photo that came from a site (with a story, or from its library), keeping the
    uuid the other desks know it by."""
    with store.atomic():
        photo, _ = store.photos.add_prepared(prepared, uuid=uuid)
    assert photo.id is not None
    return photo, Changes(photos=frozenset({photo.id}))


def take_photo_fields(
    store: Store, photo_id: int, fields: dict[str, Any], *, captioned_by: str
) -> Changes:
    """Caption, credit or alt text another desk gave a library photo; the stories
    showing it are named so their checks and previews follow."""
    with store.atomic():
        store.photos.update_many({photo_id: fields}, queue=False)
        store.photos.library.set_people(photo_id, captioned_by=captioned_by)
        using = frozenset(int(str(a["id"])) for a in store.photos.uses.articles_using(photo_id))
    return Changes(articles=using, photos=frozenset({photo_id}))


def set_photo_people(
    store: Store, photo_id: int, *, origin: str | None = None, captioned_by: str | None = None
) -> Changes:
    """Which desk or site a library photo came from, and who captioned it last."""
    with store.atomic():
        store.photos.library.set_people(photo_id, origin=origin, captioned_by=captioned_by)
    return Changes(photos=frozenset({photo_id}))


def add_library_photo(
    store: Store,
    *,
    uuid: str,
    sha256: str,
    fields: dict[str, Any],
    width: int,
    height: int,
    origin: str,
    captioned_by: str,
) -> tuple[Photo, Changes]:
    """A photo of a site's library new here: its thumbnail and caption fields (the full
    file comes on demand)."""
    with store.atomic():
        photo = store.photos.library.add_remote(
            uuid=uuid, sha256=sha256, fields=fields, width=width, height=height,
            origin=origin, captioned_by=captioned_by,
        )  # fmt: skip
    assert photo.id is not None
    return photo, Changes(photos=frozenset({photo.id}))


def set_photo_file(
    store: Store, photo_id: int, relative: str, kind: str, width: int, height: int, size: int
) -> Changes:
    """A library photo's full file has arrived (it was a thumbnail until now)."""
    with store.atomic():
        store.photos.library.set_file(photo_id, relative, kind, width, height, size)
    return Changes(photos=frozenset({photo_id}))


def set_site_claims(store: Store, claims: dict[int, Claim | None]) -> Changes:
    """Claims exactly as the site holds them (shared claims are the site's to decide,
    so no rule is checked): article id -> claim, or None for none."""
    if not claims:
        return Changes()  # an idle sync takes no write lock
    with store.atomic():
        for article_id, claim in claims.items():
            store.workflow.set_claim(article_id, claim)
    return Changes(articles=frozenset(claims), queue=bool(claims))
