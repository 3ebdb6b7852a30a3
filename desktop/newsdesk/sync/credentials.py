"""Application passwords: in the OS keyring, or (when there is none) in memory for this session.

Never anywhere else: not the store, not the settings, not the log, and not a
"keyring" that is really a file (keyrings.alt's plain-text or home-made
encrypted files): those count as no keyring at all.
"""

from __future__ import annotations

import contextlib

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend

from .errors import MissingPasswordError, NoKeyringError

SERVICE_PREFIX = "newsdesk:"

NO_KEYRING_MESSAGE = (
    "No password keyring is available on this computer (on Linux this usually means no "
    "Secret Service such as GNOME Keyring or KWallet is running). Newsdesk never writes "
    "passwords to a file, so the password can only be kept for this session: you will be "
    "asked again next time."
)

UNSAFE_KEYRING_MESSAGE = (
    "The password keyring found ({name}) is not the system's own (GNOME Keyring, KWallet, "
    "macOS Keychain, Windows Credential Manager): it may keep passwords in a plain file, and "
    "Newsdesk never lets a password reach a file. The password can only be kept for this "
    "session: you will be asked again next time."
)

# The keyring project's own backends for the operating system's secret stores.
# Anything else (keyrings.alt's files, fail/null, unknown third parties) is not
# trusted with a password: an allow-list, because a plain-text backend does not
# say that it is one.
_OS_KEYRINGS = frozenset(
    "keyring.backends." + name
    for name in ("SecretService.Keyring", "libsecret.Keyring", "kwallet.DBusKeyring",
                 "kwallet.DBusKeyringKWallet4", "macOS.Keyring", "Windows.WinVaultKeyring")
)  # fmt: skip
# What keyring picks when there is nothing at all: "no keyring", not a file.
_NOTHING = frozenset({"keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"})

# Process memory only: what the user allowed to keep "for this session".
_session: dict[tuple[str, str], str] = {}


def _service(url: str) -> str:
    return SERVICE_PREFIX + url.rstrip("/")


def _priority(backend: KeyringBackend) -> float:
    try:
        return float(backend.priority)
    except Exception:  # a backend whose service is absent raises instead of answering
        return -1.0


def _is_os_keyring(backend: KeyringBackend) -> bool:
    """The system's secret store, or a backend that declares it keeps secrets off the disk
    (only code written for Newsdesk does: the tests' in-memory keyring)."""
    if getattr(type(backend), "newsdesk_keeps_no_file", False) is True:
        return True
    return _name(backend) in _OS_KEYRINGS


def _name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _members(chosen: KeyringBackend) -> list[KeyringBackend]:
    return list(chosen.backends) if isinstance(chosen, ChainerBackend) else [chosen]


def _backend() -> KeyringBackend | None:
    """The keyring to use, or None. A chain is narrowed to its OS members, so that neither
    a read nor a write (which falls through on failure) ever reaches a file backend."""
    chosen: KeyringBackend = keyring.get_keyring()
    if isinstance(chosen, ChainerBackend):
        # Its members are the viable ones (priority > 0), highest first.
        return next((b for b in chosen.backends if _is_os_keyring(b)), None)
    # Asking the priority checks the service is there (it costs a D-Bus call).
    return chosen if _is_os_keyring(chosen) and _priority(chosen) > 0 else None


def keyring_available() -> bool:
    return _backend() is not None


def no_keyring_message() -> str:
    """Why there is no keyring, in plain words (for the CLI, the window and errors)."""
    members = _members(keyring.get_keyring())
    files = [_name(b) for b in members if not _is_os_keyring(b) and _name(b) not in _NOTHING]
    if not files:
        return NO_KEYRING_MESSAGE
    return UNSAFE_KEYRING_MESSAGE.format(name=", ".join(files))


def save_password(url: str, user: str, password: str, *, session_only: bool = False) -> str:
    """Keep the password; returns where: 'keyring' or 'session'.

    Without a keyring and without `session_only`, raises NoKeyringError with
    the plain-words message, so the caller can ask the user.
    """
    backend = None if session_only else _backend()
    if backend is not None:
        try:
            backend.set_password(_service(url), user, password)
            _session.pop((_service(url), user), None)
            return "keyring"
        except keyring.errors.KeyringError as exc:
            raise NoKeyringError(f"{NO_KEYRING_MESSAGE} ({exc})") from exc
    if not session_only:
        raise NoKeyringError(no_keyring_message())
    _session[(_service(url), user)] = password
    return "session"


def get_password(url: str, user: str, site_name: str = "") -> str:
    kept = _session.get((_service(url), user))
    if kept is not None:
        return kept
    backend = _backend()
    if backend is not None:
        try:
            found = backend.get_password(_service(url), user)
        except keyring.errors.KeyringError:
            found = None
        if found is not None:
            return found
    label = site_name or url
    why = "" if backend is not None else " " + no_keyring_message().split(". ")[0] + "."
    raise MissingPasswordError(
        f"No password is kept for {user} at {label}: add the site again (or pass "
        f"--site {site_name or 'NAME'} --password-stdin).{why}"
    )


def forget_password(url: str, user: str) -> None:
    _session.pop((_service(url), user), None)
    backend = _backend()
    if backend is not None:
        with contextlib.suppress(keyring.errors.KeyringError):
            backend.delete_password(_service(url), user)
