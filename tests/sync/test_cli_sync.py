"""`newsdesk site add|list`, `newsdesk sync`, `newsdesk conflict` against the real WordPress."""

from __future__ import annotations

import io
import json

import keyring
import pytest
from keyring.backends import fail

from newsdesk.cli import main
from newsdesk.domain.article import Article
from newsdesk.store import open_store

pytestmark = pytest.mark.wordpress


def run(capsys, monkeypatch, data_dir, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_site_add_list_and_sync(tmp_path, capsys, monkeypatch, wordpress):
    user = wordpress.users["editor"]
    code, out, err = run(capsys, monkeypatch, tmp_path, "site", "add", "english-site",
                         "--url", wordpress.url, "--user", user.login, "--password-stdin",
                         stdin=user.app_password + "\n")  # fmt: skip
    assert code == 0, err
    assert "logged in as Editor Tester (editor)" in out and "OS keyring" in out
    assert "plain http" in err  # the visible warning
    code, out, _ = run(capsys, monkeypatch, tmp_path, "site", "list", "--json")
    assert json.loads(out)[0]["role"] == "editor"

    store = open_store(tmp_path)
    store.articles.create(Article(headline="From the command line", body="Body."))
    store.close()
    code, out, err = run(capsys, monkeypatch, tmp_path, "sync", "--json")
    assert code == 0, out + err
    report = json.loads(out)
    assert [p["headline"] for p in report["pushed"]] == ["From the command line"]
    assert report["failed"] == [] and report["conflicts"] == []
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 0 and "pushed: 0" in out and "failed: 0" in out


def test_a_wrong_password_is_named_and_exit_is_non_zero(tmp_path, capsys, monkeypatch, wordpress):
    code, out, err = run(capsys, monkeypatch, tmp_path, "site", "add", "en", "--url",
                         wordpress.url, "--user", "editor", "--password-stdin",
                         stdin="wrong wrong wrong wrong\n")  # fmt: skip
    assert code == 1
    assert "application password for editor at en was rejected" in err


def test_sync_exits_non_zero_on_failure_and_on_open_conflicts(
    tmp_path, capsys, monkeypatch, wordpress
):
    user = wordpress.users["contributor"]
    run(capsys, monkeypatch, tmp_path, "site", "add", "en", "--url", wordpress.url, "--user",
        user.login, "--password-stdin", stdin=user.app_password + "\n")  # fmt: skip
    store = open_store(tmp_path)
    store.articles.create(Article(headline="Contributor publishes", status="published"))
    store.close()
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 1
    assert "failed: 1" in out and "contributors cannot publish" in out


def test_conflicts_are_listed_resolved_and_then_sync_is_clean(
    tmp_path, capsys, monkeypatch, wordpress
):
    user = wordpress.users["editor"]
    run(capsys, monkeypatch, tmp_path, "site", "add", "en", "--url", wordpress.url, "--user",
        user.login, "--password-stdin", stdin=user.app_password + "\n")  # fmt: skip
    store = open_store(tmp_path)
    article = store.articles.create(Article(headline="Contested", body="One."))
    store.close()
    assert run(capsys, monkeypatch, tmp_path, "sync")[0] == 0
    store = open_store(tmp_path)
    rp = store.sync.remote_post(article.id, store.sites.list()[0].id)
    with wordpress.client("administrator") as web:
        web.post(f"/wp/v2/posts/{rp.remote_id}", json={"title": "Web title"})
    article = store.articles.get(article.id)
    article.headline = "Local title"
    store.articles.save(article)
    store.close()
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 1 and "conflicts: 1" in out and "headline" in out
    code, out, _ = run(capsys, monkeypatch, tmp_path, "conflict", "list", "--json")
    [conflict] = json.loads(out)
    assert conflict["fields"] == ["headline"]
    assert run(capsys, monkeypatch, tmp_path, "conflict", "resolve", str(conflict["id"]),
               "--take", "theirs")[0] == 0  # fmt: skip
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 0 and "conflicts: 0" in out


def test_without_a_keyring_it_says_so_and_sync_takes_the_password_on_stdin(
    tmp_path, capsys, monkeypatch, wordpress
):
    keyring.set_keyring(fail.Keyring())
    user = wordpress.users["author"]
    code, out, err = run(capsys, monkeypatch, tmp_path, "site", "add", "en", "--url",
                         wordpress.url, "--user", user.login, "--password-stdin",
                         stdin=user.app_password + "\n")  # fmt: skip
    assert code == 0
    assert "No password keyring is available" in err
    assert "memory for this session only" in out
    from newsdesk.sync import credentials

    credentials._session.clear()  # a new process: the session is gone
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 1 and "No password is kept" in out
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync", "--password-stdin",
                       stdin=user.app_password + "\n")  # fmt: skip
    assert code == 0, out
    secret = user.app_password.encode()
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and secret in p.read_bytes()]


def test_one_site_per_edition_with_its_own_category_names(
    tmp_path, capsys, monkeypatch, wordpress, wordpress_plugin
):
    for name, wp, edition in (
        ("english-site", wordpress, "en"),
        ("spanish-site", wordpress_plugin, "es"),
    ):
        user = wp.users["editor"]
        extra = ["--map", "News=Noticias", "--map", "Politics=Política"] if edition == "es" else []
        code, _, err = run(capsys, monkeypatch, tmp_path, "site", "add", name, "--url", wp.url,
                           "--user", user.login, "--edition", edition, *extra, "--password-stdin",
                           stdin=user.app_password + "\n")  # fmt: skip
        assert code == 0, err
    store = open_store(tmp_path)
    en = store.articles.create(Article(headline="English only", edition="en"))
    es = store.articles.create(Article(headline="Solo en español", edition="es", section="News",
                                       subsection="Politics"))  # fmt: skip
    store.close()
    code, out, _ = run(capsys, monkeypatch, tmp_path, "sync", "--json")
    assert code == 0, out
    store = open_store(tmp_path)
    english, spanish = store.sites.by_name("english-site"), store.sites.by_name("spanish-site")
    assert store.sync.remote_post(en.id, english.id) and not store.sync.remote_post(
        en.id, spanish.id
    )
    assert store.sync.remote_post(es.id, spanish.id) and not store.sync.remote_post(
        es.id, english.id
    )
    remote_id = store.sync.remote_post(es.id, spanish.id).remote_id
    store.close()
    with wordpress_plugin.client("editor") as c:
        post = c.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
        cats = c.get(
            "/wp/v2/categories", params={"include": ",".join(map(str, post["categories"]))}
        ).json()
    names = {t["name"]: t["parent"] for t in cats}
    assert set(names) == {"Noticias", "Política"}
    assert names["Política"] == next(t["id"] for t in cats if t["name"] == "Noticias")


def _add(capsys, monkeypatch, data_dir, name, wp, role, *extra):
    user = wp.users[role]
    return run(capsys, monkeypatch, data_dir, "site", "add", name, "--url", wp.url, "--user",
               user.login, "--password-stdin", *extra, stdin=user.app_password + "\n")  # fmt: skip


def test_password_stdin_without_site_is_refused_when_there_are_several(
    tmp_path, capsys, monkeypatch, wordpress, wordpress_plugin
):
    assert _add(capsys, monkeypatch, tmp_path, "english-site", wordpress, "editor")[0] == 0
    assert _add(capsys, monkeypatch, tmp_path, "spanish-site", wordpress_plugin, "editor")[0] == 0
    store = open_store(tmp_path)
    article = store.articles.create(Article(headline="Waits for the right password"))
    store.close()
    stdin = io.StringIO(wordpress.users["editor"].app_password + "\n")
    monkeypatch.setattr("sys.stdin", stdin)
    code = main(["--data-dir", str(tmp_path), "sync", "--password-stdin"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0  # one line
    assert "--site" in err and "english-site, spanish-site" in err
    assert stdin.tell() == 0  # the password was not even read
    store = open_store(tmp_path)
    assert store.sync.remote_post(article.id, store.sites.list()[0].id) is None  # nothing sent
    store.close()
    code, out, err = run(capsys, monkeypatch, tmp_path, "sync", "--site", "english-site",
                         "--password-stdin", stdin=wordpress.users["editor"].app_password + "\n")  # fmt: skip
    assert code == 0, out + err


@pytest.mark.parametrize(
    "url", ["https://editor:hunter2@news.example.org", "https://news.example.org/?p=1#x"]
)
def test_site_add_refuses_an_address_with_user_info_query_or_fragment(
    tmp_path, capsys, monkeypatch, url
):
    stdin = io.StringIO("never read\n")
    monkeypatch.setattr("sys.stdin", stdin)
    code = main(["--data-dir", str(tmp_path), "site", "add", "en", "--url", url, "--user",
                 "editor", "--password-stdin"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.startswith("newsdesk: ")
    assert err.strip().count("\n") == 0 and "hunter2" not in err
    assert "user name or password" in err or "query" in err
    assert stdin.tell() == 0
    assert run(capsys, monkeypatch, tmp_path, "site", "list", "--json")[1].strip() == "[]"


def test_site_add_with_a_plain_text_keyring_says_so_and_keeps_nothing_in_it(
    tmp_path, capsys, monkeypatch, wordpress
):
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring_pass.cfg")
    keyring.set_keyring(backend)
    code, out, err = _add(capsys, monkeypatch, tmp_path / "data", "en", wordpress, "author")
    assert code == 0, err
    assert "keyrings.alt.file.PlaintextKeyring" in err and "not the system's own" in err
    assert "memory for this session only" in out
    secret = wordpress.users["author"].app_password.encode()
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and secret in p.read_bytes()]


def test_removing_one_of_two_sites_sharing_a_login_keeps_the_password(
    tmp_path, capsys, monkeypatch, wordpress, memory_keyring
):
    assert _add(capsys, monkeypatch, tmp_path, "en", wordpress, "editor")[0] == 0
    assert _add(capsys, monkeypatch, tmp_path, "en-copy", wordpress, "editor")[0] == 0
    assert run(capsys, monkeypatch, tmp_path, "site", "remove", "en-copy")[0] == 0
    assert len(memory_keyring.secrets) == 1
    assert run(capsys, monkeypatch, tmp_path, "sync", "--site", "en")[0] == 0
    assert run(capsys, monkeypatch, tmp_path, "site", "remove", "en")[0] == 0
    assert memory_keyring.secrets == {}


def test_sync_without_a_site_says_so_instead_of_counting_zeros(tmp_path, capsys, monkeypatch):
    open_store(tmp_path).close()
    code, out, err = run(capsys, monkeypatch, tmp_path, "sync")
    assert code == 1 and out == ""
    assert "no publishing site" in err and "newsdesk site add" in err
