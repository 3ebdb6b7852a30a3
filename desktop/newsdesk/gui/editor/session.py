"""One editing session: which article is open, autosave, save, switching, restore.

Autosave writes the editor's content to the store's journal a short pause
after typing (AUTOSAVE_DELAY_MS) and never later than AUTOSAVE_MAX_WAIT_MS
after the first unsaved keystroke, so typing older than ~1 s survives a kill.
A revision is made on Save, on switching article and on closing.

Every write is an operation queued on the database worker (`ctx.runner`), in
the order asked: the journal, the saves, new articles, restores. The content
is taken when the save is asked; what is typed while it is under way stays
unsaved (the editor is marked clean only when it still shows what was saved).
A save that meets the same fields changed elsewhere comes back as StaleEdit,
on the main thread: the person chooses (`choose_on_conflict`) and the save is
queued again with the choice. Switching article, a new article and a restore
follow the save of what is open; when it cannot be saved, the editor stays on it.
The small reads of one story (`open`, `follow_changes`) stay on the main
thread's read connection (see runner.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any, Literal

from PySide6.QtCore import QObject, QTimer, Signal

from ...domain.article import Article
from ...ops import Changes, Saved, StaleEdit, save_article
from ...ops.articles import Created, create_article, restore_revision, write_journal
from ...store import Store, StoreError
from ..runner import Runner
from .editor import ArticleEditor

# Asked when a save meets the same fields changed elsewhere: keep "mine", take
# "theirs", or None to write nothing yet (the text stays in the editor).
ConflictChoice = Callable[[StaleEdit], Literal["mine", "theirs"] | None]
Then = Callable[[bool], None]  # after a save: True when what was asked is stored

AUTOSAVE_DELAY_MS = 700
AUTOSAVE_MAX_WAIT_MS = 1000


class _Base:
    """The revision the open article's next save merges from. Saves queued on the worker
    read and move it in their order, so a second save asked before the first landed
    merges from the first one's revision, not from the one both started at."""

    def __init__(self, revision: int | None) -> None:
        self.revision = revision


class EditingSession(QObject):
    saved = Signal(int, int)  # article id, revision number
    created = Signal(int)
    kept = Signal(int)  # a switch did not happen: the open article could not be saved
    autosaved = Signal(str)  # local time, for the status line
    failed = Signal(str)  # a sentence for the reporter

    def __init__(
        self, store: Store, editor: ArticleEditor, runner: Runner, author: str = ""
    ) -> None:
        super().__init__(editor)
        self.store = store  # the main thread's read connection: reads only
        self.runner = runner
        self.editor = editor
        self.author = author
        self.max_wait_ms = AUTOSAVE_MAX_WAIT_MS  # Preferences: editor/autosave_seconds
        self._first_pending: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush_autosave)
        editor.contentChanged.connect(self._note_change)
        self._base = _Base(None)
        self.in_flight = 0  # saves queued and not yet back
        self._next_step = 0  # the latest switch asked for (an older one gives way)
        self.choose_on_conflict: ConflictChoice = lambda _stale: None

    @property
    def base_revision(self) -> int | None:
        """The revision the open article was read at: a save merges what others did since."""
        return self._base.revision

    def _read_at(self, revision: int | None) -> None:
        self._base = _Base(revision)  # saves still queued for the last one keep theirs

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
        self._journal(article_id, self.editor.article().content())

    def _journal(self, article_id: int, content: dict[str, Any]) -> None:
        def written(_none: None) -> None:
            self.autosaved.emit(time.strftime("%H:%M:%S"))

        def refused(exc: Exception) -> None:
            self.failed.emit(f"Autosave failed: {exc}")

        self.runner.store_op(self, lambda store: write_journal(store, article_id, content)).success(
            written
        ).failure(refused).run()

    # --- revisions -----------------------------------------------------------------------
    def save(self, reason: str = "save", then: Then | None = None) -> bool:
        """Queue a revision of the open article if anything changed; False if there was
        nothing to save. `then(ok)` follows once it is stored (or could not be)."""
        self._timer.stop()
        self._first_pending = None
        if self.editor.article_id is None or not self.editor.is_dirty:
            if then is not None:
                then(True)
            return False
        self._queue_save(self.editor.article(), reason, None, then)
        return True

    def _queue_save(
        self,
        asked: Article,
        reason: str,
        keep: Literal["mine", "theirs"] | None,
        then: Then | None,
    ) -> None:
        base, author = self._base, self.author

        def op(store: Store) -> Saved:  # on the worker, after every save asked before it
            saved = save_article(
                store,
                asked.copy(),
                base_revision=base.revision,
                author=author,
                reason=reason,
                keep=keep,
            )
            base.revision = saved.revision
            return saved

        def done(saved: Saved) -> None:
            self.in_flight -= 1
            self._landed(asked, saved)
            if then is not None:
                then(True)

        def refused(exc: Exception) -> None:
            self.in_flight -= 1
            if isinstance(exc, StaleEdit) and keep is None and self._showing(asked):
                choice = self.choose_on_conflict(exc)
                if choice is not None:
                    self._queue_save(asked, reason, choice, then)
                    return
            self._not_saved(asked, exc)
            if then is not None:
                then(False)

        self.in_flight += 1
        self.runner.store_op(self, op).success(done).failure(refused).run()

    def _showing(self, article: Article) -> bool:
        return self.editor.article_id is not None and self.editor.article_id == article.id

    def _landed(self, asked: Article, saved: Saved) -> None:
        """A save is stored: show what others changed meanwhile, and mark clean only what
        was saved; fields typed in since it was asked stay as typed, and unsaved."""
        assert saved.article.id is not None
        if self._showing(asked):
            shown = self.editor.article()
            typed_since = {
                name: value
                for name, value in shown.content().items()
                if value != asked.content().get(name)
            }
            if typed_since:
                target = saved.article.copy()
                target.apply_content(typed_since)
                self.editor.follow(target)  # others' fields shown; the typing stays unsaved
            else:
                if saved.merged_from:
                    self.editor.follow(saved.article)
                self.editor.mark_clean(saved.article)
        self.saved.emit(saved.article.id, saved.revision)

    def _not_saved(self, asked: Article, exc: Exception) -> None:
        """Nothing is lost: the text stays in the editor, and in the journal."""
        headline = asked.headline or "untitled"
        if isinstance(exc, StaleEdit):
            self.failed.emit(f"{exc} Nothing was overwritten; your text is kept here.")
        elif isinstance(exc, (StoreError, sqlite3.Error)):
            self.failed.emit(f"Could not save “{headline}”: {exc}")
        else:
            self.failed.emit(f"Could not save “{headline}”: {exc}")
        if self._showing(asked):
            self._first_pending = time.monotonic()
            self.flush_autosave()
        elif asked.id is not None:
            self._journal(asked.id, asked.content())

    def follow_changes(self, changes: Changes, initiator: object) -> None:
        """Another desk (or a sync) changed the open article: show it, unless typing is
        under way or a save of it is on its way; then the next save merges it in, so
        nothing typed is lost."""
        article_id = self.editor.article_id
        if initiator is self or not changes.touches(article_id) or self.editor.is_dirty:
            return
        if self.in_flight:
            return  # the save's own answer shows what others changed
        assert article_id is not None
        try:
            article = self.store.articles.get(article_id)
            revision = self.store.articles.revision_of(article_id)
        except StoreError:
            return  # deleted meanwhile: the editor keeps what it shows
        self._read_at(revision)
        self.editor.follow(article)
        self.editor.mark_clean(article)

    def _after_saving(self, step: Callable[[], None]) -> bool:
        """Run `step` once what is open is saved (at once if nothing is unsaved). False
        if it cannot be: the save already came back refused, and the editor stays."""
        self._next_step += 1
        ticket = self._next_step
        outcome: list[bool] = []

        def then(ok: bool) -> None:
            outcome.append(ok)
            if ticket != self._next_step:
                return  # a later switch was asked meanwhile: that one goes ahead
            if not ok:
                if self.editor.article_id is not None:
                    self.kept.emit(self.editor.article_id)
                return
            if self.editor.is_dirty:  # typed while the save was on its way
                self.save(then=then)
                return
            step()

        self.save(then=then)
        return not outcome or outcome[-1]

    def open(self, article_id: int) -> bool:
        """Open the article once what is open is saved; False if it cannot be."""
        if article_id == self.editor.article_id:
            return True
        return self._after_saving(lambda: self._load(article_id))

    def _load(self, article_id: int) -> None:
        try:
            article = self.store.articles.get(article_id)
            revision = self.store.articles.revision_of(article_id)
        except StoreError as exc:
            self.failed.emit(str(exc))
            return
        self._read_at(revision)
        self.editor.load(article)

    def new_article(self, template: Article | None = None) -> bool:
        """A new article, shown at once (typing may begin) and stored on the worker."""
        article = Article()
        if template is not None:
            article.edition = template.edition
            article.section = template.section  # a run of stories for one desk and edition
        author = self.author
        stored = article.copy()

        def made(created: Created) -> None:
            assert created.article.id is not None
            if self.editor.adopt(created.article):
                self._read_at(self.store.articles.revision_of(created.article.id))
                if self.editor.is_dirty:  # typed before it was stored: journal it now
                    self._note_change()
            self.created.emit(created.article.id)

        def create() -> None:
            self.editor.load(article)
            op = self.runner.store_op(
                self, lambda store: create_article(store, stored, author=author)
            )
            op.success(made).failure(lambda exc: self.failed.emit(str(exc))).run()

        return self._after_saving(create)

    def restore(self, number: int, then: Callable[[int], None] | None = None) -> bool:
        """Bring back revision `number` as a new revision (after saving what is open);
        `then(new_number)` when it is stored."""
        article_id = self.editor.article_id
        if article_id is None:
            return False
        author = self.author

        def restored(saved: Saved) -> None:
            if self.editor.article_id == article_id:
                self._read_at(saved.revision)
                self.editor.load(saved.article)
            self.saved.emit(article_id, saved.revision)
            if then is not None:
                then(saved.revision)

        def bring_back() -> None:
            op = self.runner.store_op(
                self, lambda store: restore_revision(store, article_id, number, author=author)
            )
            op.success(restored).failure(lambda exc: self.failed.emit(str(exc))).run()

        return self._after_saving(bring_back)

    def close(self) -> None:
        """Queue the last save; the window then lets the worker drain. If it cannot be
        written, the journal keeps the text for the next start."""
        self.flush_autosave()
        self.save()
