"""Adding a site: the login is verified, the role shown, the password kept only in a keyring."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from newsdesk.ops.sites import add_site
from newsdesk.sync import credentials
from newsdesk.sync.client import WordPressClient
from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.errors import AuthError, ConfigError, MissingPasswordError, NoKeyringError

from .helpers import write

pytestmark = pytest.mark.wordpress


@pytest.mark.parametrize("role", ["administrator", "editor", "author", "contributor"])
def test_adding_a_site_verifies_and_shows_the_role(store, wordpress, role, memory_keyring):
    user = wordpress.users[role]
    added = add_site(store, "en", wordpress.url, user.login, user.app_password)
    site, login, kept = added.site, added.login, added.kept
    assert login.role == role and site.role == role
    assert kept == "keyring"
    assert memory_keyring.get_password(f"newsdesk:{wordpress.url}", user.login) == user.app_password
    assert login.warnings and "plain http" in login.warnings[0]
    assert not login.has_plugin


def test_the_plugin_is_detected(store, wordpress_plugin):
    user = wordpress_plugin.users["editor"]
    login = add_site(store, "en", wordpress_plugin.url, user.login, user.app_password).login
    assert login.has_plugin and store.sites.by_name("en").has_plugin


def test_a_wrong_password_is_reported_as_such_and_nothing_is_kept(store, wordpress, memory_keyring):
    with pytest.raises(AuthError, match="application password for editor .* was rejected"):
        add_site(store, "en", wordpress.url, "editor", "abcd efgh ijkl mnop qrst uvwx")
    assert store.sites.list() == []
    assert memory_keyring.secrets == {}


def test_plain_http_to_another_host_is_refused():
    with pytest.raises(ConfigError, match="plain http"):
        WordPressClient("http://news.example.org", "u", "p")


def test_a_missing_ca_bundle_is_named():
    with pytest.raises(ConfigError, match="/nowhere/ca.pem"):
        WordPressClient("https://news.example.org", "u", "p", ca_bundle="/nowhere/ca.pem")


def test_tls_is_verified_against_an_untrusted_certificate(tmp_path):
    # A TLS server with a self-signed certificate: the client must refuse it.
    import http.server
    import ssl
    import subprocess
    import threading

    key, cert = tmp_path / "k.pem", tmp_path / "c.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.handle_request, daemon=True).start()
    from newsdesk.sync.errors import NetworkError

    url = f"https://127.0.0.1:{server.server_address[1]}"
    with pytest.raises(NetworkError, match="CERTIFICATE_VERIFY_FAILED|certificate"):
        WordPressClient(url, "u", "p", timeout=5).me()
    # ...and trusts it when its CA is given explicitly (the allowed custom bundle).
    threading.Thread(target=server.handle_request, daemon=True).start()
    with WordPressClient(url, "u", "p", ca_bundle=str(cert), timeout=5) as client:
        response = client.http.get("/")  # the TLS handshake succeeded; the toy server says 501
    assert response.status_code == 501
    server.server_close()


def test_without_a_keyring_it_says_so_and_keeps_the_password_for_the_session_only(
    store, wordpress, tmp_path
):
    keyring.set_keyring(fail.Keyring())
    user = wordpress.users["editor"]
    assert not credentials.keyring_available()
    with pytest.raises(NoKeyringError, match="No password keyring is available"):
        add_site(store, "en", wordpress.url, user.login, user.app_password)
    assert store.sites.list() == []
    added = add_site(store, "en", wordpress.url, user.login, user.app_password, session_only=True)
    site, kept = added.site, added.kept
    assert kept == "session"
    write(store, headline="Session only")
    assert SyncEngine(store).sync().ok  # usable for this session
    credentials.forget_password(site.url, site.username)
    with pytest.raises(MissingPasswordError):
        credentials.get_password(site.url, site.username)


def test_the_password_is_written_nowhere(store, wordpress, tmp_path):
    user = wordpress.users["editor"]
    add_site(store, "en", wordpress.url, user.login, user.app_password)
    write(store, headline="Grep me not", body="Body.")
    assert SyncEngine(store).sync().ok
    store.conn.execute("PRAGMA wal_checkpoint(FULL)")
    secret = user.app_password.encode()
    squeezed = user.app_password.replace(" ", "").encode()
    leaks = [
        path
        for path in store.folder.rglob("*")
        if path.is_file() and (secret in path.read_bytes() or squeezed in path.read_bytes())
    ]
    assert leaks == []
    # The log table and settings (the site row) too, as text.
    dump = "\n".join(str(tuple(r)) for r in store.conn.execute("SELECT * FROM sync_log"))
    dump += "\n".join(str(tuple(r)) for r in store.conn.execute("SELECT * FROM sites"))
    assert user.app_password not in dump and user.app_password.replace(" ", "") not in dump
