"""Compare two versions of a story: every field word by word, captions included."""

from __future__ import annotations

from PIL import Image

from newsdesk.domain.article import Article, Source
from newsdesk.domain.photo import photo_markdown
from newsdesk.ops.workflow import transition as move
from newsdesk.photos.importer import prepare_file
from newsdesk.services import compare


def add_photo(store, tmp_path, name: str, colour: str, **fields):
    path = tmp_path / f"{name}.jpg"
    Image.new("RGB", (64, 48), colour).save(path)
    prepared = prepare_file(str(path), str(store.media_dir))
    photo, _ = store.photos.add_prepared(prepared)
    return store.photos.update(photo.id, **fields)


def submitted_story(store):
    article = store.articles.create(
        Article(
            headline="Port talks resume in Doha",
            standfirst="Negotiators returned on Monday.",
            body="The talks resumed on Monday after a week.",
            tags=["Qatar"],
            sources=[Source("Reuters", kind="news agency")],
        ),
        author="amal",
    )
    move(store, article.id, "submit", actor="amal", role="reporter")
    return article


def test_default_pair_is_the_submitted_revision_against_now(store):
    article = submitted_story(store)
    submitted = store.workflow.submitted_revision(article.id)
    assert compare.default_pair(store, article.id) == (submitted, None)
    labels = [v.label for v in compare.versions(store, article.id)]
    assert labels[0] == "Current text"
    assert any("reporter's submitted version" in label for label in labels)


def test_every_field_is_compared_word_by_word(store):
    article = submitted_story(store)
    submitted = store.workflow.submitted_revision(article.id)
    edited = store.articles.get(article.id)
    edited.headline = "Port talks resume in Qatar"
    edited.body = "The talks resumed on Tuesday after a week."
    edited.tags = ["Qatar", "Diplomacy"]
    edited.sources.append(Source("AP", kind="news agency", attribution=True))
    store.articles.save(edited, author="ed")

    result = compare.compare(store, article.id, submitted)
    changed = {f.name for f in result.changed}
    assert changed == {"headline", "body", "tags", "sources"}
    headline = result.field("headline")
    assert [(c.op, c.text) for c in headline.chunks if c.op != "equal"] == [
        ("delete", "Doha"),
        ("insert", "Qatar"),
    ]
    body = [(c.op, c.text) for c in result.field("body").chunks if c.op != "equal"]
    assert body == [("delete", "Monday"), ("insert", "Tuesday")]
    tags = [(c.op, c.text.strip(" ·")) for c in result.field("tags").chunks]
    assert tags == [("equal", "Qatar"), ("insert", "Diplomacy")]
    sources = "".join(c.text for c in result.field("sources").chunks if c.op == "insert")
    assert "AP" in sources and "attribution" in sources
    standfirst = result.field("standfirst")
    assert not standfirst.changed and standfirst.new_text == "Negotiators returned on Monday."


def test_captions_of_the_photos_each_version_uses(store, tmp_path):
    article = submitted_story(store)
    submitted = store.workflow.submitted_revision(article.id)
    lead = add_photo(
        store,
        tmp_path,
        "lead",
        "red",
        caption="Trucks wait at the crossing.",
        credit="AP",
        alt_text="A line of trucks",
    )
    inline = add_photo(
        store,
        tmp_path,
        "inline",
        "blue",
        caption="The port at dawn.",
        credit="Reuters",
        alt_text="Cranes",
    )
    edited = store.articles.get(article.id)
    edited.lead_photo_id = lead.id
    edited.body += "\n\n" + photo_markdown(inline.uuid, "Cranes")
    store.articles.save(edited, author="ed")
    store.photos.uses.set_caption(
        article.id, inline.id, caption="The port of Doha at dawn.", alt_text=None
    )

    result = compare.compare(store, article.id, submitted)
    captions = result.field("captions")
    assert captions.changed and captions.old_text == ""
    assert "Lead: Trucks wait at the crossing. (AP) — alt: A line of trucks" in captions.new_text
    # the per-use caption this article gives the photo, not the library's
    assert "In body: The port of Doha at dawn. (Reuters) — alt: Cranes" in captions.new_text

    # between two later revisions, a swapped lead photo shows as a caption change
    before_swap = store.revisions.latest(article.id).number
    edited = store.articles.get(article.id)
    edited.lead_photo_id = inline.id
    store.articles.save(edited, author="ed")
    swap = compare.compare(store, article.id, before_swap, None)
    deleted = "".join(c.text for c in swap.field("captions").chunks if c.op == "delete")
    assert "Trucks" in deleted
    assert {f.name for f in swap.changed} == {"captions"}


def test_two_old_revisions_and_identical_versions(store):
    article = submitted_story(store)
    first = store.revisions.list(article.id)[-1].number
    result = compare.compare(store, article.id, first, first)
    assert result.changed == []
    assert result.old.number == first and result.new.number == first


def test_a_caption_edited_after_a_revision_shows_against_that_revision(store, tmp_path):
    """Each revision keeps its captions, so a later caption edit is a visible change."""
    article = submitted_story(store)
    lead = add_photo(
        store,
        tmp_path,
        "lead",
        "red",
        caption="Lebanonese Army patrols.",
        credit="AP",
        alt_text="Soldiers",
    )
    edited = store.articles.get(article.id)
    edited.lead_photo_id = lead.id
    store.articles.save(edited, author="amal")
    with_typo = store.revisions.latest(article.id)
    assert with_typo.captions[0]["caption"] == "Lebanonese Army patrols."
    store.photos.update(lead.id, caption="Lebanese Army patrols.")

    result = compare.compare(store, article.id, with_typo.number)
    captions = result.field("captions")
    assert captions.changed
    assert [(c.op, c.text) for c in captions.chunks if c.op != "equal"] == [
        ("delete", "Lebanonese"),
        ("insert", "Lebanese"),
    ]
    assert {f.name for f in result.changed} == {"captions"}
