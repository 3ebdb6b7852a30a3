"""The caption house style, followed by the photo desk without a restart.

The store keeps the newsroom's style (store/house.py: "parentheses": "… the
border. (AP)", "slash": "… the border. / AP") and the photo library reads it
(`store.photos.caption_style`), so every check the desk shows (the edit panel,
the grid's badges and filters, the queue, the editor's photo checks) and the
"Close with credit" action read the same one. The stored checks follow through
`ops.photos.follow_caption_style`, on the database worker.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from ...domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle, caption_style, credit_suffix
from ...ops.photos import StyleFollowed, follow_caption_style
from ...store.house import CAPTION_STYLE
from ..settings import HOUSE_CHANGED
from .model import PhotoIdRole


def house_tooltip(style: CaptionStyle) -> str:
    return f'End the caption with a full stop and "{credit_suffix("credit", style)}"'


def batch_label(style: CaptionStyle) -> str:
    return f'End each caption with "{credit_suffix("credit", style)}"'


def apply_caption_style(desk: Any, style: str) -> CaptionStyle:
    """Make `style` the desk's house style: stored checks (an operation on the database
    worker), grid, panel and queue follow it. An unknown style falls back to the default
    and says so.
    """
    try:
        chosen = caption_style(style)
        note = ""
    except ValueError as exc:
        chosen = DEFAULT_CAPTION_STYLE
        note = f"Preferences: {exc} Using {chosen}."
    desk.store.photos.caption_style = chosen  # what this window's own checks read
    desk.panel.follow_caption_style()
    desk.queue.caption_style = chosen

    def followed(result: StyleFollowed) -> None:
        current = desk.view.currentIndex().data(PhotoIdRole)
        desk.apply_filter()  # badges and the "failing" filter read the stored checks
        if current is not None and current in desk.model.row_of_id:
            desk.select_photo(int(current))
        desk.queue.refresh()
        if note or result.changed:
            example = credit_suffix("AP", chosen)
            desk.message.setText(
                note or f'Caption style "{example}": the checks of {result.changed} photos changed.'
            )

    desk.ctx.runner.store_op(desk, lambda store: follow_caption_style(store, chosen)).success(
        followed
    ).failure(lambda exc: desk.message.setText(f"Caption style not applied: {exc}")).run()
    return chosen


class CaptionStyleFollower(QObject):
    """Child of the desk, so its connection to Settings.changed dies with the desk."""

    def __init__(self, desk: Any, settings: Any, on_change: Any = None) -> None:
        super().__init__(desk)
        self.desk = desk
        self.settings = settings
        self.on_change = on_change  # e.g. the editor's photo checks label
        settings.changed.connect(self.changed)
        self.apply()

    def changed(self, key: str) -> None:
        if key == HOUSE_CHANGED:
            self.apply()

    def apply(self) -> None:
        apply_caption_style(self.desk, self.desk.store.house.get(CAPTION_STYLE))
        if self.on_change is not None:
            self.on_change()
