"""A category the site lacks and an author may not create, against the real WordPress:
the story goes out without it, every sync says so (CLI, JSON, the list's dot, the Sync
desk), and once someone adds the category the next sync sets it without an edit."""

from __future__ import annotations

import io
import json
import uuid

import pytest

from newsdesk.cli import main
from newsdesk.gui.context import AppContext
from newsdesk.store import open_store

from .helpers import connect, sync, write

pytestmark = pytest.mark.wordpress


def _unique(word: str) -> str:
    # One WordPress serves the whole session: a name no other test can have made.
    return f"{word} {uuid.uuid4().hex[:6]}"


def _ours(warnings):
    # The loopback site's "plain http" notice is not what these tests are about.
    return [w for w in warnings if "plain http" not in w]


def _cli(capsys, monkeypatch, data_dir, *argv):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _post_categories(wp, remote_id):
    with wp.client("administrator") as web:
        post = web.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
        ids = post["categories"]
        terms = web.get("/wp/v2/categories", params={"include": ",".join(map(str, ids))}).json()
    return {t["name"] for t in terms}


def _create_category(wp, name, parent=0):
    with wp.client("administrator") as web:
        made = web.post("/wp/v2/categories", json={"name": name, "parent": parent})
        made.raise_for_status()
        return made.json()["id"]


def test_an_author_is_told_and_the_category_is_set_once_it_exists(
    tmp_path, capsys, monkeypatch, wordpress, qtbot
):
    section, present = _unique("Ports"), _unique("Business")
    _create_category(wordpress, present)
    store = open_store(tmp_path)
    connect(store, wordpress, "author")
    article = write(store, headline="Dockers walk out", section=section)
    other = write(store, headline="Nothing missing here", section=present)
    store.close()

    code, out, err = _cli(capsys, monkeypatch, tmp_path, "sync", "--json")
    assert code == 0, out + err  # the story still goes out
    report = json.loads(out)
    assert {p["headline"] for p in report["pushed"]} == {"Dockers walk out", "Nothing missing here"}
    expected = (
        f"Dockers walk out (article {article.id}): {section!r} is not on english-site and "
        "authors cannot create categories: ask an editor to add it; the story goes out without it"
    )
    assert _ours(report["warnings"]) == [expected]

    store = open_store(tmp_path)
    site = store.sites.by_name("english-site")
    rp = store.sync.remote_post(article.id, site.id)
    assert section not in _post_categories(wordpress, rp.remote_id)
    states = store.sync.article_states()
    assert states[article.id] == "warning" and states[other.id] == "synced"
    assert store.sync.article_warnings([article.id])[article.id] == [expected.split(": ", 1)[1]]

    from newsdesk.gui.sync.controller import SyncController
    from newsdesk.gui.sync.desk import SyncDesk

    controller = SyncController(store)
    desk = SyncDesk(AppContext.for_store(store), controller)
    qtbot.addWidget(desk)
    row = next(
        r for r in range(desk.articles.rowCount())
        if desk.articles.item(r, 0).text() == "Dockers walk out"
    )  # fmt: skip
    assert desk.articles.item(row, 2).text() == "Sent without a category"
    assert "authors cannot create categories" in desk.articles.item(row, 3).text()
    assert controller.status().text == "Synced · 1 warning"
    store.close()

    # Nothing changed: the warning is said again, and nothing is sent again.
    code, out, err = _cli(capsys, monkeypatch, tmp_path, "sync")
    assert code == 0 and "pushed: 0" in out, out + err
    assert f"warning: {expected}" in err

    # An editor adds the category on the site; the author's next sync sets it, no edit.
    _create_category(wordpress, section)
    code, out, err = _cli(capsys, monkeypatch, tmp_path, "sync", "--json")
    assert code == 0, out + err
    report = json.loads(out)
    assert [p["headline"] for p in report["pushed"]] == ["Dockers walk out"]
    assert _ours(report["warnings"]) == []
    assert section in _post_categories(wordpress, rp.remote_id)

    store = open_store(tmp_path)
    assert store.sync.article_states()[article.id] == "synced"
    assert store.sync.remote_post(article.id, site.id).missing_categories == {}
    assert any(
        f"{section!r} is on english-site now" in e["message"] for e in store.sync.recent_log()
    )
    store.close()
    code, out, err = _cli(capsys, monkeypatch, tmp_path, "sync")
    assert code == 0 and "pushed: 0" in out and "is not on" not in err, out + err


def test_with_the_plugin_each_missing_category_is_set_as_it_appears(store, wordpress_plugin):
    # Known local names, mapped to names no other test made on the shared site.
    section, subsection, breaking = _unique("News"), _unique("Economy"), _unique("Flash")
    connect(store, wordpress_plugin, "author",
            category_map={"News": section, "Economy": subsection, "Breaking": breaking})  # fmt: skip
    article = write(store, headline="Tanker aground", section="News", subsection="Economy",
                    priority=1, body="First paragraph.")  # fmt: skip
    report = sync(store)
    assert report.ok, report
    site = store.sites.list()[0]
    rp = store.sync.remote_post(article.id, site.id)
    assert set(rp.missing_categories) == {section, subsection, breaking}
    assert len([w for w in report.warnings if "Tanker aground" in w]) == 3

    # A colleague edits the post on the web meanwhile (WordPress then files it under
    # "Uncategorized"): the article keeps its section, the edit is kept too.
    with wordpress_plugin.client("administrator") as web:
        web.post(f"/wp/v2/posts/{rp.remote_id}", json={"excerpt": "Edited on the web."})
    parent = _create_category(wordpress_plugin, section)
    report = sync(store)
    assert report.ok, report
    edited = store.articles.get(article.id)
    assert (edited.section, edited.subsection, edited.priority) == ("News", "Economy", 1)
    assert edited.standfirst == "Edited on the web."
    assert section in _post_categories(wordpress_plugin, rp.remote_id)
    rp = store.sync.remote_post(article.id, site.id)
    assert set(rp.missing_categories) == {subsection, breaking}
    assert len([w for w in report.warnings if "Tanker aground" in w]) == 2

    _create_category(wordpress_plugin, subsection, parent)
    _create_category(wordpress_plugin, breaking)
    report = sync(store)
    assert report.ok and not _ours(report.warnings), report
    assert _post_categories(wordpress_plugin, rp.remote_id) == {section, subsection, breaking}
    with wordpress_plugin.client("administrator") as web:
        post = web.get(f"/wp/v2/posts/{rp.remote_id}", params={"context": "edit"}).json()
    assert post["excerpt"]["raw"] == "Edited on the web."
    assert store.sync.article_states()[article.id] == "synced"


def test_an_edit_of_the_story_keeps_the_warning_until_the_category_exists(store, wordpress):
    section = _unique("Fisheries")
    connect(store, wordpress, "author")
    article = write(store, headline="Quotas cut", section=section)
    assert sync(store).ok
    article.headline = "Quotas cut by a third"
    store.articles.save(article)
    report = sync(store)
    assert [p["headline"] for p in report.pushed] == ["Quotas cut by a third"]
    assert any(f"{section!r} is not on english-site" in w for w in report.warnings)
    # A section the site has clears it at once.
    _create_category(wordpress, "Existing " + section)
    article.section = "Existing " + section
    store.articles.save(article)
    report = sync(store)
    assert not _ours(report.warnings), report
    assert store.sync.article_states()[article.id] == "synced"
