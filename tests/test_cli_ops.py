"""The command line's ways into the operations: ticker, taxonomy, articles, sites."""

from __future__ import annotations

import json

from newsdesk.store import open_store
from newsdesk.store.sites import Site
from test_cli import run


def test_ticker_publish_list_edit_remove_restore(tmp_path):
    data = tmp_path / "data"
    done = run(data, "ticker", "publish", "Israeli media: Sirens in the north", "--as", "Sam")
    assert done.returncode == 0, done.stderr
    item_id = int(done.stdout)
    listed = json.loads(run(data, "ticker", "list", "--json").stdout)
    assert [(i["id"], i["line"], i["status"]) for i in listed] == [
        (item_id, "Israeli media: Sirens in the north", "published")
    ]
    refused = run(data, "ticker", "publish", "Sirens with no attribution")
    assert refused.returncode == 1
    assert refused.stderr.startswith("newsdesk: not published: A breaking line opens with")
    edited = run(data, "ticker", "edit", str(item_id), "Israeli media: Sirens sound again")
    assert edited.stdout.strip() == "Israeli media: Sirens sound again"
    assert run(data, "ticker", "remove", str(item_id)).stdout.strip() == (
        f"{item_id}: off the ticker."
    )
    assert run(data, "ticker", "list").stdout == ""
    assert run(data, "ticker", "restore", str(item_id)).returncode == 0
    assert str(item_id) in run(data, "ticker", "list").stdout


def test_taxonomy_verbs(tmp_path):
    data = tmp_path / "data"
    assert run(data, "taxonomy", "add-section", "Science").stdout.strip() == "Done."
    taken = run(data, "taxonomy", "add-section", "science")
    assert taken.returncode == 1
    assert taken.stderr.strip() == "newsdesk: There is already a section named 'science'."
    assert run(data, "taxonomy", "add-subsection", "Science", "Space").returncode == 0
    assert run(data, "taxonomy", "add-region", "Oceania").returncode == 0
    assert run(data, "taxonomy", "add-edition", "fr", "French").returncode == 0
    store = open_store(data)
    from newsdesk.domain.article import Article

    store.articles.create(Article(headline="Comet", section="Science", tags=["Space", "Moon"]))
    store.close()
    renamed = run(data, "taxonomy", "rename-section", "Science", "Science & Tech")
    assert renamed.stdout.strip() == "Done; 1 article(s) follow."
    assert run(data, "taxonomy", "merge-tags", "Astronomy", "Space", "Moon").returncode == 0
    shown = json.loads(run(data, "taxonomy", "show", "--json").stdout)
    assert shown["sections"]["Science & Tech"] == ["Space"]
    assert "Oceania" in shown["regions"]
    assert {"code": "fr", "language": "French", "direction": "ltr"} in shown["editions"]
    assert shown["tags"] == {"Astronomy": 1}


def test_new_history_and_restore(tmp_path):
    data = tmp_path / "data"
    done = run(data, "new", "--headline", "First words", "--as", "amal")
    assert done.returncode == 0, done.stderr
    article_id = done.stdout.strip()
    store = open_store(data)
    article = store.articles.get(int(article_id))
    article.headline = "Second words"
    store.articles.save(article, author="amal")
    store.close()
    history = json.loads(run(data, "history", article_id, "--json").stdout)
    assert [(r["number"], r["headline"]) for r in history] == [
        (2, "Second words"),
        (1, "First words"),
    ]
    restored = run(data, "restore", article_id, "1", "--as", "amal")
    assert restored.stdout.strip() == "Revision 1 restored as revision 3."
    missing = run(data, "restore", article_id, "9")
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"newsdesk: Article {article_id} has no revision 9."
    store = open_store(data)
    assert store.articles.get(int(article_id)).headline == "First words"
    store.close()
    bad = run(data, "new", "--edition", "xx")
    assert bad.returncode == 2 and "no edition 'xx'" in bad.stderr


def test_site_edit(tmp_path):
    data = tmp_path / "data"
    store = open_store(data)
    store.sites.add(Site(name="english", url="https://example.test", username="ed"))
    store.close()
    done = run(data, "site", "edit", "english", "--edition", "en", "--map", "News=Noticias")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "english: en, syncs the last 90 days"
    assert run(data, "site", "edit", "english", "--edition", "en").stdout.strip() == (
        "english: en, syncs the last 90 days (unchanged)"
    )
    shown = json.loads(run(data, "site", "list", "--json").stdout)
    assert shown[0]["editions"] == ["en"]
    assert (shown[0]["window_days"], shown[0]["window_held_days"]) == (90, 90)
    wider = run(data, "site", "edit", "english", "--window-days", "365")
    assert wider.stdout.strip() == (
        "english: en, syncs the last 365 days (the older ones come with the next sync)"
    )
    narrower = run(data, "site", "edit", "english", "--window-days", "30")
    assert narrower.stdout.strip() == "english: en, syncs the last 30 days"
    assert "syncs the last 30 days" in run(data, "site", "list").stdout
    bad = run(data, "site", "edit", "english", "--map", "News")
    assert bad.returncode == 2 and "write it as LOCAL=REMOTE" in bad.stderr
    unknown = run(data, "site", "edit", "english", "--edition", "xx")
    assert unknown.returncode == 1 and "No edition xx" in unknown.stderr
