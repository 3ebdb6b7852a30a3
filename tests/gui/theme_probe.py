"""Reading colours off screenshots: luminance, contrast, light boxes (for the theme tests).

Contrast is WCAG's ratio of relative luminances (1 = none, 21 = black on white);
body text wants 4.5, large or secondary text 3.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor | str) -> float:
    c = QColor(colour)
    return 0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF()) + 0.0722 * _linear(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _rgb(image: QImage, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def mean_lightness(image: QImage, masks: list[QRect] = (), step: int = 3) -> float:
    """Mean perceived lightness (0 black .. 1 white) over a grid of pixels, masks left out."""
    total = count = 0.0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if any(mask.contains(x, y) for mask in masks):
                continue
            total += image.pixelColor(x, y).lightnessF()
            count += 1
    return total / max(count, 1)


def light_boxes(
    image: QImage, masks: list[QRect] = (), block: int = 16, threshold: float = 0.62
) -> list[QRect]:
    """Blocks whose mean lightness is high: light surfaces (text alone never averages this)."""
    found = []
    for top in range(0, image.height() - block + 1, block):
        for left in range(0, image.width() - block + 1, block):
            rect = QRect(left, top, block, block)
            if any(mask.intersects(rect) for mask in masks):
                continue
            total = 0.0
            for y in range(top, top + block, 2):
                for x in range(left, left + block, 2):
                    total += image.pixelColor(x, y).lightnessF()
            if total / (block * block / 4) > threshold:
                found.append(rect)
    return found


def background_of(image: QImage, rect: QRect | None = None) -> QColor:
    rect = rect or image.rect()
    counts: Counter[tuple[int, int, int]] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            counts[_rgb(image, x, y)] += 1
    return QColor(*counts.most_common(1)[0][0])


def ink_contrast(image: QImage, rect: QRect | None = None) -> tuple[float, QColor, QColor]:
    """(contrast, ink, paper) of the strongest ink in a region against its commonest colour.

    A line of text is its glyphs' cores over the paper: dark text on dark paper scores
    about 1.2, the same text on light paper about 15.
    """
    rect = (rect or image.rect()).intersected(image.rect())
    paper = background_of(image, rect)
    best, ink = 1.0, paper
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            colour = image.pixelColor(x, y)
            ratio = contrast(colour, paper)
            if ratio > best:
                best, ink = ratio, colour
    return best, ink, paper
