"""The app's own `newsdesk:` URL scheme: the only thing the preview may load.

newsdesk://app/page/<n>.html    the page being previewed (held in memory)
newsdesk://app/static/<file>    site.css and fonts from resources/preview
newsdesk://photo/<uuid>         a photo file from the store

Serving the page through the scheme (not setHtml) lifts setHtml's 2 MB limit,
and photos never become data: URLs.
"""

from __future__ import annotations

import mimetypes
import sqlite3
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from ...paths import resource_path
from ...store import StoreError
from .urls import PAGE_PREFIX, SCHEME, SCHEME_BYTES, mark_registered, scheme_registered

__all__ = ["PAGE_PREFIX", "SCHEME", "SCHEME_BYTES", "SchemeHandler", "register_scheme"]


def register_scheme() -> bool:
    """Declare `newsdesk:` to Chromium; True when the scheme is (now) usable.

    Chromium reads scheme declarations once, when the QApplication starts: a
    call after that is too late and does nothing (the preview then uses its
    simple view and says so).
    """
    if scheme_registered():
        return True
    if QCoreApplication.instance() is not None:
        return False
    scheme = QWebEngineUrlScheme(SCHEME_BYTES)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)
    mark_registered()
    return True


PhotoFile = Callable[[str], Path | None]


class SchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers newsdesk: requests from memory, resources/preview and the photo library."""

    def __init__(self, photo_file: PhotoFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.photo_file = photo_file
        self._static_root = resource_path("preview").resolve()
        self._pages: dict[str, bytes] = {}
        self._generation = 0
        # The latest requests answered, for tests and diagnostics (bounded: a long
        # session must not grow it forever).
        self.served: deque[str] = deque(maxlen=2000)

    def set_page(self, html: str) -> QUrl:
        """Hold `html` as the next page and return its URL (older pages are dropped)."""
        self._generation += 1
        name = f"{self._generation}.html"
        self._pages = {name: html.encode("utf-8")}
        return QUrl(PAGE_PREFIX + name)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt API)
        url = job.requestUrl()
        self.served.append(url.toString())
        host, path = url.host(), url.path().lstrip("/")
        if host == "photo":
            self._reply_photo(job, path)
        elif host == "app" and path.startswith("page/"):
            data = self._pages.get(path.removeprefix("page/"))
            if data is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            else:
                self._reply(job, b"text/html;charset=utf-8", data)
        elif host == "app" and path.startswith("static/"):
            self._reply_static(job, path.removeprefix("static/"))
        else:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)

    def _reply_photo(self, job: QWebEngineUrlRequestJob, uuid: str) -> None:
        try:
            path = self.photo_file(uuid) if uuid else None
        except (sqlite3.Error, StoreError):
            # A page still loading while its window closes asks a store already closed.
            path = None
        if path is None or not path.is_file():
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self._reply_file(job, path)

    def _reply_static(self, job: QWebEngineUrlRequestJob, relative: str) -> None:
        path = (self._static_root / relative).resolve()
        # Never serve outside resources/preview (no ../ escapes).
        if not path.is_relative_to(self._static_root) or not path.is_file():
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self._reply_file(job, path)

    def _reply_file(self, job: QWebEngineUrlRequestJob, path: Path) -> None:
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".css":
            mime = "text/css"
        elif path.suffix == ".ttf":
            mime = "font/ttf"
        try:
            data = path.read_bytes()
        except OSError:
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        self._reply(job, mime.encode(), data)

    def _reply(self, job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(job)  # owned by the job: freed when the request ends
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)
