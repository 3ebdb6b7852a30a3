"""Passwords stay with their site: only a real keyring, clean addresses, no proxy for
loopback, the keyring written after the site row. Against the real WordPress."""

from __future__ import annotations

import socket
import threading

import httpx
import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring

from newsdesk.ops.sites import add_site
from newsdesk.store import StoreError
from newsdesk.sync import credentials
from newsdesk.sync.client import WordPressClient, normalise_url
from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.errors import ConfigError, MissingPasswordError, NetworkError, NoKeyringError

from .helpers import write
from .memory_keyring import MemoryKeyring

pytestmark = pytest.mark.wordpress


@pytest.fixture
def plaintext_keyring(tmp_path):
    """keyrings.alt's plain-text file backend, writing into the test's folder."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    return backend


# --- what counts as "the keyring" --------------------------------------------------


def test_a_plain_text_keyring_is_no_keyring_and_says_so(store, wordpress, plaintext_keyring):
    user = wordpress.users["editor"]
    assert not credentials.keyring_available()
    message = credentials.no_keyring_message()
    assert "keyrings.alt.file.PlaintextKeyring" in message and "this session" in message
    with pytest.raises(NoKeyringError, match="PlaintextKeyring"):
        add_site(store, "en", wordpress.url, user.login, user.app_password)
    assert store.sites.list() == []
    added = add_site(store, "en", wordpress.url, user.login, user.app_password, session_only=True)
    site, kept = added.site, added.kept
    assert kept == "session"
    write(store, headline="Kept for the session")
    assert SyncEngine(store).sync().ok
    # The file backend was never written to, nor read from.
    from pathlib import Path

    path = Path(plaintext_keyring.file_path)
    assert not path.exists() or user.app_password not in path.read_text()
    plaintext_keyring.set_password(f"newsdesk:{site.url}", site.username, "planted")
    credentials._session.clear()  # a new process
    with pytest.raises(MissingPasswordError, match="PlaintextKeyring"):
        credentials.get_password(site.url, site.username)


class UnknownKeyring(keyring.backend.KeyringBackend):
    """A third-party backend Newsdesk knows nothing about: it may well be a file."""

    priority = 2  # type: ignore[assignment]

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("never trusted with a password")

    def delete_password(self, service, username):
        pass


@pytest.mark.parametrize(
    ("backend", "said"),
    [
        (fail.Keyring, "No password keyring is available"),
        (null.Keyring, "No password keyring is available"),
        (UnknownKeyring, "test_site_passwords.UnknownKeyring"),
    ],
)
def test_fail_null_and_unknown_backends_are_no_keyring(backend, said):
    keyring.set_keyring(backend())
    assert not credentials.keyring_available()
    with pytest.raises(NoKeyringError, match=said):
        credentials.save_password("https://news.example.org", "u", "secret")
    assert said in credentials.no_keyring_message()


def test_a_chain_is_narrowed_to_its_real_keyrings(monkeypatch, tmp_path):
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "keyring_pass.cfg")
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [plain])
    keyring.set_keyring(ChainerBackend())
    assert not credentials.keyring_available()  # a chain of only file backends
    assert "PlaintextKeyring" in credentials.no_keyring_message()

    memory = MemoryKeyring()
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [plain, memory])
    plain.set_password("newsdesk:https://news.example.org", "old", "from a file")
    assert credentials.keyring_available()
    assert credentials.save_password("https://news.example.org", "u", "secret") == "keyring"
    assert memory.secrets == {("newsdesk:https://news.example.org", "u"): "secret"}
    assert "secret" not in (tmp_path / "keyring_pass.cfg").read_text()
    with pytest.raises(MissingPasswordError):  # the file's copy is not read either
        credentials.get_password("https://news.example.org", "old")


def test_the_in_memory_keyring_counts_as_a_real_one(memory_keyring):
    assert credentials.keyring_available()
    assert credentials.save_password("https://news.example.org", "u", "s") == "keyring"


# --- the site's address --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://editor:hunter2@news.example.org",
        "https://editor@news.example.org",
        "editor:hunter2@news.example.org",
        "http://editor:hunter2@127.0.0.1:8080",
    ],
)
def test_an_address_with_user_info_is_refused_without_repeating_it(url):
    with pytest.raises(ConfigError, match="user name or password") as caught:
        normalise_url(url)
    assert "hunter2" not in str(caught.value) and "editor" not in str(caught.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://news.example.org/?rest_route=/",
        "https://news.example.org/wp?x=1",
        "https://news.example.org/#top",
        "https://news.example.org/?",
    ],
)
def test_an_address_with_a_query_or_fragment_is_refused(url):
    with pytest.raises(ConfigError, match="query .* or a fragment"):
        normalise_url(url)


def test_a_clean_address_is_accepted():
    assert normalise_url(" https://news.example.org/wp/ ")[0] == "https://news.example.org/wp"


def test_add_site_refuses_user_info_before_sending_anything(store, wordpress, memory_keyring):
    user = wordpress.users["editor"]
    host_url = wordpress.url.replace("http://", f"http://{user.login}:{user.app_password}@")
    with pytest.raises(ConfigError):
        add_site(store, "en", host_url, user.login, user.app_password)
    assert store.sites.list() == [] and memory_keyring.secrets == {}


# --- proxies ---------------------------------------------------------------------------


class ProxyRecorder:
    """A listening socket standing in for a proxy: it records every first request line."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.lines: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    head = conn.recv(4096).decode("latin-1")
                except OSError:
                    head = ""
                self.lines.append(head.split("\r\n", 1)[0])
                conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.server.close()


@pytest.fixture
def proxy_env(monkeypatch):
    recorder = ProxyRecorder()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, recorder.url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield recorder
    recorder.close()


def test_a_loopback_plain_http_site_never_goes_through_the_proxy(store, wordpress, proxy_env):
    # The recorder works: a client that reads the environment goes to it.
    with httpx.Client(timeout=5) as plain:
        plain.get(wordpress.url + "/wp-json/")
    assert proxy_env.lines and proxy_env.lines[0].startswith("GET http://127.0.0.1")
    proxy_env.lines.clear()

    user = wordpress.users["editor"]
    add_site(store, "en", wordpress.url, user.login, user.app_password)
    write(store, headline="Not via the proxy")
    report = SyncEngine(store).sync()
    assert report.ok and len(report.pushed) == 1, report
    assert proxy_env.lines == []  # the Basic auth never went to the proxy


def test_an_https_site_honours_the_environments_proxy(proxy_env):
    # Corporate proxies: an https site is reached through a CONNECT tunnel, so the
    # proxy sees the host name but never the password.
    client = WordPressClient("https://news.example.invalid", "editor", "secret", timeout=5)
    with client, pytest.raises(NetworkError):  # the recorder answers 502 to the CONNECT
        client.me()
    assert proxy_env.lines == ["CONNECT news.example.invalid:443 HTTP/1.1"]


# --- the order of writes -------------------------------------------------------------


def test_a_failing_store_write_leaves_no_password_behind(store, wordpress, memory_keyring):
    editor, author = wordpress.users["editor"], wordpress.users["author"]
    add_site(store, "en", wordpress.url, editor.login, editor.app_password)
    with pytest.raises(StoreError, match="already exists"):
        add_site(store, "en", wordpress.url, author.login, author.app_password)
    assert set(memory_keyring.secrets) == {(f"newsdesk:{wordpress.url}", editor.login)}
    assert [s.username for s in store.sites.list()] == [editor.login]


class LockedKeyring(MemoryKeyring):
    """A keyring that refuses to store (a locked wallet, a dismissed prompt)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the wallet is locked")


def test_a_failing_keyring_write_takes_the_site_row_back_out(store, wordpress):
    keyring.set_keyring(LockedKeyring())
    user = wordpress.users["editor"]
    with pytest.raises(NoKeyringError, match="locked"):
        add_site(store, "en", wordpress.url, user.login, user.app_password)
    assert store.sites.list() == []
