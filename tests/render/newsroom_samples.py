"""A small newsroom for preview tests: real photo files in a real store, three editions.

The photos are drawn with Pillow (a coast at dusk, a market, hills) so the
screenshots show real images through the real import path; the articles were
written for these tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from newsdesk.domain.article import Article, Source
from newsdesk.render.markdown import PhotoRef

PALETTES = {
    "dusk": [(30, 42, 84), (214, 120, 88), (247, 196, 120), (40, 60, 90), (20, 30, 50)],
    "noon": [(90, 150, 210), (170, 210, 240), (240, 240, 225), (120, 140, 90), (70, 90, 60)],
    "dawn": [(60, 70, 120), (150, 140, 190), (250, 210, 170), (90, 110, 80), (50, 70, 50)],
    "sand": [(120, 160, 200), (220, 200, 160), (250, 235, 200), (180, 140, 90), (120, 90, 60)],
}


def draw_photo(
    path: Path, seed: int, palette: str = "dusk", size: tuple[int, int] = (1600, 900)
) -> Path:
    """A landscape 'photo': graded sky, sun, layered hills, a town skyline, grain."""
    rng = random.Random(seed)
    top, mid, glow, land, near = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size)
    pixels = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.68))
    for y in range(height):
        t = min(1.0, y / horizon)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, mid, strict=True))
        pixels.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y, radius = (
        rng.randint(width // 5, 4 * width // 5),
        horizon - rng.randint(60, 200),
        70,
    )
    pixels.ellipse([sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius], fill=glow)
    for layer, base in enumerate((land, near)):
        points = [(0, height)]
        y0 = horizon + layer * 90
        for x in range(0, width + 80, 80):
            points.append((x, y0 - rng.randint(0, 70 - layer * 20)))
        points.append((width, height))
        pixels.polygon(points, fill=base)
    for _ in range(28):  # a skyline on the far hill
        bx = rng.randint(0, width)
        bw, bh = rng.randint(20, 60), rng.randint(30, 140)
        shade = tuple(max(0, c - 25) for c in land)
        pixels.rectangle([bx, horizon - bh + 40, bx + bw, horizon + 40], fill=shade)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    noise = Image.effect_noise(size, 18).convert("RGB")
    image = Image.blend(image, noise, 0.06)
    image.save(path, quality=88)
    return path


def resolver_for(files: dict[str, Path], captions: dict[str, tuple[str, str]] | None = None):  # type: ignore[no-untyped-def]
    """A photo resolver over real files, as the preview builds one (src = newsdesk:)."""
    captions = captions or {}

    def resolve(uuid: str) -> PhotoRef | None:
        path = files.get(uuid)
        if path is None:
            return None
        with Image.open(path) as im:
            width, height = im.size
        caption, credit = captions.get(uuid, ("", ""))
        return PhotoRef(uuid, f"newsdesk://photo/{uuid}", caption, credit, "", width, height)

    return resolve


EN_BODY = """Negotiators for the port operator and the dockworkers' union resumed talks on Monday, a week after a walkout left tankers waiting offshore and drivers queuing for hours at petrol stations along the coast.

The union is asking for a new shift pattern and back pay for overtime worked during the summer. The operator says it can meet part of the demand if cargo volumes recover before the end of the year, but has rejected the union's proposal for a shorter working week.

"We are closer than we were a week ago, but nobody should expect a deal tonight," said a negotiator close to the talks, who asked not to be named because the discussions were private.

## Queues in three cities

In the old town, taxi drivers said they had waited more than four hours to fill up. "I lost a whole day's work," one driver said, standing beside a line of cars that reached the seafront.

{inline}

Officials say reserves are sufficient for ten days at current consumption, but warned that panic buying could shorten that. The energy ministry has asked stations to limit each sale to 30 litres and has opened two depots to supply hospitals and bakeries first.

Shipping agents said six tankers were anchored outside the harbour on Monday, and that insurers had begun to raise the cost of waiting. One agent said a cargo of diesel had been diverted to a neighbouring port.

> The port handles most of the country's fuel imports, and there is no quick alternative route.

## What the union wants

The dockworkers' union represents about 2,400 workers. Its leaders say rotating night shifts introduced in March have led to exhaustion and two serious accidents, and that overtime promised in July has not been paid.

The operator, a joint venture between the port authority and a private logistics group, says the new shifts were needed to clear a backlog after the pandemic and that it has already paid part of the overtime owed.

The talks are expected to continue on Tuesday, with a mediator from the labour ministry joining for the first time.
"""

AR_BODY = """استأنفت الوفود المشاركة اجتماعاتها يوم الأحد، في محاولة للتوصل إلى اتفاق بشأن تقاسم مياه النهر، بعد أشهر من توقف المحادثات.

وقال مسؤول مشارك في المفاوضات إن الأطراف "تقترب من صيغة مقبولة"، لكنه حذّر من أن المسائل الفنية ما زالت عالقة؛ ومنها جدول ملء الخزانات في سنوات الجفاف.

## منسوب منخفض

تشير بيانات الرصد إلى أن منسوب المياه في السدود الرئيسية هو الأدنى منذ عشر سنوات، ما دفع المزارعين إلى تقليص المساحات المزروعة هذا الموسم.

{inline}

ويقول خبراء إن أي اتفاق يجب أن يتضمن آلية واضحة لتبادل البيانات، وهو ما يُعرف بالإنجليزية باسم data sharing mechanism.

The delegations did not comment on the timetable after the session.

ومن المقرر أن تُعقد الجولة المقبلة من المحادثات خلال أسبوعين، بحضور ممثلين عن المنظمات الدولية المعنية بالمياه.
"""

ES_BODY = """Los colegios electorales abrieron a las ocho de la mañana sin incidentes destacables, y a media tarde la participación ya superaba la registrada en la primera vuelta.

Observadores internacionales señalaron que la jornada transcurría con normalidad, aunque pidieron «paciencia» hasta la publicación de los resultados oficiales.

## Colas desde temprano

En varios barrios de la capital, los votantes hacían fila antes de la apertura. «Vine temprano porque quiero que mi voto cuente», dijo una maestra jubilada.

{inline}

Los dos candidatos votaron antes del mediodía y llamaron a sus seguidores a esperar los datos oficiales. El organismo electoral prevé publicar los primeros resultados preliminares antes de la medianoche.

En las zonas rurales, las autoridades reforzaron el transporte gratuito para que los votantes pudieran llegar a los puestos de votación más alejados.
"""


@dataclass
class Newsroom:
    articles: dict[str, Article] = field(default_factory=dict)
    photo_files: list[Path] = field(default_factory=list)


def _photo(store, path: Path, caption: str, credit: str, alt: str):  # type: ignore[no-untyped-def]
    from newsdesk.photos.importer import import_files

    report = import_files(store, [path], workers=1)
    photo = (report.added or report.duplicates)[0]
    return store.photos.update(photo.id, caption=caption, credit=credit, alt_text=alt)


def build_newsroom(store, folder: Path) -> Newsroom:  # type: ignore[no-untyped-def]
    """Articles in three editions with lead and inline photos, and related stories."""
    folder.mkdir(parents=True, exist_ok=True)
    room = Newsroom()

    def photo(name: str, seed: int, palette: str, caption: str, credit: str, alt: str):  # type: ignore[no-untyped-def]
        path = draw_photo(folder / f"{name}.jpg", seed, palette)
        room.photo_files.append(path)
        return _photo(store, path, caption, credit, alt)

    lead_en = photo(
        "port",
        1,
        "dusk",
        "Tankers wait outside the harbour as talks resume on Monday",
        "AP",
        "Tankers at anchor at dusk",
    )
    inline_en = photo(
        "queue",
        2,
        "noon",
        "Drivers queue for fuel in the old town",
        "Social media",
        "A line of cars",
    )
    lead_ar = photo("dam", 3, "sand", "سد على النهر خلال موسم الجفاف", "رويترز", "سد ومياه منخفضة")
    inline_ar = photo(
        "fields",
        4,
        "dawn",
        "مزارعون في حقل قرب ضفة النهر",
        "وكالة الأنباء الرسمية",
        "حقل قرب النهر",
    )
    lead_es = photo(
        "votes",
        5,
        "noon",
        "Votantes hacen fila en un colegio electoral de la capital",
        "EFE",
        "Fila de votantes",
    )
    inline_es = photo(
        "rural",
        6,
        "dawn",
        "Un puesto de votación en una zona rural",
        "AFP",
        "Puesto de votación rural",
    )
    side = photo("harbour", 7, "dawn", "Cranes at the container terminal", "Reuters", "Port cranes")

    def add(key: str, article: Article) -> Article:
        store.articles.create(article)
        room.articles[key] = article
        return article

    add(
        "en_related_1",
        Article(
            headline="Fuel importers warn of price rises as tankers wait offshore",
            edition="en",
            section="News",
            subsection="Economy",
            tags=["Energy", "Shipping"],
            byline="Newsdesk Economy Desk",
            body="Importers said prices could rise.",
            lead_photo_id=side.id,
        ),
    )
    add(
        "en_related_2",
        Article(
            headline="Dockworkers' union sets strike deadline for next week",
            edition="en",
            section="News",
            subsection="Politics",
            tags=["Port Authority", "Labour"],
            byline="Newsdesk",
            body="The union set a deadline.",
        ),
    )
    add(
        "en_other",
        Article(
            headline="The night desk is where trust is won or lost",
            edition="en",
            section="Articles",
            subsection="Opinion",
            tags=["Media"],
            byline="Layla Haddad",
            body="Every newsroom has a night desk.",
            lead_photo_id=lead_es.id,
        ),
    )
    add(
        "en_other_2",
        Article(
            headline="In pictures: the olive harvest, from grove to press",
            edition="en",
            section="In Pictures",
            tags=["Agriculture"],
            byline="Newsdesk Photo Desk",
            body="The harvest begins at first light.",
            lead_photo_id=inline_ar.id,
        ),
    )
    add(
        "en",
        Article(
            headline="Port talks resume as fuel shortages spread along the coast",
            standfirst="Negotiators returned to the table on Monday after a week in which queues for fuel stretched for kilometres in three coastal cities.",
            body=EN_BODY.replace(
                "{inline}", f"![Cars queue at a petrol station](photo:{inline_en.uuid})"
            ),
            byline="Newsdesk Economy Desk",
            dateline="BEIRUT",
            edition="en",
            section="News",
            subsection="Economy",
            regions=["MENA"],
            tags=["Energy", "Shipping", "Port Authority", "Lebanon"],
            sources=[
                Source("Reuters", kind="news agency", attribution=True),
                Source("Port Authority statement", kind="official statement"),
            ],
            lead_photo_id=lead_en.id,
            updated_at="2022-12-16T20:05:00Z",
        ),
    )
    add(
        "ar_related_1",
        Article(
            headline="المزارعون يقلّصون المساحات المزروعة بسبب الجفاف",
            edition="ar",
            section="News",
            subsection="Environment",
            tags=["الجفاف"],
            byline="مكتب الأخبار",
            body="قلّص المزارعون المساحات.",
            lead_photo_id=inline_ar.id,
        ),
    )
    add(
        "ar_related_2",
        Article(
            headline="خبراء: تبادل البيانات شرط لأي اتفاق حول المياه",
            edition="ar",
            section="News",
            subsection="Politics",
            tags=["المياه"],
            byline="مكتب الأخبار",
            body="قال خبراء إن تبادل البيانات ضروري.",
        ),
    )
    add(
        "ar",
        Article(
            headline="مفاوضات جديدة حول تقاسم مياه النهر وسط موجة جفاف",
            standfirst="عادت الوفود إلى طاولة الحوار بعد أشهر من الجمود، فيما تسجّل السدود أدنى منسوب لها منذ عقد.",
            body=AR_BODY.replace("{inline}", f"![حقل قرب النهر](photo:{inline_ar.uuid})"),
            byline="مكتب الأخبار",
            dateline="القاهرة",
            edition="ar",
            section="News",
            subsection="Environment",
            regions=["MENA", "Africa"],
            tags=["المياه", "الجفاف", "Nile"],
            sources=[Source("وكالة الأنباء الرسمية", kind="news agency", attribution=True)],
            lead_photo_id=lead_ar.id,
            updated_at="2022-12-16T20:05:00Z",
        ),
    )
    add(
        "es_related_1",
        Article(
            headline="La participación supera el 70 % a media tarde",
            edition="es",
            section="News",
            subsection="Politics",
            tags=["Elecciones"],
            byline="Redacción",
            body="La participación fue alta.",
            lead_photo_id=inline_es.id,
        ),
    )
    add(
        "es_related_2",
        Article(
            headline="Observadores internacionales piden paciencia hasta el recuento",
            edition="es",
            section="News",
            subsection="Politics",
            tags=["Democracia"],
            byline="Redacción",
            body="Los observadores pidieron paciencia.",
        ),
    )
    add(
        "es",
        Article(
            headline="Jornada de votación tranquila en la segunda vuelta presidencial",
            standfirst="La participación superó el 70 % a media tarde, según el organismo electoral, que prevé resultados preliminares antes de la medianoche.",
            body=ES_BODY.replace("{inline}", f"![Puesto de votación](photo:{inline_es.uuid})"),
            byline="Redacción de Noticias",
            dateline="BOGOTÁ",
            edition="es",
            section="News",
            subsection="Politics",
            regions=["Latin America"],
            tags=["Elecciones", "Democracia", "Colombia"],
            sources=[Source("Registraduría Nacional", kind="official statement", attribution=True)],
            lead_photo_id=lead_es.id,
            updated_at="2022-12-16T20:05:00Z",
        ),
    )
    add(
        "breaking",
        Article(
            headline="Palestinian media: Crossing reopens to aid trucks after three-day closure",
            body="The crossing reopened on Friday morning, according to local media reports. More to follow.",
            edition="en",
            section="Live",
            priority=1,
            byline="Newsdesk Live Desk",
            tags=["Humanitarian Aid"],
            sources=[Source("Palestinian media", attribution=True)],
            updated_at="2022-12-16T20:05:00Z",
        ),
    )
    return room
