"""Telling a reporter what happened to their stories: returned, published, corrected, killed.

The notifier remembers the stage (and correction) of the person's own stories —
those they wrote on this desktop or with their name in the byline — and, when an announced `Changes` touches one
(a sync bringing an editor's move from another desktop, or a desk in this window),
says what changed: always in the status bar, and as a desktop notification from
the system tray where the desktop has one. Their own moves are not news to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon, QWidget

from ..domain.article import Status
from ..ops import Changes
from ..store import Store
from ..store.db import DB_NAME, connect
from .tasks import run_task

SHOWN_MS = 20_000  # long enough to read a return note in the status bar
# The person's own stories: written on this desktop (the first revision is theirs)
# or with their name in the byline. Parameters: the name, twice. The first author is
# read from schema 17's covering index, named: with stale statistics the planner took
# the unique index and read each revision's row (240 ms instead of 100 on 100,000).
_MINE = (
    "(instr(lower(a.byline), lower(?)) OR (SELECT r.author FROM revisions r "
    "INDEXED BY revisions_first_author WHERE r.article_id = a.id ORDER BY r.number LIMIT 1) = ?)"
)


@dataclass(frozen=True)
class Stage:
    status: str
    correction: str


class Notifier(QObject):
    def __init__(
        self,
        store: Store,
        user: Callable[[], str],
        status_bar: QStatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.user = user
        self.status_bar = status_bar
        self.known: dict[int, Stage] = {}
        self.told: list[str] = []  # what was said, newest last (the tests read it)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(parent.windowIcon(), self)
            self.tray.setToolTip("Newsdesk")
        self._loaded_for = ""
        self.loaded = False
        self._scans = 0  # the newest scan's number: an older one's answer is dropped

    def load(self) -> None:
        """Remember where the person's stories stand now (their next change is news).

        The scan reads every article's byline and first author: on 100,000 articles a
        second or more, so it runs on a thread with a connection of its own, after the
        window is up; changes announced meanwhile wait for it (see `follow`).
        """
        name = self.user().strip()
        self._loaded_for, self.loaded = name, False
        self._scans += 1
        scan_number = self._scans
        if not name:
            self.known, self.loaded = {}, True
            return
        folder = self.store.folder

        def scan() -> dict[int, Stage]:
            conn = connect(folder / DB_NAME)
            try:
                rows = conn.execute(
                    f"SELECT id, status, correction FROM articles a WHERE {_MINE}", (name, name)
                ).fetchall()
            finally:
                conn.close()
            return {int(i): Stage(s, c) for i, s, c in rows}

        def done(known: dict[int, Stage]) -> None:
            if scan_number == self._scans:
                self.known, self.loaded = known, True

        run_task(scan, done, lambda _exc: done({}), owner=self)

    def follow(self, changes: Changes, _initiator: object = None) -> None:
        if self.user().strip() != self._loaded_for:
            self.load()  # a new name in Preferences: start from where its stories stand
            return
        if not self.loaded:
            if not self._scans:
                self.load()
            return  # the scan under way will see this change as where things stand
        for article_id in changes.articles:
            self._check(article_id)

    def _check(self, article_id: int) -> None:
        name = self._loaded_for
        row = self.store.conn.execute(
            f"SELECT headline, status, correction FROM articles a WHERE id = ? AND {_MINE}",
            (article_id, name, name),
        ).fetchone()
        if row is None or not name:
            return
        headline, status, correction = row
        now, before = Stage(status, correction), self.known.get(article_id)
        self.known[article_id] = now
        if before is None or before == now or self._moved_by_me(article_id, status):
            return
        text = _news(headline or "Untitled", before, now, self._last_note(article_id))
        if text:
            self.tell(text)

    def _moved_by_me(self, article_id: int, status: str) -> bool:
        history = self.store.workflow.history(article_id)
        last = history[-1] if history else None
        return last is not None and last.to_status == status and last.actor == self._loaded_for

    def _last_note(self, article_id: int) -> str:
        notes = [n for n in self.store.workflow.notes(article_id) if n.kind == "return"]
        return f"{notes[-1].author}: {notes[-1].body}" if notes else ""

    def tell(self, text: str) -> None:
        self.told.append(text)
        self.status_bar.showMessage(text, SHOWN_MS)
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage("Newsdesk", text, QSystemTrayIcon.MessageIcon.Information)


def _news(headline: str, before: Stage, now: Stage, return_note: str) -> str:
    """What a reporter is told of their story's move, or '' when it is not news to them."""
    story = f"“{headline}”"
    if now.status == Status.RETURNED.value and before.status != now.status:
        return (
            f"{story} came back from the desk — {return_note}"
            if return_note
            else (f"{story} came back from the desk.")
        )
    if now.status == Status.PUBLISHED.value and before.status != now.status:
        return f"{story} is published."
    if now.status == Status.KILLED.value and before.status != now.status:
        return f"{story} was killed: it is off the public site."
    if now.status == Status.PUBLISHED.value and now.correction != before.correction:
        return f"{story} was corrected: {now.correction}"
    return ""
