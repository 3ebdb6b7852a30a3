"""Pictures that look like pictures (sky, ground, shapes), for the desk's screenshots."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ((120, 170, 220), (200, 180, 140), (90, 90, 80)),
    ((250, 190, 120), (120, 100, 80), (40, 40, 50)),
    ((160, 160, 170), (90, 100, 90), (200, 60, 40)),
    ((60, 90, 140), (30, 40, 60), (240, 220, 120)),
    ((200, 220, 230), (230, 230, 220), (60, 110, 160)),
    ((140, 150, 160), (70, 60, 50), (220, 120, 40)),
]


def scene(path: Path, seed: int, size: tuple[int, int] = (1200, 800), fmt: str = "JPEG") -> Path:
    rng = random.Random(seed)
    sky, ground, accent = PALETTES[seed % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.45, 0.7))
    for y in range(horizon):  # a sky that darkens upwards
        shade = 0.75 + 0.25 * y / max(horizon, 1)
        draw.line([(0, y), (width, y)], fill=tuple(int(c * shade) for c in sky))
    draw.rectangle([0, horizon, width, height], fill=ground)
    for _ in range(rng.randint(3, 7)):  # buildings, people, vehicles: blocks and discs
        x = rng.randint(0, width)
        w = rng.randint(width // 20, width // 6)
        h = rng.randint(height // 10, height // 2)
        shade = rng.uniform(0.5, 1.1)
        colour = tuple(min(255, int(c * shade)) for c in accent)
        if rng.random() < 0.6:
            draw.rectangle([x, horizon - h, x + w, horizon + rng.randint(0, 20)], fill=colour)
        else:
            r = w // 2
            draw.ellipse([x - r, horizon - r * 2, x + r, horizon], fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    image.save(path, fmt, **({"quality": 88} if fmt == "JPEG" else {}))
    return path
