"""PreviewPane: the article page in a locked-down QWebEngineView, following the editor.

Typing never waits for the preview: `show_article` only restarts a timer. When
the timer fires (150 ms after the last change) the store is read on the UI
thread (cached, cheap) and the Markdown + template render runs through
`run_task` on the pane's pool of one; the finished page comes back on the main
thread and the newest one wins.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.article import Article
from ...render.page import PageOptions, RenderedPage
from ...render.splice import PageText
from ...services.preview import PreviewSource, export_article_html, render_preview
from ...store import Store
from .. import theme
from ..tasks import run_task
from .fallback import FallbackBrowser
from .urls import (  # noqa: F401 (the env names: tests set them)
    NO_WEBENGINE_ENV,
    ROOT_SANDBOX_ENV,
    STATIC_PREFIX,
    scheme_registered,
    webengine_refused,
)

log = logging.getLogger(__name__)

# CSS widths the site's responsive rules are written for.
WIDTHS = {"desktop": 1280, "tablet": 820, "phone": 390}
DEBOUNCE_MS = 150


def webengine_available() -> tuple[bool, str]:
    """Whether QtWebEngine can be used here, and why not."""
    refused = webengine_refused()
    if refused:
        return False, refused
    try:
        from PySide6 import QtWebEngineWidgets  # noqa: F401
    except ImportError as exc:  # missing libraries (e.g. libnss3) on this system
        return False, str(exc)
    if not scheme_registered():
        return False, "its newsdesk: scheme was not registered before the application started"
    return True, ""


class PreviewPane(QWidget):
    """The whole article page as the site shows it, at desktop, tablet or phone width."""

    rendered = Signal(int)  # generation whose page was handed to the view
    pageLoaded = Signal(bool)  # noqa: N815 (Qt signal naming)
    linkActivated = Signal(QUrl)  # noqa: N815 - a link clicked in the page (not followed)
    pdfExported = Signal(str, bool)  # noqa: N815

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        source: PreviewSource | None = None,
        debounce_ms: int = DEBOUNCE_MS,
        use_webengine: bool | None = None,
        defer_web: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.source = source or PreviewSource(store)
        self.mode = "desktop"
        self._mode_chosen = False  # by the user; until then the first showing picks
        self.last_page: RenderedPage | None = None
        self._article: Article | None = None
        self._editor: QWidget | None = None
        self._provider: Callable[[], Article] | None = None  # the followed editor's article()
        self._rendered_article: Article | None = None
        self._cursor: tuple[int | None, float] = (None, 0.3)
        self._generation = 0
        self._shown_generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one render at a time; newer ones supersede
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start_render)

        # Deferred: whether QtWebEngine loads is found out after the first paint too.
        defer_web = defer_web and use_webengine is not False and not webengine_refused()
        if defer_web:
            available, reason = scheme_registered(), "its newsdesk: scheme was not registered"
        else:
            available, reason = webengine_available()
        if use_webengine is False:
            available, reason = False, "turned off"
        self.web = None
        self.fallback: FallbackBrowser | None = None
        self._standing_notice = ""  # stays above the page while the fallback is in use
        self.notice = QLabel(self)
        self.notice.setObjectName("previewNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._build_toolbar()
        self._stand_in: QWidget | None = None
        self._render_after_paint = False
        if available and defer_web:
            # Starting QtWebEngine (Chromium) takes longer than the rest of the window:
            # an empty page stands in until the window has painted (see _web_after_paint).
            self._stand_in = stage = QWidget(self)
            stage.setObjectName("previewStandIn")
            stage.setAutoFillBackground(True)
            stage.installEventFilter(self)
        elif available:
            stage = self._make_web()
        else:
            self.fallback = FallbackBrowser(self.source, self)
            stage = self.fallback
            self._standing_notice = (
                f"The full preview (QtWebEngine) is not available ({reason}); "
                "showing a simplified page."
            )
            self._show_notice(self._standing_notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(stage, 1)
        self._layout = layout

    def _make_web(self) -> QWidget:
        from .web import WebStage

        self.web = WebStage(self.source, self)
        self.web.loaded.connect(self.pageLoaded)
        self.web.linkActivated.connect(self.linkActivated)
        self.web.pdfExported.connect(self.pdfExported)
        self.web.crashed.connect(self._fall_back)
        return self.web

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self._stand_in and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.build_web)  # once this paint is on screen
        return super().eventFilter(watched, event)

    def build_web(self) -> None:
        """Put the full preview (QtWebEngine) in place of its stand-in, with the last page."""
        stand_in, self._stand_in = self._stand_in, None
        if stand_in is None:
            return
        available, reason = webengine_available()
        if available:
            stage = self._make_web()
            self.web.set_css_width(WIDTHS[self.mode])  # type: ignore[union-attr]
        else:
            self.fallback = stage = FallbackBrowser(self.source, self)
            self.fallback.setMaximumWidth(WIDTHS[self.mode])
            self._standing_notice = (
                f"The full preview (QtWebEngine) is not available ({reason}); "
                "showing a simplified page."
            )
            self._show_notice(self._standing_notice)
        self._layout.replaceWidget(stand_in, stage)
        stand_in.hide()
        stand_in.deleteLater()
        if self.last_page is not None:
            stage.show_page(self.last_page)  # type: ignore[attr-defined]
        if self._render_after_paint:
            self._render_after_paint = False
            self.render_now()

    # --- toolbar -----------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = QWidget(self)
        self.toolbar.setObjectName("previewToolbar")
        # The chosen width must read as chosen whatever the app's style sheet says.
        theme.style(
            self.toolbar,
            "#previewToolbar QPushButton:checked { background: #0b2a4a; color: #ffffff; }",
        )
        row = QHBoxLayout(self.toolbar)
        row.setContentsMargins(6, 4, 6, 4)
        self.width_buttons = QButtonGroup(self)
        for mode in WIDTHS:
            button = QPushButton(mode.capitalize(), self.toolbar)
            button.setCheckable(True)
            button.setChecked(mode == self.mode)
            button.setToolTip(f"Preview at {WIDTHS[mode]} px, the site's {mode} layout")
            button.clicked.connect(lambda _=False, m=mode: self.set_width_mode(m))
            self.width_buttons.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        # One menu button keeps the toolbar narrow enough to sit beside the editor.
        self.export_button = QPushButton("Export", self.toolbar)
        self.export_button.setToolTip("Export the previewed page as HTML (photos beside it) or PDF")
        menu = QMenu(self.export_button)
        self.export_html_action = menu.addAction("Standalone HTML…", self._ask_export_html)
        self.export_pdf_action = menu.addAction("PDF…", self._ask_export_pdf)
        self.export_button.setMenu(menu)
        row.addWidget(self.export_button)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if not self._mode_chosen:
            # First showing: the layout that fits the pane, until the user picks one
            # (desktop zoomed into a narrow pane is a thumbnail, not a preview).
            width = self.width()
            fits = "desktop" if width >= 1000 else "tablet" if width >= 700 else "phone"
            self.set_width_mode(fits, chosen=False)

    def set_width_mode(self, mode: str, *, chosen: bool = True) -> None:
        if mode not in WIDTHS:
            raise ValueError(f"unknown preview width {mode!r}; choose one of {', '.join(WIDTHS)}")
        self.mode = mode
        self._mode_chosen = self._mode_chosen or chosen
        for button in self.width_buttons.buttons():
            button.setChecked(button.text().lower() == mode)
        if self.web is not None:
            self.web.set_css_width(WIDTHS[mode])
        elif self.fallback is not None:
            self.fallback.setMaximumWidth(WIDTHS[mode])

    # --- following the editor -------------------------------------------------------
    @Slot(object)
    def show_article(
        self, article: Article, cursor_line: int | None = None, cursor_fraction: float = 0.3
    ) -> None:
        """Preview `article` shortly; cheap enough to call on every keystroke.

        `cursor_line` (0-based line in the body) is the part being edited: the
        preview keeps it at `cursor_fraction` of its height, as in the editor.
        """
        self._article = article
        self._provider = None
        self._cursor = (cursor_line, cursor_fraction)
        self._timer.start()

    def follow(self, editor: QWidget) -> None:
        """Follow an ArticleEditor: an opened article shows at once, typing after a pause.

        Each keystroke only restarts the debounce timer; the article is taken
        from the editor (and the cursor read) when the timer fires, so a burst
        of typing costs one render.
        """
        self._editor = editor
        editor.articleOpened.connect(self._editor_opened)  # type: ignore[attr-defined]
        changed = getattr(editor, "contentChanged", None) or editor.articleEdited  # type: ignore[attr-defined]
        changed.connect(self._editor_changed)
        followed = getattr(editor, "articleFollowed", None)  # changed elsewhere, now shown
        if followed is not None:
            followed.connect(self._editor_changed)

    @Slot(object)
    def _editor_opened(self, article: Article) -> None:
        self._provider = None
        self.show_article(article, *self._editor_cursor())
        self.render_now()

    @Slot()
    def _editor_changed(self, *_args: object) -> None:
        self._provider = self._editor.article  # type: ignore[union-attr]
        self._timer.start()

    def _editor_cursor(self) -> tuple[int | None, float]:
        body = getattr(self._editor, "body_edit", None)
        if body is None or not body.hasFocus():
            return None, 0.3
        cursor = body.textCursor()
        height = max(1, body.viewport().height())
        fraction = min(0.9, max(0.0, body.cursorRect(cursor).center().y() / height))
        return cursor.blockNumber(), fraction

    def render_now(self) -> None:
        """Skip the debounce (an article opened, tests, export of what is on screen).

        While the window has not painted yet (QtWebEngine's stand-in is up) the render
        waits for the paint: the page cannot show before QtWebEngine starts, after the
        paint, and the render's work (Markdown and Jinja2 imported on first use) would
        hold the interpreter that the paint needs."""
        if self._article is not None:
            self._timer.stop()
            self._start_render()

    def refresh(self) -> None:
        """Captions, photos or other articles changed: read them again."""
        self.source.forget_photos()
        if self._article is not None:
            self.show_article(self._article, *self._cursor)

    def _start_render(self) -> None:
        if self._stand_in is not None:  # the window has not painted yet: see render_now
            self._render_after_paint = True
            return
        if self._provider is not None:
            try:
                self._article = self._provider()  # already a fresh copy
            except RuntimeError:  # the editor has closed its article
                return
            self._cursor = self._editor_cursor()
        if self._article is None:
            return
        article = self._article.copy()  # the editor keeps changing its own object
        article.id, article.uuid = self._article.id, self._article.uuid
        line, fraction = self._cursor
        try:
            context = self.source.context_for(article)  # store reads stay on this thread
        except Exception as exc:  # e.g. the store closed under a late timer: say so, no crash
            log.exception("preview could not read the store")
            self._show_notice(f"The preview could not read the store: {exc}")
            return
        options = PageOptions(
            line_anchors=True,
            scroll_line=line,
            scroll_fraction=fraction,
            asset_base=STATIC_PREFIX,
        )
        self._generation += 1
        self._rendered_article = article
        generation = self._generation

        def failed(exc: Exception) -> None:  # shown in the pane's notice line; never lost
            log.error("preview render failed:\n%s", getattr(exc, "__traceback_text__", exc))
            self._on_rendered(generation, exc)

        # What the page holds now: the splice from it is worked out on the render thread too.
        base = self.web.page_text if self.web is not None else None

        def render() -> tuple[RenderedPage, PageText | None]:
            # Markdown + template off the UI thread: pure work on copies, no store, no widgets.
            page = render_preview(article, context, options)
            return page, (PageText.of(page, base) if base is not None else None)

        run_task(
            render,
            lambda result: self._on_rendered(generation, result),
            failed,
            owner=self,
            pool=self._pool,
        )

    def _on_rendered(self, generation: int, result: object) -> None:
        if generation < self._shown_generation:
            return  # an older render finished late: the newer page is already shown
        self._shown_generation = generation
        if isinstance(result, Exception):
            self._show_notice(f"The preview could not be rendered: {result}")
            return
        page, update = result  # type: ignore[misc]
        self.last_page = page
        lines = [self._standing_notice, *page.notices]
        if any(lines):
            self._show_notice(" ".join(line for line in lines if line))
        else:
            self.notice.hide()
        if self.web is not None:
            self.web.show_page(page, update)
        elif self.fallback is not None:
            self.fallback.show_page(page)
        self.rendered.emit(generation)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        theme.style(self.notice, "background:#fff4d6;color:#5c4300;padding:4px 8px;")
        self.notice.show()

    @Slot(str)
    def _fall_back(self, reason: str) -> None:
        """The page's renderer died: keep working with the simple view."""
        if self.web is None:
            return
        self.fallback = FallbackBrowser(self.source, self)
        self._layout.replaceWidget(self.web, self.fallback)
        self.web.hide()
        self.web.deleteLater()
        self.web = None
        self._standing_notice = f"The full preview stopped ({reason}); showing a simplified page."
        self._show_notice(self._standing_notice)
        if self.last_page is not None:
            self.fallback.show_page(self.last_page)

    # --- export -----------------------------------------------------------------------
    @property
    def current_article(self) -> Article | None:
        return self._rendered_article or self._article

    def export_html(self, path: Path | str) -> Path:
        """The previewed article as a standalone HTML file with its photos beside it."""
        article = self.current_article
        if article is None:
            raise ValueError("Nothing to export: no article is being previewed.")
        return export_article_html(self.store, article, path, library=self.source.library)

    def export_pdf(self, path: Path | str) -> None:
        """Print the previewed page to PDF; `pdfExported(path, ok)` follows."""
        self.build_web()  # asked for before the window painted: start it now
        if self.web is None:
            raise RuntimeError("PDF export needs QtWebEngine, which is not available here.")
        self.web.print_pdf(str(path))

    def _ask_export_html(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        name, _ = QFileDialog.getSaveFileName(self, "Export HTML", "", "HTML (*.html)")
        if name:
            try:
                written = self.export_html(name)
            except (OSError, ValueError) as exc:
                QMessageBox.warning(self, "Export HTML", f"Could not export: {exc}")
            else:
                self._show_notice(f"Exported {written} (photos in {written.stem}_files).")

    def _ask_export_pdf(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, "Export PDF", "", "PDF (*.pdf)")
        if name:
            self.export_pdf(name)
