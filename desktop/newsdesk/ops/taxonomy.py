"""Sections, subsections, regions, editions and tags as operations.

A rename or merge that touches articles names them in the Changes, so the list
and an open editor show the new name; every one says `taxonomy=True`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..store.errors import StoreError
from .changes import Changes

if TYPE_CHECKING:
    from ..store import Store

_TAXONOMY = Changes(taxonomy=True)


def _name(text: str, what: str) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise StoreError(f"A {what} needs a name.")
    return clean


def _added(what: str, name: str) -> StoreError:
    return StoreError(f"There is already a {what} named {name!r}.")


def add_section(store: Store, name: str) -> Changes:
    name = _name(name, "section")
    try:
        with store.atomic():
            store.taxonomy.add_section(name)
    except sqlite3.IntegrityError as exc:
        raise _added("section", name) from exc
    return _TAXONOMY


def add_subsection(store: Store, section: str, name: str) -> Changes:
    name = _name(name, "subsection")
    try:
        with store.atomic():
            store.taxonomy.add_subsection(section, name)
    except sqlite3.IntegrityError as exc:
        raise _added(f"subsection of {section}", name) from exc
    return _TAXONOMY


def rename_section(store: Store, old: str, new: str) -> Changes:
    new = _name(new, "section")
    try:
        with store.atomic():
            ids = _ids(store, "SELECT id FROM articles WHERE section = ?", old)
            store.taxonomy.rename_section(old, new)
    except sqlite3.IntegrityError as exc:
        raise _added("section", new) from exc
    return Changes(articles=ids, taxonomy=True)


def add_region(store: Store, name: str) -> Changes:
    name = _name(name, "region")
    try:
        with store.atomic():
            store.taxonomy.add_region(name)
    except sqlite3.IntegrityError as exc:
        raise _added("region", name) from exc
    return _TAXONOMY


def add_edition(store: Store, code: str, language: str, direction: str = "ltr") -> Changes:
    code = _name(code, "edition code").lower()
    if direction not in ("ltr", "rtl"):
        raise StoreError(f"An edition reads ltr or rtl, not {direction!r}.")
    try:
        with store.atomic():
            store.taxonomy.add_edition(code, _name(language, "language"), direction)
    except sqlite3.IntegrityError as exc:
        raise _added("edition", code) from exc
    return _TAXONOMY


def rename_tag(store: Store, old: str, new: str) -> Changes:
    """Rename everywhere; onto an existing tag, the two merge."""
    with store.atomic():
        ids = _tagged(store, [old])
        store.tags.rename(old, new)
    return Changes(articles=ids, taxonomy=True)


def merge_tags(store: Store, sources: list[str], target: str) -> Changes:
    target = _name(target, "tag")
    with store.atomic():
        ids = _tagged(store, sources)
        store.tags.merge(sources, target)
    return Changes(articles=ids, taxonomy=True)


def _tagged(store: Store, names: list[str]) -> frozenset[int]:
    marks = ", ".join("?" for _ in names)
    return _ids(
        store,
        "SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        f"WHERE t.name IN ({marks})",
        *[n.strip() for n in names],
    )


def _ids(store: Store, sql: str, *params: object) -> frozenset[int]:
    return frozenset(int(r[0]) for r in store.conn.execute(sql, params))
