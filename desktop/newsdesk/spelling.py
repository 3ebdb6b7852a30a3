"""Likely misspellings in English, Arabic and Spanish, from the system's Hunspell dictionaries.

Dictionaries are read with spylls (a pure-Python Hunspell) from /usr/share/hunspell
(Debian's hunspell-en-us and -en-gb, hunspell-ar, hunspell-es), each loaded on first use: the
Arabic one takes seconds. A word is a likely misspelling when no edition's
dictionary for its script knows it, it is not in the house word list, and it is
not one of the photo's own trusted names (creator, place). Acronyms and words
with digits are left alone. Nothing here imports Qt: the editor's as-you-type
checking reuses it. In the window's process a checker's dictionary lookups go to
the spelling child (`spelling_process`) instead, so that reading them never holds
the window's interpreter: see `Lookups`.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
# Edition language -> Hunspell dictionary names to try, in order.
DICTIONARY_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("en_US", "en_GB"),
    "es": ("es_ES", "es"),
    "ar": ("ar", "ar_SA"),
}
# Agencies and words of the trade that no general dictionary has.
HOUSE_WORDS = frozenset(
    w.lower()
    for w in [
        "AP",
        "AFP",
        "Reuters",
        "Getty",
        "EPA",
        "Anadolu",
        "Xinhua",
        "Sipa",
        "Shutterstock",
        "WAFA",
        "SANA",
        "IRNA",
        "Tasnim",
        "Bloomberg",
        "Pool",
        "Handout",
        "Newsdesk",
        "UNRWA",
        "UNICEF",
        "Hezbollah",
        "Hamas",
        "Houthi",
        "Houthis",
        "Gaza",
        "Khan",
        "Younis",
        "Rafah",
        "Jenin",
        "Nablus",
        "Idlib",
        "Aleppo",
        "Kyiv",
        "Kharkiv",
        "Zelenskyy",
        "Erdogan",
        "Sisi",
        "Netanyahu",
        # Arabic and Spanish agency names
        "رويترز",
        "أسوشيتد",
        "برس",
        "الأناضول",
        "شينخوا",
        "Europa",
        "EFE",
    ]
)

# A letter, or a combining mark inside a word (Arabic harakat, decomposed accents): \w
# alone would cut "مُحَمَّد" at every vowel mark.
_LETTER = r"(?:[^\W\d_]|[\u0300-\u036F\u064B-\u065F\u0670])"
_WORD = re.compile(rf"{_LETTER}+(?:['’]{_LETTER}+)*")
_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
# Harakat and tatweel: optional marks a dictionary lists words without.
_ARABIC_MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def find_dictionaries(language: str, dirs: Sequence[Path] = DICTIONARY_DIRS) -> list[Path]:
    """The .dic/.aff stems installed for a language, one per variant (en_US, en_GB)."""
    extra = os.environ.get("NEWSDESK_HUNSPELL_DIR")
    search = [Path(extra)] if extra else []
    found: dict[str, Path] = {}
    for name in DICTIONARY_NAMES.get(language, (language,)):
        for folder in [*search, *dirs]:
            stem = folder / name
            if stem.with_suffix(".dic").exists() and stem.with_suffix(".aff").exists():
                found.setdefault(name, stem)
                break
    if language != "en" and found:
        return [next(iter(found.values()))]  # one Spanish, one Arabic dictionary is enough
    return list(found.values())


def find_dictionary(language: str, dirs: Sequence[Path] = DICTIONARY_DIRS) -> Path | None:
    """The first .dic/.aff stem for a language, or None when it is not installed."""
    stems = find_dictionaries(language, dirs)
    return stems[0] if stems else None


class _AnyOf:
    """Several spellings of one language (American and British English): known to either is known."""

    def __init__(self, dictionaries: list[Any]) -> None:
        self.dictionaries = dictionaries

    def lookup(self, word: str) -> bool:
        return any(d.lookup(word) for d in self.dictionaries)

    def suggest(self, word: str) -> Iterable[str]:
        for dictionary in self.dictionaries:
            yield from dictionary.suggest(word)


_loaded: dict[str, Any] = {}
_loaded_lock = threading.Lock()


def load_dictionary(stem: str) -> Any:
    """A Hunspell dictionary, read once per process however many checkers use it."""
    with _loaded_lock:
        if stem not in _loaded:
            from spylls.hunspell import Dictionary  # slow import; only when checking

            _loaded[stem] = Dictionary.from_files(stem)
        return _loaded[stem]


def script_of(word: str) -> str:
    return "ar" if _ARABIC.search(word) else "latin"


class Lookups(Protocol):
    """Dictionaries read somewhere else (spelling_process.SpellingProcess: a child
    process), asked a language's words at a time."""

    def load(self, language: str) -> bool:
        """Read the language's dictionary now; False when it is not installed."""
        ...

    def known(self, language: str, words: list[str]) -> list[bool]: ...

    def suggest(self, language: str, word: str, limit: int = ...) -> list[str]: ...


_CACHED_WORDS = 50_000


class SpellChecker:
    """Thread-safe; each dictionary is loaded once, when first needed: here, or by
    `lookups` when the checker is given one."""

    def __init__(
        self,
        languages: Sequence[str] = ("en", "es", "ar"),
        *,
        house_words: Iterable[str] = (),
        dictionary_dirs: Sequence[Path] = DICTIONARY_DIRS,
        lookups: Lookups | None = None,
    ) -> None:
        self.languages = tuple(languages)
        self.dictionary_dirs = tuple(dictionary_dirs)
        self.house_words = set(HOUSE_WORDS) | {w.strip().lower() for w in house_words if w.strip()}
        self._dictionaries: dict[str, Any] = {}
        self._lock = threading.Lock()
        self.missing: list[str] = []  # languages whose dictionary is not installed
        self._cache: dict[str, bool] = {}  # word -> known to a dictionary
        self.lookups = lookups
        self._lookups_loaded: set[str] = set()

    def look_up_in(self, lookups: Lookups) -> None:
        """From now on ask `lookups`, not dictionaries read in this process."""
        with self._lock:
            if self.lookups is not lookups:
                self.lookups, self._lookups_loaded = lookups, set()
                self._cache.clear()

    # --- dictionaries --------------------------------------------------------
    def dictionary(self, language: str) -> Any | None:
        with self._lock:
            if language in self._dictionaries:
                return self._dictionaries[language]
            stems = find_dictionaries(language, self.dictionary_dirs)
            found: Any = None
            if not stems:
                self.missing.append(language)
            elif len(stems) == 1:
                found = load_dictionary(str(stems[0]))
            else:
                found = _AnyOf([load_dictionary(str(stem)) for stem in stems])
            self._dictionaries[language] = found
            return found

    def ready(self) -> bool:
        """Every dictionary is loaded (or known to be missing): checks will not wait."""
        loaded = self._dictionaries if self.lookups is None else self._lookups_loaded
        return all(language in loaded for language in self.languages)

    def preload(self) -> None:
        lookups = self.lookups
        for language in self.languages:
            if lookups is None:
                self.dictionary(language)
                continue
            if not lookups.load(language) and language not in self.missing:
                self.missing.append(language)
            self._lookups_loaded.add(language)

    def _languages_for(self, word: str) -> list[str]:
        if script_of(word) == "ar":
            return [lang for lang in self.languages if lang == "ar"]
        return [lang for lang in self.languages if lang != "ar"]

    def _known(self, word: str) -> bool:
        known = self._cache.get(word)
        if known is None:
            known = self._known_uncached(word)
            self._remember({word: known})
        return known

    def _remember(self, answers: dict[str, bool]) -> None:
        if len(self._cache) + len(answers) > _CACHED_WORDS:
            self._cache.clear()
        self._cache.update(answers)

    def _known_uncached(self, word: str) -> bool:
        if self.lookups is not None:
            return self._ask_lookups([word])[word]
        candidates = [word]
        if script_of(word) == "ar":
            bare = _ARABIC_MARKS.sub("", word)
            candidates = [bare] if bare == word else [word, bare]
        languages = self._languages_for(word)
        usable = [d for d in (self.dictionary(lang) for lang in languages) if d is not None]
        if not usable:
            return True  # no dictionary for this script: we cannot call anything wrong
        return any(d.lookup(c) for d in usable for c in candidates)

    def _ask_lookups(self, words: list[str]) -> dict[str, bool]:
        """Each word known to any of its script's languages, one request per language
        (the child tries an Arabic word without its vowel marks itself)."""
        assert self.lookups is not None
        known = {word: not self._languages_for(word) for word in words}
        for language in self.languages:
            asked = [w for w in words if not known[w] and language in self._languages_for(w)]
            if asked:
                answers = self.lookups.known(language, asked)
                known.update((w, True) for w, k in zip(asked, answers, strict=True) if k)
        return known

    # --- checking ------------------------------------------------------------
    def add_word(self, word: str) -> None:
        self.house_words.add(word.strip().lower())

    def is_known(self, word: str) -> bool:
        asked = self._dictionary_word(word)
        return asked is None or self._known(asked)

    def _dictionary_word(self, word: str) -> str | None:
        """The word as a dictionary is asked it; None when none need be: a house word,
        an acronym (AFP, UN), a single letter."""
        word = word.replace("’", "'")
        if word.lower() in self.house_words or len(word) < 2 or word.isupper():
            return None
        return word

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) for every word in the text: what a highlighter underlines."""
        return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]

    def misspelt(self, text: str, trusted: Sequence[str] = ()) -> list[str]:
        """The likely misspellings in the text, in order, each once."""
        trusted_words = {w.lower() for name in trusted for _, _, w in self.words(name)}
        words = [w for _, _, w in self.words(text) if w.lower() not in trusted_words]
        if self.lookups is not None:  # every new word in one request, not one each
            asked = {self._dictionary_word(w) for w in words} - {None} - self._cache.keys()
            self._remember(self._ask_lookups(sorted(w for w in asked if w is not None)))
        found: list[str] = []
        for word in words:
            if word in found:
                continue
            if not self.is_known(word):
                found.append(word)
        return found

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Dictionary suggestions (slow: a tenth of a second or more)."""
        out: list[str] = []
        for language in self._languages_for(word):
            if self.lookups is not None:
                out += [s for s in self.lookups.suggest(language, word, limit) if s not in out]
                if len(out) >= limit:
                    return out[:limit]
                continue
            dictionary = self.dictionary(language)
            if dictionary is None:
                continue
            for suggestion in dictionary.suggest(word):
                if suggestion not in out:
                    out.append(suggestion)
                if len(out) >= limit:
                    return out
        return out


def read_word_list(path: Path) -> list[str]:
    """A house word list: one word a line, # for comments; missing file = empty list."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


_shared: SpellChecker | None = None
_shared_lock = threading.Lock()


def shared_checker() -> SpellChecker:
    """One checker per process, so each dictionary is read once."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SpellChecker()
        return _shared
