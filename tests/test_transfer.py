"""Import and export: front matter Markdown and ninjs 3.1, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from newsdesk.render import frontmatter, ninjs
from newsdesk.services import transfer
from newsdesk.services.samples import sample_files, seed_if_new

STANDARDS = Path(__file__).parent / "standards"
SCHEMA = json.loads((STANDARDS / "ninjs-schema_3.1.json").read_text())

GOOD = """---
headline: Ceasefire talks resume in Cairo
standfirst: Delegations return after a week.
edition: en
section: news
subsection: politics
regions: [MENA]
tags: [Egypt, Gaza]
byline: Amal Saeed
dateline: CAIRO
status: draft
coverage: War in Gaza
sources:
  - {name: Haaretz, url: "https://www.haaretz.com/", kind: outlet, attribution: true}
  - {name: Ministry statement, kind: official statement, notes: "faxed, not online"}
---
Talks resumed on **Monday**.

A second paragraph.
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def validate(item: dict) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        item
    )


def test_import_markdown_with_front_matter(store, tmp_path):
    [result] = transfer.import_files(store, [write(tmp_path, "a.md", GOOD)])
    a = store.articles.get(result.article_id)
    assert (a.section, a.subsection, a.regions) == ("News", "Politics", ["MENA"])
    assert a.tags == ["Egypt", "Gaza"]
    assert [(s.name, s.kind, s.attribution) for s in a.sources] == [
        ("Haaretz", "outlet", True),
        ("Ministry statement", "official statement", False),
    ]
    assert a.sources[1].notes == "faxed, not online"
    assert a.body.startswith("Talks resumed on **Monday**.")
    assert store.revisions.latest(a.id).reason == "import"


def test_markdown_export_imports_back_to_the_same_article(store, tmp_path):
    [first] = transfer.import_files(store, [write(tmp_path, "a.md", GOOD)])
    original = store.articles.get(first.article_id)
    exported = write(tmp_path, "out.md", transfer.export_markdown(store, first.article_id))
    [again] = transfer.import_files(store, [exported])
    assert again.article_id == first.article_id and not again.created
    assert store.articles.count() == 1
    assert store.articles.get(first.article_id).content() == original.content()
    # an edited copy of the file updates the article as a new revision
    exported.write_text(exported.read_text().replace("Talks resumed", "Talks restarted"))
    transfer.import_files(store, [exported])
    assert store.articles.get(first.article_id).body.startswith("Talks restarted")
    assert store.revisions.latest(first.article_id).number == 2


def test_ninjs_export_validates_against_the_iptc_schema(store, tmp_path):
    [r] = transfer.import_files(store, [write(tmp_path, "a.md", GOOD)])
    item = transfer.export_ninjs(store, r.article_id, body_html="<p>Talks</p>")
    validate(item)
    assert item["headlines"] == [{"role": "main", "value": "Ceasefire talks resume in Cairo"}]
    assert item["descriptions"][0]["value"] == "Delegations return after a week."
    assert {"role": "attribution", "contentType": "text/plain", "value": "Source: Haaretz"} in item[
        "descriptions"
    ]
    assert item["by"] == "Amal Saeed" and item["located"] == "CAIRO" and item["language"] == "en"
    assert [s["name"] for s in item["subjects"] if s["rel"] == "tag"] == ["Egypt", "Gaza"]
    assert item["places"] == [{"name": "MENA", "rel": "region"}]
    assert item["infoSources"][0] == {
        "name": "Haaretz",
        "role": "outlet",
        "uri": "https://www.haaretz.com/",
    }
    assert "faxed" not in json.dumps(item), "internal source notes never leave the newsroom"
    assert item["bodies"][0]["contentType"] == "text/markdown"


def test_ninjs_round_trip_keeps_the_fields(store, tmp_path):
    [r] = transfer.import_files(store, [write(tmp_path, "a.md", GOOD)])
    original = store.articles.get(r.article_id)
    item = ninjs.to_ninjs(original)
    back = ninjs.from_ninjs(json.loads(json.dumps(item)))
    for field in ("uuid", "headline", "standfirst", "body", "byline", "dateline", "edition"):
        assert getattr(back, field) == getattr(original, field), field
    assert (back.tags, back.regions, back.section, back.subsection) == (
        original.tags,
        original.regions,
        original.section,
        original.subsection,
    )
    assert [(s.name, s.url, s.kind, s.attribution) for s in back.sources] == [
        (s.name, s.url, s.kind, s.attribution) for s in original.sources
    ]


@pytest.mark.parametrize(
    "name",
    ["001_simple_example.json", "004_simple_text_article.json", "005_complex_text_article.json"],
)
def test_iptc_examples_import(store, name):
    [r] = transfer.import_files(store, [STANDARDS / "ninjs-examples" / name])
    a = store.articles.get(r.article_id)
    assert a.headline
    if name == "005_complex_text_article.json":
        assert a.byline == "Paulo Santalucia and Frances d'Emilio"
        assert a.dateline == "Grossetto, Italy"
        assert "Francesco Schettino" in a.tags and "Tuscany" in a.tags
        assert a.body.startswith("GROSSETO, Italy (AP)")
    # importing the same foreign item twice updates it (stable uuid from its uri)
    [again] = transfer.import_files(store, [STANDARDS / "ninjs-examples" / name])
    assert again.article_id == r.article_id


def test_every_sample_is_a_valid_ninjs_export(store):
    assert seed_if_new(store) == len(sample_files()) >= 5
    editions = {row["edition"] for row in store.articles.summaries()}
    assert editions == {"en", "ar", "es"}
    for row in store.articles.summaries():
        validate(transfer.export_ninjs(store, row["id"]))
    assert seed_if_new(store) == 0, "samples are added to a new store only"
    # the sample photos arrive with their embedded captions and are in use
    assert store.photos.count() == 4
    harvest = next(r for r in store.articles.summaries() if r["section"] == "In Pictures")
    story = store.articles.get(harvest["id"])
    assert story.lead_photo_id is not None and "](photo:" in story.body
    lead = store.photos.get(story.lead_photo_id)
    assert lead.caption.endswith("(Newsdesk)") and lead.creator == "Layla Haddad"
    codes = {
        problem.code
        for used in store.photos.uses.for_article(story.id)
        for problem in store.photos.check_caption(used.caption, spelling=False)
    }
    assert "missing_alt" in codes, "one sample photo shows the photo desk's checks at work"
    assert store.outbox.pending() == [], "samples never go to a server unless edited"


BAD = {
    "unknown-key.md": (
        "---\nheadline: x\ncolour: red\n---\nbody",
        "unknown keys in the front matter: colour",
    ),
    "broken.md": ("---\nheadline: [unclosed\n---\nbody", "broken YAML in the front matter"),
    "no-headline.md": ("---\nstandfirst: x\n---\nbody", "no headline"),
    "no-front.md": ("just text", "no front matter"),
    "section.md": ("---\nheadline: x\nsection: Gossip\n---\n", "unknown section 'Gossip'"),
    "edition.md": ("---\nheadline: x\nedition: fr\n---\n", "unknown edition 'fr'"),
    "region.md": ("---\nheadline: x\nregions: [Mars]\n---\n", "unknown region 'Mars'"),
    "kind.md": (
        "---\nheadline: x\nsources: [{name: A, kind: rumour}]\n---\n",
        "unknown kind 'rumour'",
    ),
    "bad.json": ('{"uri": "x", "headlines": [', "invalid JSON at line 1"),
    "nohead.json": ('{"uri": "urn:x"}', "no headline"),
    "binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "is a binary file"),
    "latin1.md": ("---\nheadline: caf\xe9\n---\n".encode("latin-1"), "is not UTF-8 text"),
    # Nesting no article has: the parsers would run out of stack (RecursionError).
    "deep.json": ("[" * 100_000 + "]" * 100_000, "is nested too deeply to be an article"),
    "deep-object.json": ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    "deep-html.json": (
        json.dumps(
            {
                "uri": "urn:x",
                "headlines": [{"value": "x"}],
                "bodies": [{"contentType": "text/html", "value": "<div>" * 5000 + "text"}],
            }
        ),
        "is nested too deeply to be an article",
    ),  # fmt: skip
    "huge-number.json": ('{"uri": "urn:x", "urgency": ' + "9" * 5000 + "}", "5000 digits"),
    "nan.json": ('{"uri": "urn:x", "headlines": [{"value": "x"}], "urgency": NaN}', "NaN"),
    "deep-flow.md": (
        "---\nheadline: x\ntags: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",
        "broken YAML in the front matter at line 3: nested more than 20 levels deep",
    ),
    "deep-block.md": (
        "---\nheadline: x\ntags:\n" + "".join(" " * i + "-\n" for i in range(1, 3000)) + "---\n",
        "nested more than 20 levels deep",
    ),
    # Nine levels of ten aliases: a billion items once `coverage` is made text.
    "laughs.md": (
        "---\nheadline: x\ncoverage: [&a [x, x, x, x, x, x, x, x, x, x], "
        + ", ".join(
            f"&{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]" for i in range(8)
        )
        + "]\n---\n",
        "broken YAML in the front matter at line 3: aliases (*a) are not allowed",
    ),
    "huge-number.md": ("---\nheadline: x\npriority: " + "9" * 5000 + "\n---\n", "5000 digits"),
    "no-such-day.md": ("---\nheadline: x\nembargo_at: 2026-02-30\n---\n", "day is out of range"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_names_the_file_and_imports_nothing(store, tmp_path, name):
    text, expected = BAD[name]
    good = write(tmp_path, "good.md", GOOD)
    bad = write(tmp_path, name, text)
    with pytest.raises(transfer.ImportError_) as info:
        transfer.import_files(store, [good, bad])
    assert str(bad) in str(info.value) and expected in str(info.value)
    assert "\n" not in str(info.value) and len(str(info.value)) < 300, "one short line"
    assert store.articles.count() == 0, "a batch is all or nothing"


def test_a_50_mb_file_is_refused_without_reading_it_all(store, tmp_path):
    big = tmp_path / "huge.md"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(transfer.ImportError_, match="50.0 MB; an article file is at most 5 MB"):
        transfer.import_files(store, [big])


# "{tmp}" is the test's own folder: an absolute slug must not escape, even in a failing run.
HOSTILE_SLUGS = ["../../x", "{tmp}/abs/x", "..", "...", "a/../../b", "..\\..\\x", "nul", "x" * 300]


@pytest.mark.parametrize("slug", HOSTILE_SLUGS)
def test_html_export_names_the_file_inside_the_chosen_folder(store, tmp_path, slug):
    """An imported slug (or uuid) is anything the file said: it never names a path."""
    from newsdesk.services.preview import export_html

    slug = slug.replace("{tmp}", str(tmp_path))
    text = GOOD.replace("status: draft", f"status: draft\nslug: {json.dumps(slug)}")
    text = text.replace("headline: Ceasefire talks resume in Cairo", 'headline: "../.."')
    text = text.replace("---\n", f"---\nuuid: {json.dumps(slug + '/../y')}\n", 1)
    [imported] = transfer.import_files(store, [write(tmp_path, "story.md", text)])
    assert store.articles.get(imported.article_id).slug == slug
    folder = tmp_path / "deep" / "er" / "out"
    before = set(tmp_path.rglob("*"))
    written = export_html(store, imported.article_id, folder)
    assert written.parent == folder, written
    assert written.name.isascii() and 6 <= len(written.name) <= 85, written.name
    assert written.stem.strip(".-") and "." not in written.stem
    assert written.stem.lower() not in ("nul", "con"), "a Windows device name"
    new = set(tmp_path.rglob("*")) - before
    assert all(p.is_relative_to(folder) or p in folder.parents for p in new), new


def test_html_export_file_names_from_slugs_are_ascii():
    from newsdesk.domain.text import file_stem

    assert file_stem("Café-crème: l'été à Gaza") == "cafe-creme-l-ete-a-gaza"
    assert file_stem("وقف إطلاق النار") == ""  # the caller falls back to the uuid
    assert file_stem("../../x") == "x"


def test_front_matter_dump_is_stable_yaml_with_unicode():
    article = frontmatter.parse(GOOD.replace("Cairo", "القاهرة"))
    text = frontmatter.dump(article)
    assert "القاهرة" in text
    assert frontmatter.parse(text).content() == article.content()
