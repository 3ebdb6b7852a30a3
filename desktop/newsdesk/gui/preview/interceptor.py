"""Blocks every request the preview makes to anything but the app's own scheme."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from .urls import SCHEME

log = logging.getLogger(__name__)
MAX_LOGGED = 2000


@dataclass(frozen=True)
class BlockedRequest:
    url: str
    resource_type: str
    first_party: str


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Lets `newsdesk:` through and blocks (and records) everything else."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()  # Qt may call from its IO thread
        self.blocked: list[BlockedRequest] = []
        self.allowed = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt API)
        url = info.requestUrl()
        if url.scheme() == SCHEME:
            with self._lock:
                self.allowed += 1
            return
        info.block(True)
        entry = BlockedRequest(
            url=url.toString(),
            resource_type=info.resourceType().name,
            first_party=info.firstPartyUrl().toString(),
        )
        with self._lock:
            self.blocked.append(entry)
            del self.blocked[:-MAX_LOGGED]  # bounded: keep the latest
        log.info("preview blocked %s request to %s", entry.resource_type, entry.url)

    def blocked_urls(self) -> list[str]:
        with self._lock:
            return [b.url for b in self.blocked]
