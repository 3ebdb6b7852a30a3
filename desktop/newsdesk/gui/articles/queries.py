"""Sorted pages of article summaries for the list.

`Articles.summaries` pages newest-first only; the list also sorts by headline,
status, section and edition, so this asks for those orders with the store's
own column list and filters. (A candidate to move into the store as an
`order_by` argument; kept here so the list can sort today.)
"""

from __future__ import annotations

from typing import Any

from ...store import Store
from ...store.articles import SUMMARY_COLUMNS, _filters

SORTABLE = ("headline", "status", "section", "edition", "updated_at")


def summaries_page(
    store: Store,
    *,
    order: str = "updated_at",
    descending: bool = True,
    status: str | None = None,
    section: str | None = None,
    edition: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[dict[str, Any]]:
    if order == "updated_at" and descending:
        # The store's own query, on its index: the common case stays the raw one.
        return store.articles.summaries(
            status=status, section=section, edition=edition, limit=limit, offset=offset
        )
    if order not in SORTABLE:
        raise ValueError(f"cannot sort the list by {order!r}")
    direction = "DESC" if descending else "ASC"
    collate = " COLLATE NOCASE" if order == "headline" else ""
    where, params = _filters(status=status, section=section, edition=edition)
    sql = (
        f"SELECT {SUMMARY_COLUMNS} FROM articles {where} "
        f"ORDER BY {order}{collate} {direction}, updated_at DESC, id DESC LIMIT ? OFFSET ?"
    )
    return [dict(r) for r in store.conn.execute(sql, [*params, limit, offset])]


def summaries_one(store: Store, article_id: int) -> dict[str, Any] | None:
    """One article's list row (after a save), or None if it is gone."""
    row = store.conn.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return dict(row) if row else None
