"""Spell checking for the editors, off the UI thread.

The highlighters ask `status(word, language)`: a cached answer comes back at
once; an unknown word answers None (drawn as correct for now) and joins the
queue of one worker thread, which hands the words in batches to the process's one child
(spelling_process: it reads the dictionaries, seconds of pure Python that in
this process would hold the interpreter the window needs) and waits for its
answers, holding nothing. Each batch comes back on the main thread as
`checked(language, misspelt words)`, and the highlighters redraw only the
paragraphs that hold those words. Typing never waits for a dictionary.

Known words besides the dictionaries: the personal dictionary (a word list in
the data folder, "Add to dictionary") and every tag in the store (people,
places, organisations are what tags name).

Its thread stays a thread of its own, not the database worker nor `run_task`: it
never touches the store (the tags are handed to it), and it is a long-lived queue
of words, fed at every keystroke and drained in timed batches, which a pool of
one-off tasks would not serve better.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ...spelling import SpellChecker, read_word_list
from ...spelling_process import SUGGESTIONS, SpellingProcess, shared
from .. import tasks

PERSONAL_DICTIONARY = "personal-dictionary.txt"
BATCH_WORDS = 200  # words a request to the checking process carries at most


class SpellingService(QObject):
    # (language, words found misspelt in this batch): queued to the main thread.
    checked = Signal(str, object)
    # The set of known words grew (personal dictionary, tags): redraw everything.
    wordsChanged = Signal()

    def __init__(
        self,
        folder: Path,
        languages: Iterable[str] = ("en", "ar", "es"),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.languages = tuple(languages)
        self.personal_path = folder / PERSONAL_DICTIONARY
        self.personal: set[str] = {w.lower() for w in read_word_list(self.personal_path)}
        self.tag_words: set[str] = set()
        self._checkers: dict[str, SpellChecker] = {}  # tokenising, blocking checks
        self.process: SpellingProcess = shared()  # one child for every editor
        self._answers: dict[str, dict[str, bool]] = {}  # language -> word -> known
        self._asked: dict[str, set[str]] = {}  # queued, not answered yet
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._held = False
        self._stopping = False
        self._outstanding = 0  # words queued and not yet answered
        self._count_lock = threading.Lock()

    # --- what the highlighters ask ------------------------------------------------------
    def enabled_for(self, language: str) -> bool:
        return language in self.languages

    def status(self, word: str, language: str) -> bool | None:
        """True known, False misspelt, None not checked yet (queued)."""
        lowered = word.lower()
        if lowered in self.personal or lowered in self.tag_words:
            return True
        answers = self._answers.setdefault(language, {})
        known = answers.get(word)
        if known is not None:
            return known
        asked = self._asked.setdefault(language, set())
        if word not in asked:
            asked.add(word)
            with self._count_lock:
                self._outstanding += 1
            self._queue.put((language, word))
            self._ensure_worker()
        return None

    def is_known_now(self, word: str, language: str) -> bool:
        """Blocking check (tests, the benchmark's reference): loads the dictionary if needed."""
        lowered = word.lower()
        if lowered in self.personal or lowered in self.tag_words:
            return True
        return self.checker(language).is_known(word)

    def checker(self, language: str) -> SpellChecker:
        checker = self._checkers.get(language)
        if checker is None:
            checker = SpellChecker((language,))
            self._checkers[language] = checker
        return checker

    def set_languages(self, languages: Iterable[str]) -> None:
        self.languages = tuple(languages)
        self.wordsChanged.emit()

    # --- known words ---------------------------------------------------------------------
    def add_to_dictionary(self, word: str) -> None:
        """Keep the word in the personal dictionary file (one a line) and stop flagging it."""
        word = word.strip()
        if not word or word.lower() in self.personal:
            return
        self.personal.add(word.lower())
        self.folder.mkdir(parents=True, exist_ok=True)
        is_new = not self.personal_path.exists()
        with self.personal_path.open("a", encoding="utf-8") as out:
            if is_new:
                out.write("# Newsdesk personal dictionary: one word a line.\n")
            out.write(word + "\n")
        self.wordsChanged.emit()

    def set_tag_names(self, names: Iterable[str]) -> None:
        """Tags name people, places and organisations: their words are known words."""
        words = {
            w.lower()
            for name in names
            for _, _, w in self.checker(self.languages[0] if self.languages else "en").words(name)
        }
        if words - self.tag_words:
            self.tag_words |= words
            self.wordsChanged.emit()

    # --- suggestions ----------------------------------------------------------------------
    def cached_suggestions(self, word: str, language: str) -> list[str] | None:
        return self._suggestions.get((language, word))

    def suggest(
        self, word: str, language: str, done: Callable[[list[str]], None], owner: QObject
    ) -> None:
        """Suggestions in the background (spylls takes up to a second for Arabic)."""
        cached = self.cached_suggestions(word, language)
        if cached is not None:
            done(cached)
            return

        def found(suggestions: list[str]) -> None:
            self._suggestions[(language, word)] = suggestions
            done(suggestions)

        tasks.run_task(
            lambda: self.process.suggest(language, word, SUGGESTIONS),
            found,
            lambda _e: done([]),
            owner=owner,
        )

    # --- the worker ------------------------------------------------------------------------
    def hold(self) -> None:
        """Queue words but check none yet: reading dictionaries in pure Python holds the
        interpreter for seconds, which would delay the window's first paint."""
        self._held = True

    def release(self) -> None:
        self._held = False
        if not self._queue.empty():
            self._ensure_worker()

    def _ensure_worker(self) -> None:
        if self._held:
            return
        if self._worker is None or not self._worker.is_alive():
            self._worker = threading.Thread(target=self._work, name="spelling", daemon=True)
            self._worker.start()

    def _work(self) -> None:
        while not self._stopping:
            item = self._queue.get()
            if item is None:
                return
            batch: dict[str, list[str]] = {}
            while item is not None:  # what is queued now, a request's worth
                language, word = item
                batch.setdefault(language, []).append(word)
                if sum(map(len, batch.values())) >= BATCH_WORDS:
                    break
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    item = None
            for language, words in batch.items():
                # Waits on the pipe: the window's process holds no lock meanwhile.
                known = self.process.known(language, words)  # one answer a word
                self._deliver(language, list(zip(words, known, strict=True)))
            if item is None and self._stopping:
                return

    def _deliver(self, language: str, results: list[tuple[str, bool]]) -> None:
        # Dicts are only written here and read on the main thread: a word's answer
        # appears atomically (GIL), and the signal tells the highlighters to redraw.
        answers = self._answers.setdefault(language, {})
        for word, known in results:
            answers[word] = known
        misspelt = [word for word, known in results if not known]
        with self._count_lock:
            self._outstanding -= len(results)
        if self._stopping:
            return  # the editor is gone, and with it whoever would hear this
        try:
            self.checked.emit(language, misspelt)
        except RuntimeError:  # deleted between the check above and the signal
            return

    def pending(self) -> int:
        """Words queued or being checked: 0 once everything asked has an answer."""
        return self._outstanding

    def stop(self) -> None:
        # The checking process stays: it is every editor's (see spelling_process.shared).
        # A request in flight ends on the worker thread; nothing here waits for it.
        self._stopping = True
        self._queue.put(None)
