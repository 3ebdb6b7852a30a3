"""The newsroom's house settings (store/house.py) as operations.

A new caption style also brings every photo's stored checks in line and queues
the posts that show photos, so the site's captions follow at the next sync.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..store.house import CAPTION_STYLE
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store

_SETTINGS = Changes(settings=True)


def set_house_setting(store: Store, key: str, value: str) -> Changes:
    """Change one house setting (ValueError in words for an unknown key or a bad value);
    nothing changed when the value is already that."""
    with store.atomic():
        if not store.house.set(key, value):
            return Changes()
        if key == CAPTION_STYLE:
            store.photos.set_caption_style(store.house.caption_style)
            store.photos.uses.queue_articles_with_photos()
    return _SETTINGS


def add_house_word(store: Store, word: str) -> Changes:
    """Teach the spelling check a word (a name, an agency) for the whole newsroom."""
    with store.atomic():
        added = store.house.add_word(word)
    store.photos.spell.add_word(word.strip())
    return _SETTINGS if added else Changes()


def set_house_words(store: Store, words: list[str]) -> Changes:
    """Make the house word list exactly `words` (Preferences edits it whole)."""
    with store.atomic():
        before = set(store.house.words())
        wanted = {w.strip() for w in words if w.strip()}
        for gone in before - wanted:
            store.house.remove_word(gone)
        added = [w for w in wanted - before if store.house.add_word(w)]
    if before == wanted:
        return Changes()
    spell = store.photos.spell
    spell.house_words -= {w.lower() for w in before - wanted}
    for word in added:
        spell.add_word(word)
    return _SETTINGS


def set_house(store: Store, values: dict[str, str], words: list[str]) -> Changes:
    """Preferences' "Newsroom" rows at once: every setting and the word list, all or
    nothing (a bad value is a ValueError in words and leaves the store as it was)."""
    changes = Changes()
    with store.atomic():
        for key, value in values.items():
            changes |= set_house_setting(store, key, value)
        changes |= set_house_words(store, words)
    return changes


def remove_house_word(store: Store, word: str) -> Changes:
    with store.atomic():
        removed = store.house.remove_word(word)
    if removed:
        store.photos.spell.house_words.discard(word.strip().lower())
    return _SETTINGS if removed else Changes()
