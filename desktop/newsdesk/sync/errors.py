"""Named failures, each with a message a person can act on."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """Something went wrong talking to a site. `transient` ones are retried."""

    transient = False


class ConfigError(SyncError):
    """A site's settings are unusable (bad URL, plain http to a remote host, bad CA file)."""


class NoKeyringError(SyncError):
    """No OS keyring is available to keep a password in."""


class MissingPasswordError(SyncError):
    """The keyring holds no password for this site (and none was kept for the session)."""


class AuthError(SyncError):
    """The server rejected the user name or application password."""


class RefusedError(SyncError):
    """The server understood and said no (permissions, bad data): retrying will not help."""

    def __init__(self, message: str, code: str = "", status: int = 0, data: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        self.data = data if isinstance(data, dict) else {}  # the error's `data`, as sent


class NotFoundOnServer(SyncError):
    """The post or media item is gone from the server."""


class StaleWriteError(SyncError):
    """The companion plugin refused a write: the post changed since our base."""

    def __init__(self, message: str, modified_gmt: str) -> None:
        super().__init__(message)
        self.modified_gmt = modified_gmt


class NetworkError(SyncError):
    """The server could not be reached, or the answer was lost: retry later."""

    transient = True


class ServerBusyError(SyncError):
    """5xx or 429: the server is there but not well; retry later."""

    transient = True
