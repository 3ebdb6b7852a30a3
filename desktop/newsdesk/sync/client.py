"""A small WordPress REST client on httpx: Basic auth with an application password.

TLS is always verified (a custom CA bundle may be given; there is no switch to
turn checking off). Plain http is accepted only for a loopback address, and
then `warnings` says so; a loopback site is never reached through a proxy.
"""

from __future__ import annotations

import functools
import ipaddress
import itertools
import json
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from .errors import (
    AuthError,
    ConfigError,
    NetworkError,
    NotFoundOnServer,
    RefusedError,
    ServerBusyError,
    StaleWriteError,
)

USER_AGENT = "Newsdesk/0.1 (+https://example.invalid/newsdesk)"
BASE_HEADER = "X-Newsdesk-Base-Modified"
VERSION_HEADER = "X-Newsdesk-Base-Version"
PER_PAGE = 100  # WordPress's ceiling (101 answers 400)
BATCH_LIMIT = 25  # /batch/v1 takes at most 25 requests

# WordPress error codes in the words a newsroom uses.
_PLAIN_WORDS = {
    "rest_cannot_publish": "{role}s cannot publish",
    "rest_cannot_create": "{role}s cannot create this",
    "rest_cannot_edit": "{role}s cannot edit this post",
    "rest_cannot_edit_others": "{role}s cannot edit other people's posts",
    "rest_cannot_assign_term": "{role}s cannot assign these categories",
    "rest_cannot_create_term": "{role}s cannot create categories",
    "rest_cannot_delete": "{role}s cannot delete this",
}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def normalise_url(url: str) -> tuple[str, list[str]]:
    """The site URL without a trailing slash, plus warnings; ConfigError when unusable."""
    url = url.strip().rstrip("/")
    # Checked first, and never echoed: what precedes '@' may be a password.
    if "@" in url:
        raise ConfigError(
            "The site address holds a user name or password (before '@'): remove it. "
            "The user name is asked separately and the password is never part of an address."
        )
    if "?" in url or "#" in url:
        # The password's keyring entry is named by the address; a query or fragment
        # would also be glued in front of every REST path.
        raise ConfigError(
            f"{url.split('?')[0].split('#')[0]}: the site address must not have a query "
            "('?...') or a fragment ('#...'); give only https://host/path."
        )
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        raise ConfigError("The site address contains spaces or control characters.")
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # e.g. an unclosed IPv6 bracket
        raise ConfigError(f"{url!r} is not a web address ({exc}).") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"{url!r} is not a web address (it should start with https://).")
    warnings = []
    if parts.scheme == "http":
        if not is_loopback(parts.hostname):
            raise ConfigError(
                f"{url} uses plain http: the password would cross the network readable by "
                "anyone. Use https:// (plain http is allowed only for this computer, 127.0.0.1)."
            )
        warnings.append(
            f"{url} uses plain http: acceptable only because it is this computer (loopback)."
        )
    return url, warnings


@dataclass
class RequestCounter:
    """Counts what went over the wire (the benchmarks report it)."""

    requests: int = 0


@functools.cache
def _system_trust() -> ssl.SSLContext:
    """The system's CA store, loaded once per process (it costs ~70 ms each time)."""
    import os

    import certifi

    # As httpx does: SSL_CERT_FILE wins, else certifi's bundle.
    return ssl.create_default_context(cafile=os.environ.get("SSL_CERT_FILE") or certifi.where())


def _server_date(response: httpx.Response) -> str:
    """The Date header as WordPress's GMT format ('' when absent or unreadable)."""
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError, IndexError):
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


class WordPressClient:
    first_page_date = ""
    first_page_total = 0

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        ca_bundle: str = "",
        site_name: str = "",
        role: str = "",
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url, self.warnings = normalise_url(url)
        self.user = user
        self.site_name = site_name or self.url
        self.role = role or "user"
        verify: Any = _system_trust()
        if ca_bundle:
            if not Path(ca_bundle).is_file():
                raise ConfigError(f"The CA bundle {ca_bundle} for {self.site_name} does not exist.")
            # The bundle is trusted *instead of* the system's, as a private CA wants.
            verify = ssl.create_default_context(cafile=ca_bundle)
        self.counter = RequestCounter()
        self._count_lock = threading.Lock()
        self.http = httpx.Client(
            base_url=self.url + "/wp-json",
            auth=(user, password),
            verify=verify,
            timeout=timeout,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            transport=transport,
            # The environment's proxy (HTTP(S)_PROXY, ALL_PROXY) and .netrc: never for
            # this computer, where plain http would hand the Basic auth to the proxy in
            # clear; kept for https sites, whose proxy sees only a CONNECT tunnel.
            trust_env=not is_loopback(urlsplit(self.url).hostname or ""),
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> WordPressClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the one place requests go out --------------------------------------
    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        with self._count_lock:
            self.counter.requests += 1
        try:
            response = self.http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise NetworkError(
                f"{self.site_name} did not answer in time ({method} {path})."
            ) from exc
        except httpx.TransportError as exc:
            raise NetworkError(f"{self.site_name} cannot be reached: {exc}") from exc
        if response.status_code < 400:
            return response
        raise self._error(response, method, path)

    def _error(self, response: httpx.Response, method: str, path: str) -> Exception:
        try:
            body = response.json()
        except ValueError:
            body = {}
        reason = response.reason_phrase
        return self.describe(response.status_code, body, method, path, reason)

    def describe(
        self, status: int, body: Any, method: str, path: str, reason: str = ""
    ) -> Exception:
        """The named error for a WordPress error answer (also one inside a batch)."""
        if not isinstance(body, dict):
            body = {}
        code = str(body.get("code", ""))
        message = str(body.get("message", "")) or reason or str(status)
        if status == 401:
            return AuthError(
                f"The application password for {self.user} at {self.site_name} was rejected."
            )
        if status == 409 and code == "newsdesk_stale_write":
            data = body.get("data") or {}
            return StaleWriteError(message, str(data.get("modified_gmt", "")))
        if status == 404 and code in ("rest_post_invalid_id", "rest_invalid_post_id", ""):
            return NotFoundOnServer(f"{self.site_name}: {method} {path} is not there any more.")
        if status == 429 or status >= 500:
            return ServerBusyError(f"{self.site_name} answered {status}: {message}")
        plain = _PLAIN_WORDS.get(code, "").format(role=self.role)
        for taxonomy in ("categories", "tags", "media"):
            if code == "rest_cannot_create" and f"/wp/v2/{taxonomy}" in path:
                plain = f"{self.role}s cannot create {taxonomy}"
        return RefusedError(
            f"The server refused: {plain or message}" + (f" ({code})" if code else ""),
            code=code,
            status=status,
            data=body.get("data"),
        )

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params).json()

    def post(self, path: str, data: dict[str, Any], **kwargs: Any) -> Any:
        return self.request("POST", path, json=data, **kwargs).json()

    def delete(self, path: str, **params: Any) -> Any:
        return self.request("DELETE", path, params=params).json()

    # --- what the engine asks -------------------------------------------------
    def me(self) -> dict[str, Any]:
        """Who we are logged in as (fails with AuthError on a wrong password)."""
        me = self.get("/wp/v2/users/me", context="edit")
        if not isinstance(me, dict) or "id" not in me:
            raise RefusedError(f"{self.site_name} did not answer as a WordPress site would.")
        return me

    def plugin_info(self) -> dict[str, Any] | None:
        """The companion plugin's /newsdesk/v1/info, or None when the site has none."""
        try:
            info = self.get("/newsdesk/v1/info")
        except (NotFoundOnServer, RefusedError):
            return None
        if isinstance(info, dict) and info.get("plugin") == "newsdesk-sync":
            return info
        return None

    def has_plugin(self) -> bool:
        return self.plugin_info() is not None

    def plugin_meta_schema(self) -> int:
        """0 without the plugin; 1 for plugin 1.x (public meta keys); 2+ protected keys."""
        info = self.plugin_info()
        if info is None:
            return 0
        try:
            return max(1, int(info.get("meta_schema", 1)))
        except (TypeError, ValueError):
            return 1

    def pages(self, path: str, params: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
        """Every page of a collection, following X-WP-TotalPages.

        `first_page_date` is the server's clock (the Date header) when the first
        page was answered: a pull's safe high-water mark.
        """
        page = 1
        while True:
            response = self.request(
                "GET", path, params={**params, "per_page": PER_PAGE, "page": page}
            )
            if page == 1:
                self.first_page_date = _server_date(response)
            items = response.json()
            yield items
            total_pages = int(response.headers.get("X-WP-TotalPages", "1") or 1)
            if page >= total_pages or not items:
                return
            page += 1

    def pages_ahead(
        self, path: str, params: dict[str, Any], workers: int = 2, start_page: int = 1
    ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        """Like `pages`, with up to `workers` pages in flight, yielded in order as
        (page number, items), from `start_page` on.

        The first page asked says how many there are; the next ones are asked for
        ahead, so the server works on them while we store this one, but never more
        than `workers` ahead: a slow store must not fill memory with the archive.
        """
        from collections import deque
        from concurrent.futures import Future, ThreadPoolExecutor

        def fetch(page: int) -> httpx.Response:
            return self.request("GET", path, params={**params, "per_page": PER_PAGE, "page": page})

        first = fetch(start_page)
        self.first_page_date = _server_date(first)
        self.first_page_total = int(first.headers.get("X-WP-Total", "0") or 0)
        total_pages = int(first.headers.get("X-WP-TotalPages", "1") or 1)
        items: list[dict[str, Any]] = first.json()
        yield start_page, items
        following = iter(range(start_page + 1, total_pages + 1))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="newsdesk-page") as pool:
            ahead: deque[tuple[int, Future[httpx.Response]]] = deque(
                (page, pool.submit(fetch, page)) for page in itertools.islice(following, workers)
            )
            try:
                while ahead:
                    page, future = ahead.popleft()
                    items = future.result().json()
                    nxt = next(following, None)
                    if nxt is not None:
                        ahead.append((nxt, pool.submit(fetch, nxt)))
                    yield page, items
            finally:
                for _, future in ahead:
                    future.cancel()

    def batch(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """POST /batch/v1 (at most 25); returns each sub-response {status, body}."""
        body = {"validation": "normal", "requests": requests}
        answer = self.request(
            "POST",
            "/batch/v1",
            content=json.dumps(body),
            headers={"Content-Type": "application/json"},
        ).json()
        responses: list[dict[str, Any]] = answer.get("responses", [])
        return responses

    def upload_media(
        self, filename: str, data: bytes, mime: str, fields: dict[str, str]
    ) -> dict[str, Any]:
        response = self.request(
            "POST",
            "/wp/v2/media",
            files={"file": (filename, data, mime)},
            data=fields,
        )
        result: dict[str, Any] = response.json()
        return result
