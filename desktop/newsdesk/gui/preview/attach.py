"""Putting the preview beside the reporter's editor in the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from .pane import PreviewPane

if TYPE_CHECKING:
    from ..main_window import MainWindow

ARTICLE_LINK = "newsdesk://app/article/"


def attach_preview(window: MainWindow) -> PreviewPane:
    """A PreviewPane following `window.editor`, placed with `window.set_preview`.

    Links in the page: another story's card opens that story in the editor; a
    web link opens in the user's browser, never inside the preview.
    """
    pane = PreviewPane(window.store, defer_web=True)  # QtWebEngine starts after the first paint
    pane.follow(window.editor)
    window.set_preview(pane)
    splitter = window.reporter_splitter
    if splitter.count() == 3:
        # list | editor | preview: the writing column keeps the most room.
        total = max(sum(splitter.sizes()), 900)
        splitter.setSizes([int(total * 0.20), int(total * 0.50), int(total * 0.30)])
    editor = window.editor
    if editor.article_id is not None:  # opened before the pane existed
        pane.show_article(editor.article())
        pane.render_now()

    def follow_link(url: QUrl) -> None:
        text = url.toString()
        if text.startswith(ARTICLE_LINK):
            article_id = window.store.articles.find_id(text.removeprefix(ARTICLE_LINK))
            if article_id is not None:
                window.list_pane.select_article(article_id)
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    pane.linkActivated.connect(follow_link)
    # Captions show in the page: a photo desk's edit reaches it.
    window.changes.changed.connect(lambda what, _who: pane.refresh() if what.photos else None)
    # A saved story may be another's Read Next card: read the cards again next time.
    window.session.saved.connect(lambda *_: pane.source.forget_photos())
    return pane
