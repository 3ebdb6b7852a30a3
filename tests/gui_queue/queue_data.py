"""A realistic small newsroom for the queue and ticker tests (and their screenshots)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image

from newsdesk.domain.article import Article, Source
from newsdesk.ops.workflow import transition as move
from newsdesk.photos.importer import prepare_file
from newsdesk.store import Store

BODY = (
    "The crossing reopened on Friday morning after a three-day closure, officials said. "
    "Trucks carrying flour, medicine and fuel queued from before dawn. "
) * 12


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def add_photo(store: Store, folder: Path, name: str, colour: str, **fields):  # type: ignore[no-untyped-def]
    path = folder / f"{name}.jpg"
    Image.new("RGB", (320, 200), colour).save(path)
    photo, _ = store.photos.add_prepared(prepare_file(str(path), str(store.media_dir)))
    return store.photos.update(photo.id, **fields)


def story(store: Store, **fields) -> Article:  # type: ignore[no-untyped-def]
    base = dict(
        standfirst="Negotiators returned to the table on Monday after a week of strikes.",
        body=BODY,
        section="News",
        subsection="Politics",
        tags=["Diplomacy"],
        byline="Amal Saeed",
        sources=[Source("Reuters", kind="news agency", attribution=True)],
    )
    base.update(fields)
    return store.articles.create(Article(**base), author=str(base["byline"]))


def seed(store: Store, folder: Path) -> dict[str, int]:
    """Queued stories of every kind; returns their ids by nickname."""
    now = datetime.now(UTC)
    ids: dict[str, int] = {}

    def queued(name: str, waited: timedelta, lead_photo=None, **fields) -> int:  # type: ignore[no-untyped-def]
        article = story(store, **fields)
        if lead_photo is not None:
            store.photos.uses.set_lead(article.id, lead_photo.id, author=article.byline)
        move(store, article.id, "submit", actor=article.byline, role="reporter")
        store.conn.execute(
            "UPDATE articles SET updated_at = ? WHERE id = ?", (_stamp(now - waited), article.id)
        )
        ids[name] = int(article.id or 0)
        return ids[name]

    lead = add_photo(
        store,
        folder,
        "crossing",
        "#8a6d3b",
        caption="Aid trucks wait at the Rafah crossing on Friday. (AP)",
        credit="AP",
        alt_text="A line of aid trucks at a border gate",
    )
    queued(
        "ready",
        timedelta(hours=3, minutes=5),
        headline="Aid trucks cross into Gaza as crossing reopens",
        subsection="",
        regions=["Palestine"],
        tags=["Gaza", "Humanitarian Aid"],
        byline="Rana Khalil",
        lead_photo=lead,
    )
    queued(
        "breaking",
        timedelta(minutes=12),
        headline="Israeli media: Cabinet to meet tonight on ceasefire proposal",
        section="Live",
        subsection="",
        priority=1,
        byline="Live Desk",
        standfirst="The security cabinet convenes at 20:00 local time.",
        tags=["Israel"],
    )
    queued(
        "no_tags",
        timedelta(hours=1, minutes=40),
        headline="Port talks resume in Doha after week-long strike",
        tags=[],
    )
    queued(
        "embargoed",
        timedelta(minutes=50),
        headline="Central bank holds rates for third month",
        subsection="Economy",
        byline="Jon Berg",
        embargo_at=_stamp(now + timedelta(hours=2, minutes=10, seconds=30)),
        tags=["Economy", "Egypt"],
        lead_photo=lead,
    )
    queued(
        "arabic",
        timedelta(hours=5),
        headline="أزمة المياه تتفاقم في جنوب العراق مع اشتداد الحر",
        edition="ar",
        subsection="Environment",
        byline="Layla Hassan",
        standfirst="يقول مزارعون إن منسوب النهر هو الأدنى منذ عقود.",
        tags=["العراق"],
    )
    queued(
        "spanish",
        timedelta(hours=26),
        headline="Elecciones en Chile: la oposición lidera los sondeos",
        edition="es",
        byline="Rosa Díaz",
        standfirst="La segunda vuelta se celebra el domingo.",
        tags=["Chile"],
    )
    opinion = queued(
        "claimed",
        timedelta(hours=2, minutes=20),
        headline="The night desk: how a rumour became a headline",
        section="Articles",
        subsection="Opinion",
        byline="Omar Farouk",
        sources=[],
        tags=["Media"],
    )
    move(store, opinion, "start edit", actor="Sam Okafor", role="editor")
    store.conn.execute(
        "UPDATE claims SET claimed_at = ? WHERE article_id = ?",
        (_stamp(now - timedelta(hours=3)), opinion),
    )
    store.conn.execute(
        "UPDATE articles SET updated_at = ? WHERE id = ?",
        (_stamp(now - timedelta(hours=2, minutes=20)), opinion),
    )
    store.workflow.add_note(opinion, "Sam Okafor", "Can we name the outlet that ran it first?")
    return ids
