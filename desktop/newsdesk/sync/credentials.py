"""Application passwords: in the OS keyring, or (when there is none) in memory for this session.

Never anywhere else: not the store, not the settings, not the log.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from .errors import MissingPasswordError, NoKeyringError

SERVICE_PREFIX = "newsdesk:"

NO_KEYRING_MESSAGE = (
    "No password keyring is available on this computer (on Linux this usually means no "
    "Secret Service such as GNOME Keyring or KWallet is running). Newsdesk never writes "
    "passwords to a file, so the password can only be kept for this session: you will be "
    "asked again next time."
)

# Process memory only: what the user allowed to keep "for this session".
_session: dict[tuple[str, str], str] = {}


def _service(url: str) -> str:
    return SERVICE_PREFIX + url.rstrip("/")


def keyring_available() -> bool:
    backend: KeyringBackend = keyring.get_keyring()
    # fail.Keyring (priority 0) and null.Keyring (negative) are what keyring
    # picks when nothing real exists.
    return float(getattr(backend, "priority", 0)) > 0 and "fail" not in type(backend).__module__


def save_password(url: str, user: str, password: str, *, session_only: bool = False) -> str:
    """Keep the password; returns where: 'keyring' or 'session'.

    Without a keyring and without `session_only`, raises NoKeyringError with
    the plain-words message, so the caller can ask the user.
    """
    if not session_only and keyring_available():
        try:
            keyring.set_password(_service(url), user, password)
            _session.pop((_service(url), user), None)
            return "keyring"
        except keyring.errors.KeyringError as exc:
            raise NoKeyringError(f"{NO_KEYRING_MESSAGE} ({exc})") from exc
    if not session_only:
        raise NoKeyringError(NO_KEYRING_MESSAGE)
    _session[(_service(url), user)] = password
    return "session"


def get_password(url: str, user: str, site_name: str = "") -> str:
    kept = _session.get((_service(url), user))
    if kept is not None:
        return kept
    if keyring_available():
        try:
            found = keyring.get_password(_service(url), user)
        except keyring.errors.KeyringError:
            found = None
        if found is not None:
            return found
    label = site_name or url
    raise MissingPasswordError(
        f"No password is kept for {user} at {label}: add the site again (or pass --password-stdin)."
    )


def forget_password(url: str, user: str) -> None:
    _session.pop((_service(url), user), None)
    if keyring_available():
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(_service(url), user)
