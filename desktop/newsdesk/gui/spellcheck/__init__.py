"""As-you-type spell checking for the article editor (and any other text edit).

    spelling = attach_spelling(window.editor, window.settings, window.store)

underlines misspellings in the body, headline and standfirst in the open
article's edition language, gives each a right-click menu with suggestions and
"Add to dictionary", and treats the words of every tag as known. Other desks
(captions) call `spelling.attach(text_edit, language)`. The photo captions'
checker (the photo desk's and the editor's photo checks) asks the same spelling
child, so no dictionary is read in the window's process.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTextEdit

from ...spelling_process import shared
from .highlighter import SpellingHighlighter, SpellingLayer, SpellingMarkdownHighlighter
from .menu import SpellingMenu
from .service import SpellingService

if TYPE_CHECKING:
    from ...store import Store
    from ..editor.editor import ArticleEditor
    from ..settings import Settings


START_DELAY_MS = 1500


class Spelling(QObject):
    """The editor's spelling: one service, a highlighter and a menu per field."""

    def __init__(self, service: SpellingService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.layers: dict[str, SpellingLayer] = {}
        self.menus: dict[str, SpellingMenu] = {}

    def attach(self, edit: QTextEdit, language: str = "", *, name: str = "") -> SpellingLayer:
        document = edit.document()
        was_blocked = document.blockSignals(True)
        try:
            highlighter = SpellingHighlighter(document, self.service)
            highlighter.rehighlight()
        finally:
            document.blockSignals(was_blocked)
        return self._register(edit, highlighter.spelling, language, name)

    def attach_markdown(
        self, edit: QTextEdit, language: str = "", *, name: str = ""
    ) -> SpellingLayer:
        """The body: replaces its Markdown highlighter (a document takes one) with one that underlines too."""
        old = getattr(edit, "highlighter", None)
        document = edit.document()
        # Swapping highlighters is not an edit: keep the editor from hearing "changed".
        was_blocked = document.blockSignals(True)
        try:
            if old is not None:
                old.setDocument(None)
            highlighter = SpellingMarkdownHighlighter(document, self.service)
            highlighter.on_screen = getattr(old, "on_screen", None)
            highlighter.rehighlight()
        finally:
            document.blockSignals(was_blocked)
        edit.highlighter = highlighter  # type: ignore[attr-defined]
        return self._register(edit, highlighter.spelling, language, name)

    def _register(
        self, edit: QTextEdit, layer: SpellingLayer, language: str, name: str
    ) -> SpellingLayer:
        key = name or edit.objectName() or str(id(edit))
        layer.follow_cursor(edit)
        self.layers[key] = layer
        self.menus[key] = SpellingMenu(edit, layer)
        layer.set_language(language)
        return layer

    def set_language(self, language: str) -> None:
        for layer in self.layers.values():
            layer.set_language(language)


def attach_spelling(editor: ArticleEditor, settings: Settings, store: Store) -> Spelling:
    service = SpellingService(settings.folder, settings.spelling_languages, parent=editor)
    # Checking starts once the window is up (see SpellingService.hold).
    service.hold()
    QTimer.singleShot(START_DELAY_MS, editor, service.release)
    spelling = Spelling(service, editor)
    spelling.attach_markdown(editor.body_edit, name="body")
    spelling.attach(editor.headline_edit, name="headline")
    spelling.attach(editor.standfirst_edit, name="standfirst")
    service.set_tag_names(store.tags.all_names())
    store.photos.spell.look_up_in(shared())

    def follow_edition(*_args: object) -> None:
        spelling.set_language(editor.edition_combo.currentData() or "")

    def article_opened(article: object) -> None:
        service.set_tag_names(getattr(article, "tags", []))
        follow_edition()

    editor.articleOpened.connect(article_opened)
    editor.edition_combo.currentIndexChanged.connect(follow_edition)
    editor.tags_edit.editingFinished.connect(lambda: service.set_tag_names(editor.tags_edit.tags()))
    settings.changed.connect(
        lambda key: (
            service.set_languages(settings.spelling_languages)
            if key == "spelling/languages"
            else None
        )
    )
    editor.destroyed.connect(service.stop)
    if editor.article_id is not None:
        article_opened(editor.article())
    editor.spelling = spelling  # type: ignore[attr-defined]
    return spelling


__all__ = [
    "Spelling",
    "SpellingHighlighter",
    "SpellingMarkdownHighlighter",
    "SpellingService",
    "attach_spelling",
]
