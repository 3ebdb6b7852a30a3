"""One editing session: which article is open, autosave, save, switching, restore.

Autosave writes the editor's content to the store's journal a short pause
after typing (AUTOSAVE_DELAY_MS) and never later than AUTOSAVE_MAX_WAIT_MS
after the first unsaved keystroke, so typing older than ~1 s survives a kill.
A revision is made on Save, on switching article and on closing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from functools import partial
from typing import Literal

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.article import Article
from ...ops import Changes, Saved, StaleEdit, save_article
from ...ops.articles import create_article, restore_revision
from ...store import Store, StoreError
from .editor import ArticleEditor

# Asked when a save meets the same fields changed elsewhere: keep "mine", take
# "theirs", or None to write nothing yet (the text stays in the editor).
ConflictChoice = Callable[[StaleEdit], Literal["mine", "theirs"] | None]

AUTOSAVE_DELAY_MS = 700
AUTOSAVE_MAX_WAIT_MS = 1000


class EditingSession(QObject):
    saved = Signal(int, int)  # article id, revision number
    announced = Signal(object)  # Changes this session made (for the window's hub)
    created = Signal(int)
    autosaved = Signal(str)  # local time, for the status line
    failed = Signal(str)  # a sentence for the reporter

    def __init__(self, store: Store, editor: ArticleEditor, author: str = "") -> None:
        super().__init__(editor)
        self.store = store
        self.editor = editor
        self.author = author
        self.max_wait_ms = AUTOSAVE_MAX_WAIT_MS  # Preferences: editor/autosave_seconds
        self._first_pending: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush_autosave)
        editor.contentChanged.connect(self._note_change)
        # The revision the open article was read at: a save merges what others did since.
        self.base_revision: int | None = None
        self.choose_on_conflict: ConflictChoice = lambda _stale: None

    # --- autosave --------------------------------------------------------------------
    def _note_change(self) -> None:
        now = time.monotonic()
        if self._first_pending is None:
            self._first_pending = now
        left_ms = self.max_wait_ms - (now - self._first_pending) * 1000
        self._timer.start(int(max(0, min(AUTOSAVE_DELAY_MS, left_ms))))

    def flush_autosave(self) -> None:
        self._timer.stop()
        if self._first_pending is None:
            return
        self._first_pending = None
        article_id = self.editor.article_id
        if article_id is None or not self.editor.is_dirty:
            return
        try:
            self.store.autosaves.write(article_id, self.editor.article().content())
        except (StoreError, sqlite3.Error) as exc:
            self.failed.emit(f"Autosave failed: {exc}")
            return
        self.autosaved.emit(time.strftime("%H:%M:%S"))

    # --- revisions -----------------------------------------------------------------------
    def save(self, reason: str = "save") -> int | None:
        """Make a revision of the open article if anything changed; its number, or None."""
        self._timer.stop()
        self._first_pending = None
        if self.editor.article_id is None or not self.editor.is_dirty:
            return None
        article = self.editor.article()
        try:
            saved = self._save(article, reason)
        except StaleEdit as stale:
            self.failed.emit(f"{stale} Nothing was overwritten; your text is kept here.")
            saved = None
        except (StoreError, sqlite3.Error) as exc:
            self.failed.emit(f"Could not save “{article.headline or 'untitled'}”: {exc}")
            saved = None
        if saved is None:
            # Nothing is lost: the text stays in the editor, and in the journal if it can be written.
            self._first_pending = time.monotonic()
            self.flush_autosave()
            return None
        self.base_revision = saved.revision
        if saved.merged_from:
            self.editor.follow(saved.article)  # what others changed meanwhile, now shown
        self.editor.mark_clean(saved.article)
        assert saved.article.id is not None
        self.saved.emit(saved.article.id, saved.revision)
        self.announced.emit(saved.changes)
        return saved.revision

    def _save(self, article: Article, reason: str) -> Saved:
        """The save operation; on a true overlap the person chooses, else nothing is written."""
        save = partial(
            save_article,
            self.store,
            article,
            base_revision=self.base_revision,
            author=self.author,
            reason=reason,
        )
        try:
            return save()
        except StaleEdit as stale:
            keep = self.choose_on_conflict(stale)
            if keep is None:
                raise
            return save(keep=keep)

    def follow_changes(self, changes: Changes, initiator: object) -> None:
        """Another desk (or a sync) changed the open article: show it, unless typing is
        under way; then the next save merges it in, so nothing typed is lost."""
        article_id = self.editor.article_id
        if initiator is self or not changes.touches(article_id) or self.editor.is_dirty:
            return
        assert article_id is not None
        try:
            article = self.store.articles.get(article_id)
            self.base_revision = self.store.articles.revision_of(article_id)
        except StoreError:
            return  # deleted meanwhile: the editor keeps what it shows
        self.editor.follow(article)
        self.editor.mark_clean(article)

    def _settled(self) -> bool:
        """Save what is open; False if unsaved work remains (then we stay on it)."""
        self.save()
        return not self.editor.is_dirty

    def open(self, article_id: int) -> bool:
        if article_id == self.editor.article_id:
            return True
        if not self._settled():
            return False
        try:
            article = self.store.articles.get(article_id)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return False
        self.base_revision = self.store.articles.revision_of(article_id)
        self.editor.load(article)
        return True

    def new_article(self, template: Article | None = None) -> int | None:
        if not self._settled():
            return None
        article = Article()
        if template is not None:
            article.edition = template.edition
            article.section = template.section  # a run of stories for one desk and edition
        created = create_article(self.store, article, author=self.author)
        assert article.id is not None
        self.base_revision = self.store.articles.revision_of(article.id)
        self.editor.load(article)
        self.created.emit(article.id)
        self.announced.emit(created.changes)
        return article.id

    def restore(self, number: int) -> int | None:
        """Bring back revision `number` as a new revision (after saving what is open)."""
        article_id = self.editor.article_id
        if article_id is None or not self._settled():
            return None
        try:
            restored = restore_revision(self.store, article_id, number, author=self.author)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return None
        self.base_revision = restored.revision
        self.editor.load(restored.article)
        self.saved.emit(article_id, restored.revision)
        self.announced.emit(restored.changes)
        return restored.revision

    def close(self) -> None:
        # If the revision cannot be written, the journal keeps the text for the next start.
        self.save()
