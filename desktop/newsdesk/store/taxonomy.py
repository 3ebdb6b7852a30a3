"""Editions, sections, subsections and regions: seeded from the site model, editable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.site import Edition
from .errors import NotFoundError, StoreError

if TYPE_CHECKING:
    from .db import Store


class Taxonomy:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn

    def editions(self) -> list[Edition]:
        rows = self.conn.execute("SELECT code, language, direction FROM editions ORDER BY position")
        return [Edition(*row) for row in rows]

    def edition_codes(self) -> list[str]:
        return [e.code for e in self.editions()]

    def add_edition(self, code: str, language: str, direction: str = "ltr") -> None:
        if direction not in ("ltr", "rtl"):
            raise StoreError("An edition's direction is ltr or rtl.")
        self.conn.execute(
            "INSERT INTO editions (code, language, direction, position) "
            "VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM editions))",
            (code.strip().lower(), language.strip(), direction),
        )

    def sections(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sections ORDER BY position")]

    def subsections(self, section: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT ss.name FROM subsections ss JOIN sections s ON s.id = ss.section_id "
            "WHERE s.name = ? ORDER BY ss.position",
            (section,),
        )
        return [r[0] for r in rows]

    def section_of(self, name: str) -> str | None:
        """The canonical spelling of a section, matched whatever its case."""
        row = self.conn.execute("SELECT name FROM sections WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def subsection_of(self, section: str, name: str) -> str | None:
        row = self.conn.execute(
            "SELECT ss.name FROM subsections ss JOIN sections s ON s.id = ss.section_id "
            "WHERE s.name = ? AND ss.name = ?",
            (section, name),
        ).fetchone()
        return row[0] if row else None

    def add_section(self, name: str) -> None:
        self.conn.execute(
            "INSERT INTO sections (name, position) "
            "VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM sections))",
            (name.strip(),),
        )

    def add_subsection(self, section: str, name: str) -> None:
        self.conn.execute(
            "INSERT INTO subsections (section_id, name, position) VALUES "
            "(?, ?, (SELECT coalesce(max(position), 0) + 1 FROM subsections))",
            (self._section_id(section), name.strip()),
        )

    def rename_section(self, old: str, new: str) -> None:
        with self.store.atomic():
            self.conn.execute(
                "UPDATE sections SET name = ? WHERE id = ?", (new, self._section_id(old))
            )
            self.conn.execute("UPDATE articles SET section = ? WHERE section = ?", (new, old))

    def regions(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM regions ORDER BY position")]

    def region_of(self, name: str) -> str | None:
        row = self.conn.execute("SELECT name FROM regions WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def add_region(self, name: str) -> None:
        self.conn.execute(
            "INSERT INTO regions (name, position) "
            "VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM regions))",
            (name.strip(),),
        )

    def _section_id(self, name: str) -> int:
        row = self.conn.execute("SELECT id FROM sections WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"No section named {name!r}.")
        return int(row[0])
