"""Draw the sample photos shipped in resources/samples/photos, with agency metadata embedded.

    .venv/bin/python packaging/make_sample_photos.py

Drawn, not photographed: the samples are the project's own. Each carries the
IPTC/XMP caption, credit and creator an agency would send, so a newcomer's
photo desk shows what import reads (one of them with a slip the checks catch).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw

from newsdesk.photos.metadata import write_metadata

OUT = Path(__file__).resolve().parents[1] / "resources" / "samples" / "photos"

PHOTOS = {
    "port-tankers.jpg": (
        ((24, 34, 64), (214, 120, 88)),
        {
            "caption": "Tankers wait outside the harbour as talks resume on Monday. (AP)",
            "credit": "AP",
            "creator": "Rami Haddad",
            "city": "Beirut",
            "country": "Lebanon",
            "alt_text": "Drawing: a dark harbour skyline against an orange dusk sky.",
        },
    ),
    "harvest-nets.jpg": (
        ((110, 160, 210), (118, 138, 80)),
        {
            "caption": "Families spread nets under the olive trees at first light. (Newsdesk)",
            "credit": "Newsdesk",
            "creator": "Layla Haddad",
            "city": "Nablus",
            "alt_text": "Drawing: a row of dark shapes on green hills under a blue sky.",
        },
    ),
    "harvest-press.jpg": (
        ((60, 70, 120), (90, 110, 70)),
        {
            # No alt text, no final full stop, no closing credit: the checks flag all three.
            "caption": "The first oil of the season at the village press",
            "credit": "Newsdesk",
            "creator": "Layla Haddad",
            "city": "Nablus",
        },
    ),
    "river-dam.jpg": (
        ((120, 150, 190), (150, 110, 70)),
        {
            "caption": "سد على النهر خلال موسم الجفاف. (رويترز)",
            "credit": "رويترز",
            "creator": "Omar Farouk",
            "city": "القاهرة",
            "alt_text": "رسم: مبانٍ داكنة على أرض بنية تحت سماء زرقاء.",
        },
    ),
}


def draw(sky: tuple[int, int, int], land: tuple[int, int, int], seed: int) -> Image.Image:
    rng = random.Random(seed)
    width, height = 1200, 800
    image = Image.new("RGB", (width, height))
    pen = ImageDraw.Draw(image)
    for y in range(height):  # sky fading towards the horizon
        t = y / height
        pen.line([(0, y), (width, y)], fill=tuple(int(c * (1 - t) + 235 * t * 0.6) for c in sky))
    pen.ellipse((820, 180, 920, 280), fill=(245, 226, 180))
    horizon = int(height * 0.62)
    for x in range(0, width, rng.randint(40, 70)):  # a skyline of cranes, roofs or trees
        top = horizon - rng.randint(30, 160)
        pen.rectangle((x, top, x + rng.randint(20, 45), horizon), fill=tuple(c // 2 for c in land))
    points = [(0, height)] + [(x, horizon + rng.randint(-20, 25)) for x in range(0, width + 1, 60)]
    pen.polygon(points + [(width, height)], fill=land)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for seed, (name, ((sky, land), fields)) in enumerate(PHOTOS.items()):
        buffer = io.BytesIO()
        draw(sky, land, seed).save(buffer, "JPEG", quality=82)
        data, notes = write_metadata(buffer.getvalue(), fields, name)
        (OUT / name).write_bytes(data)
        print(name, len(data) // 1024, "KB", *notes)


if __name__ == "__main__":
    main()
