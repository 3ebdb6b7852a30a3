"""The QWebEngineView side of the preview: a private profile, no JavaScript, no network."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QEvent, QMarginsF, QObject, QRect, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QResizeEvent, QShowEvent
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication, QWidget

from ...render.page import RenderedPage
from ...render.splice import PageText
from ...services.preview import PreviewSource
from .. import theme
from .interceptor import LocalOnlyInterceptor
from .scheme import SchemeHandler
from .urls import PAGE_PREFIX, SCHEME_BYTES

# Runs in the app's isolated world. The new document is parsed inert (DOMParser
# runs no scripts and the page's own JavaScript is off anyway), then the body is
# morphed into it: only the nodes that differ are replaced, so Chromium lays out and
# paints the edited paragraph, not the whole article, and photos stay decoded. The
# scroll keeps the edited block where the editor has it. The page's text is kept
# (window.ndPage) so that the next update need carry only what changed (_SPLICE_SCRIPT).
_SHOW_SCRIPT = """(function () {
  function morph(was, now) {
    if (was.isEqualNode(now)) { return; }
    if (was.nodeType !== 1 || now.nodeType !== 1 || was.nodeName !== now.nodeName) {
      was.replaceWith(document.adoptNode(now));
      return;
    }
    var i, a;
    for (i = was.attributes.length - 1; i >= 0; i--) {
      a = was.attributes[i];
      if (!now.hasAttribute(a.name)) { was.removeAttribute(a.name); }
    }
    for (i = 0; i < now.attributes.length; i++) {
      a = now.attributes[i];
      if (was.getAttribute(a.name) !== a.value) { was.setAttribute(a.name, a.value); }
    }
    var o = Array.prototype.slice.call(was.childNodes);
    var n = Array.prototype.slice.call(now.childNodes);
    var head = 0, o_end = o.length, n_end = n.length;
    while (head < o_end && head < n_end && o[head].isEqualNode(n[head])) { head++; }
    while (o_end > head && n_end > head && o[o_end - 1].isEqualNode(n[n_end - 1])) {
      o_end--; n_end--;
    }
    if (o_end - head === n_end - head) {
      for (i = head; i < o_end; i++) { morph(o[i], n[i]); }
      return;
    }
    var before = o_end < o.length ? o[o_end] : null;
    for (i = head; i < o_end; i++) { was.removeChild(o[i]); }
    for (i = head; i < n_end; i++) { was.insertBefore(document.adoptNode(n[i]), before); }
  }
  window.ndShow = function (html, anchor, fraction) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    if (!document.body || !doc.body) { return false; }
    var root = document.documentElement, height = root.scrollHeight || 1;
    var keep = window.scrollY / height;
    root.lang = doc.documentElement.lang;
    root.dir = doc.documentElement.dir;
    document.title = doc.title;
    morph(document.body, doc.body);
    window.ndPage = html;
    var el = anchor ? document.getElementById(anchor) : null;
    if (el) {
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY
                         - fraction * window.innerHeight);
    } else {
      window.scrollTo(0, keep * root.scrollHeight);
    }
    return true;
  };
  return window.ndShow(%(html)s, %(anchor)s, %(fraction)s);
})()"""

# The next version as a splice of the last: a few hundred bytes whatever the length.
_SPLICE_SCRIPT = """(function () {
  var old = window.ndPage;
  if (typeof old !== 'string' || old.length !== %(old_length)d || !window.ndShow) {
    return false;
  }
  var html = old.slice(0, %(start)d) + %(text)s + old.slice(%(old_end)d);
  return window.ndShow(html, %(anchor)s, %(fraction)s);
})()"""


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
        theme.style(self, "#previewStage { background: #d9dce0; }")  # around the page
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
        self._watched_window: QWidget | None = None
        self._activation_tries = 0
        self._loading = False
        self._patchable = False  # a page of ours is loaded: later versions swap in place
        self.load_count = 0
        self.patch_count = 0
        self.splice_count = 0  # updates sent as a splice of the page's last text
        # The text the page's script world holds (window.ndPage), once a patch set it.
        self.page_text: str | None = None

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
        # Modest: beside the editor the preview should not squeeze the writing column.
        return QSize(460, 800)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(320, 200)

    # --- pages -------------------------------------------------------------------------
    def show_page(self, page: RenderedPage, update: PageText | None = None) -> None:
        """Show a new version of the page.

        The first version loads through the scheme; later ones are patched in
        place (from the app's isolated world: the page's own scripts stay off),
        which skips a navigation, keeps photos and fonts decoded and never
        flashes a blank page while the reporter types. `update` is the page's
        text for patching and, when it was made against what the page holds
        now, the splice from that (worked out off the UI thread).
        """
        url = self.scheme_handler.set_page(page.html)
        if self._patchable and not self._loading:
            self._patch(page, update or PageText.of(page, None))
            return
        self.page_text = None
        if not page.anchor:
            # Keep the reader where they were, in proportion to the new length.
            height = self.page.contentsSize().height()
            y = self.page.scrollPosition().y()
            self._restore_fraction = (y / height) if height > 0 else None
        else:
            self._restore_fraction = None
        if page.anchor:
            url.setFragment(page.anchor)
        self._loading = True
        self.view.load(url)

    def _patch(self, page: RenderedPage, update: PageText) -> None:
        where = {"anchor": json.dumps(page.anchor), "fraction": f"{page.scroll_fraction:f}"}
        change = update.change if update.base is not None else None
        if change is not None and update.base is self.page_text:
            script = _SPLICE_SCRIPT % {
                **where,
                "old_length": change.old_length,
                "start": change.start,
                "old_end": change.old_end,
                "text": json.dumps(change.text),
            }
            self.splice_count += 1
        else:
            script = _SHOW_SCRIPT % {**where, "html": json.dumps(update.text)}
        # The page holds this text once the script has run (scripts run in order).
        self.page_text = update.text

        def done(ok: object) -> None:
            if ok is True:
                self.patch_count += 1
                self.loaded.emit(True)
            elif change is not None and self.page_text is update.text:
                # The page lost its copy (a navigation, a crash): send it whole.
                self.page_text = None
                self._patch(page, PageText(update.text, None, None))
            else:  # the page was not what we thought (navigated away?): load it whole
                self._patchable = False
                self.page_text = None
                self.show_page(page)

        self.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, done)

    def _on_load_finished(self, ok: bool) -> None:
        self.load_count += 1
        self.page_text = None  # a fresh document: its script world holds nothing yet
        self._loading = False
        self._patchable = ok and self.page.url().toString().startswith(PAGE_PREFIX)
        if ok and self._restore_fraction:
            # The page's own scripts are off; this runs in the app's isolated world.
            self.page.runJavaScript(
                f"window.scrollTo(0, {self._restore_fraction:f}"
                " * document.documentElement.scrollHeight);",
                QWebEngineScript.ScriptWorldId.ApplicationWorld,
            )
        self.loaded.emit(ok)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        top = self.window()
        if top is not self and top is not self._watched_window:
            top.installEventFilter(self)
            self._watched_window = top

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The first web view in a window makes Qt re-create the window's native
        surface for GPU compositing. Where no window manager hands keyboard
        activation back (Xvfb, kiosks), the window would stay inactive and its
        shortcuts dead: take activation back when the native window changes."""
        if (
            event.type() == QEvent.Type.WinIdChange
            and isinstance(watched, QWidget)
            and QApplication.activeWindow() in (None, watched)
        ):
            self._activation_tries = 20  # the new native window maps a little later
            QTimer.singleShot(50, self, self._reactivate)
        return False

    def _reactivate(self) -> None:
        window = self._watched_window
        if window is None or not window.isVisible() or QApplication.activeWindow() is window:
            return
        if QApplication.activeWindow() is None:
            window.activateWindow()
        self._activation_tries -= 1
        if self._activation_tries > 0:
            QTimer.singleShot(100, self, self._reactivate)

    def scroll_y(self) -> float:
        return float(self.page.scrollPosition().y())

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
