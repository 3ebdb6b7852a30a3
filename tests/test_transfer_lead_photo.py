"""Import and export take the lead photo: `lead_photo:` in the front matter, the lead
picture association in ninjs; an unknown uuid is one clear line, nothing imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from newsdesk.photos.importer import import_files as import_photos
from newsdesk.services import transfer
from newsdesk.store import open_store
from test_cli import run
from test_transfer import GOOD, validate, write


def _photo(store, folder: Path):
    path = folder / "lead.jpg"
    Image.new("RGB", (320, 200), (30, 120, 90)).save(path, "JPEG")
    [photo] = import_photos(store, [path], workers=1).photos
    return store.photos.update(
        photo.id,
        caption="Delegates arrive at the talks in Cairo on Monday. (AP)",
        credit="AP",
        alt_text="Men in suits walking up the steps of a hotel",
    )


def _with_lead(uuid: str) -> str:
    return GOOD.replace("status: draft\n", f"status: draft\nlead_photo: {uuid}\n")


def test_front_matter_lead_photo_imports_and_exports(store, tmp_path):
    photo = _photo(store, tmp_path)
    [result] = transfer.import_files(store, [write(tmp_path, "a.md", _with_lead(photo.uuid))])
    article = store.articles.get(result.article_id)
    assert article.lead_photo_id == photo.id
    exported = transfer.export_markdown(store, article.id)
    assert f"lead_photo: {photo.uuid}\n" in exported
    # The exported file imports back to the same article with the same lead.
    cleared = store.articles.get(article.id)
    cleared.lead_photo_id = None
    store.articles.save(cleared)
    [again] = transfer.import_files(store, [write(tmp_path, "back.md", exported)])
    assert again.article_id == article.id
    assert store.articles.get(article.id).lead_photo_id == photo.id


def test_ninjs_lead_picture_exports_and_imports(store, tmp_path):
    photo = _photo(store, tmp_path)
    [result] = transfer.import_files(store, [write(tmp_path, "a.md", _with_lead(photo.uuid))])
    item = transfer.export_ninjs(store, result.article_id)
    validate(item)
    [picture] = item["associations"]
    assert (picture["rel"], picture["type"], picture["uri"]) == (
        "lead",
        "picture",
        f"urn:newsdesk:photo:{photo.uuid}",
    )
    texts = {d["role"]: d["value"] for d in picture["descriptions"]}
    assert texts == {
        "caption": "Delegates arrive at the talks in Cairo on Monday. (AP)",
        "credit": "AP",
        "alt": "Men in suits walking up the steps of a hotel",
    }
    # Into another store that has the photo (same uuid), the lead comes along.
    other = open_store(tmp_path / "other")
    copy = _photo(other, tmp_path)
    other.conn.execute("UPDATE photos SET uuid = ? WHERE id = ?", (photo.uuid, copy.id))
    [there] = transfer.import_files(other, [write(tmp_path, "a.json", json.dumps(item))])
    assert other.articles.get(there.article_id).lead_photo_id == copy.id
    other.close()


def test_an_article_without_a_lead_exports_none(store, tmp_path):
    [result] = transfer.import_files(store, [write(tmp_path, "a.md", GOOD)])
    assert "lead_photo" not in transfer.export_markdown(store, result.article_id)
    assert "associations" not in transfer.export_ninjs(store, result.article_id)


UNKNOWN = "0b7a4c1e-5d2f-4a8e-9c3b-2f1e0d9c8b7a"


@pytest.mark.parametrize("kind", ["md", "json"])
def test_an_unknown_lead_photo_is_one_line_naming_it_and_nothing_is_imported(store, tmp_path, kind):
    photo = _photo(store, tmp_path)
    good = write(tmp_path, "good.md", _with_lead(photo.uuid))
    if kind == "md":
        bad = write(tmp_path, "bad.md", _with_lead(UNKNOWN).replace("Cairo", "Doha"))
    else:
        item = {
            "uri": "urn:example:1",
            "headlines": [{"role": "main", "value": "Talks"}],
            "associations": [
                {"name": "lead", "rel": "lead", "uri": f"urn:newsdesk:photo:{UNKNOWN}"}
            ],
        }
        bad = write(tmp_path, "bad.json", json.dumps(item))
    with pytest.raises(transfer.ImportError_) as info:
        transfer.import_files(store, [good, bad])
    message = str(info.value)
    assert str(bad) in message and f"lead photo {UNKNOWN} is not in the photo library" in message
    assert "\n" not in message
    assert store.articles.count() == 0


def test_a_lead_picture_that_is_no_newsdesk_photo_is_refused(store, tmp_path):
    item = {
        "uri": "urn:example:2",
        "headlines": [{"role": "main", "value": "Talks"}],
        "associations": [{"name": "lead", "rel": "lead", "uri": "https://example.org/a.jpg"}],
    }
    with pytest.raises(transfer.ImportError_, match="lead picture https://example.org/a.jpg"):
        transfer.import_files(store, [write(tmp_path, "x.json", json.dumps(item))])


def test_command_line_import_refuses_an_unknown_lead_photo(tmp_path):
    data = tmp_path / "data"
    src = write(tmp_path, "story.md", _with_lead(UNKNOWN))
    done = run(data, "import", str(src))
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert UNKNOWN in line and "nothing imported" in line
    assert run(data, "list", "--json").stdout.strip() in ("[]", "")
