"""The QWebEngineView side of the preview: a private profile, no JavaScript, no network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRect, QSize, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QResizeEvent
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from ...render.page import RenderedPage
from ...services.preview import PreviewSource
from .interceptor import LocalOnlyInterceptor
from .scheme import PAGE_PREFIX, SCHEME_BYTES, SchemeHandler


class PreviewPage(QWebEnginePage):
    """Loads only the pages the pane hands it; a clicked link is reported, not followed."""

    linkActivated = Signal(QUrl)  # noqa: N815 (Qt signal naming)

    def acceptNavigationRequest(  # noqa: N802 (Qt API)
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if url.toString().split("#")[0] == self.url().toString().split("#")[0]:
                return True  # footnote jumps inside the page
            self.linkActivated.emit(url)
            return False
        return url.toString().startswith(PAGE_PREFIX)


def _locked_down_profile() -> QWebEngineProfile:
    profile = QWebEngineProfile()  # no storage name: off the record, nothing on disk
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    settings = profile.settings()
    attr = QWebEngineSettings.WebAttribute
    for name, on in (
        (attr.JavascriptEnabled, False),
        (attr.JavascriptCanOpenWindows, False),
        (attr.JavascriptCanAccessClipboard, False),
        (attr.LocalContentCanAccessRemoteUrls, False),
        (attr.LocalContentCanAccessFileUrls, False),
        (attr.PluginsEnabled, False),
        (attr.DnsPrefetchEnabled, False),
        (attr.NavigateOnDropEnabled, False),
        (attr.AutoLoadImages, True),
        (attr.ErrorPageEnabled, False),
        (attr.WebGLEnabled, False),
        (attr.PdfViewerEnabled, False),
    ):
        settings.setAttribute(name, on)
    return profile


class WebStage(QWidget):
    """Holds the view at the chosen CSS width, zoomed down when the pane is narrower."""

    loaded = Signal(bool)
    linkActivated = Signal(QUrl)  # noqa: N815
    pdfExported = Signal(str, bool)  # noqa: N815
    crashed = Signal(str)

    def __init__(self, source: PreviewSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewStage")
        self.setStyleSheet("#previewStage { background: #d9dce0; }")
        self.css_width = 1280
        # Ownership makes teardown safe: view -> page -> profile -> interceptor and
        # scheme handler, so the page goes before its profile, the profile before
        # the objects it calls.
        self.profile = _locked_down_profile()
        self.interceptor = LocalOnlyInterceptor(self.profile)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self.scheme_handler = SchemeHandler(self._photo_file, self.profile)
        self.profile.installUrlSchemeHandler(SCHEME_BYTES, self.scheme_handler)
        self.source = source
        self.view = QWebEngineView(self)
        self.page = PreviewPage(self.profile, self.view)
        self.profile.setParent(self.page)
        self.view.setPage(self.page)
        self.page.linkActivated.connect(self.linkActivated)
        self.page.loadFinished.connect(self._on_load_finished)
        self.page.pdfPrintingFinished.connect(self.pdfExported)
        self.page.renderProcessTerminated.connect(self._on_renderer_gone)
        self._restore_fraction: float | None = None
        self.load_count = 0

    def _photo_file(self, uuid: str) -> Path | None:
        photo = self.source.photo(uuid)
        return None if photo is None else photo.path

    # --- geometry: the CSS viewport is exactly the chosen width ----------------------------
    def set_css_width(self, width: int) -> None:
        self.css_width = width
        self._place_view()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._place_view()

    def _place_view(self) -> None:
        available = max(1, self.width())
        if available >= self.css_width:
            zoom, width = 1.0, self.css_width
        else:
            zoom, width = max(0.25, available / self.css_width), available
        self.view.setZoomFactor(zoom)
        left = (available - width) // 2
        self.view.setGeometry(QRect(left, 0, width, self.height()))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(820, 900)

    # --- pages -------------------------------------------------------------------------
    def show_page(self, page: RenderedPage) -> None:
        if not page.anchor:
            # Keep the reader where they were, in proportion to the new length.
            height = self.page.contentsSize().height()
            y = self.page.scrollPosition().y()
            self._restore_fraction = (y / height) if height > 0 else None
        else:
            self._restore_fraction = None
        url = self.scheme_handler.set_page(page.html)
        if page.anchor:
            url.setFragment(page.anchor)
        self.view.load(url)

    def _on_load_finished(self, ok: bool) -> None:
        self.load_count += 1
        if ok and self._restore_fraction:
            # The page's own scripts are off; this runs in the app's isolated world.
            self.page.runJavaScript(
                f"window.scrollTo(0, {self._restore_fraction:f}"
                " * document.documentElement.scrollHeight);",
                QWebEngineScript.ScriptWorldId.ApplicationWorld,
            )
        self.loaded.emit(ok)

    def scroll_y(self) -> float:
        return float(self.page.scrollPosition().y())

    def scroll_to(self, point: QPointF) -> None:
        self.page.runJavaScript(
            f"window.scrollTo({point.x()}, {point.y()});",
            QWebEngineScript.ScriptWorldId.ApplicationWorld,
        )

    def print_pdf(self, path: str) -> None:
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
        )
        self.page.printToPdf(path, layout)

    def _on_renderer_gone(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        if status != QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            self.crashed.emit(f"its renderer ended: {status.name}, code {code}")
