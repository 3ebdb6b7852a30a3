"""Likely misspellings in English, Arabic and Spanish, from the system's Hunspell dictionaries.

Dictionaries are read with spylls (a pure-Python Hunspell) from /usr/share/hunspell
(Debian's hunspell-en-us and -en-gb, hunspell-ar, hunspell-es), each loaded on first use: the
Arabic one takes seconds. A word is a likely misspelling when no edition's
dictionary for its script knows it, it is not in the house word list, and it is
not one of the photo's own trusted names (creator, place). Acronyms and words
with digits are left alone. Nothing here imports Qt: the editor's as-you-type
checking reuses it.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

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


class SpellChecker:
    """Thread-safe; each dictionary is loaded once, when first needed."""

    def __init__(
        self,
        languages: Sequence[str] = ("en", "es", "ar"),
        *,
        house_words: Iterable[str] = (),
        dictionary_dirs: Sequence[Path] = DICTIONARY_DIRS,
    ) -> None:
        self.languages = tuple(languages)
        self.dictionary_dirs = tuple(dictionary_dirs)
        self.house_words = set(HOUSE_WORDS) | {w.strip().lower() for w in house_words if w.strip()}
        self._dictionaries: dict[str, Any] = {}
        self._lock = threading.Lock()
        self.missing: list[str] = []  # languages whose dictionary is not installed
        self._known = lru_cache(maxsize=50_000)(self._known_uncached)

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
        return all(language in self._dictionaries for language in self.languages)

    def preload(self) -> None:
        for language in self.languages:
            self.dictionary(language)

    def _languages_for(self, word: str) -> list[str]:
        if script_of(word) == "ar":
            return [lang for lang in self.languages if lang == "ar"]
        return [lang for lang in self.languages if lang != "ar"]

    def _known_uncached(self, word: str) -> bool:
        candidates = [word]
        if script_of(word) == "ar":
            bare = _ARABIC_MARKS.sub("", word)
            candidates = [bare] if bare == word else [word, bare]
        languages = self._languages_for(word)
        usable = [d for d in (self.dictionary(lang) for lang in languages) if d is not None]
        if not usable:
            return True  # no dictionary for this script: we cannot call anything wrong
        return any(d.lookup(c) for d in usable for c in candidates)

    # --- checking ------------------------------------------------------------
    def add_word(self, word: str) -> None:
        self.house_words.add(word.strip().lower())

    def is_known(self, word: str) -> bool:
        word = word.replace("’", "'")
        if word.lower() in self.house_words:
            return True
        if len(word) < 2 or word.isupper():
            return True  # acronyms (AFP, UN) and single letters
        return bool(self._known(word))

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) for every word in the text: what a highlighter underlines."""
        return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]

    def misspelt(self, text: str, trusted: Sequence[str] = ()) -> list[str]:
        """The likely misspellings in the text, in order, each once."""
        trusted_words = {w.lower() for name in trusted for _, _, w in self.words(name)}
        found: list[str] = []
        for _, _, word in self.words(text):
            if word.lower() in trusted_words or word in found:
                continue
            if not self.is_known(word):
                found.append(word)
        return found

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Dictionary suggestions (slow: a tenth of a second or more)."""
        out: list[str] = []
        for language in self._languages_for(word):
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
