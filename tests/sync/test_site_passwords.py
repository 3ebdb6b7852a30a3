"""Passwords stay with their site: only a real keyring, clean addresses, no proxy for
loopback, the keyring written after the site row. Against the real WordPress."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyrings.alt.file import PlaintextKeyring

from newsdesk.sync import credentials
from newsdesk.sync.engine import SyncEngine, add_site
from newsdesk.sync.errors import MissingPasswordError, NoKeyringError

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
    site, _, kept = add_site(
        store, "en", wordpress.url, user.login, user.app_password, session_only=True
    )
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
