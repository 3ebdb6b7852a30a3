"""`newsdesk photo ...` as a script uses it: real processes, real exit codes."""

from __future__ import annotations

import json

from conftest import AGENCY_PHOTOS, ARABIC_CAPTION, run_photo_cli

run = run_photo_cli


def test_import_show_set_export(tmp_path, agency_folder, bad_files):
    data = tmp_path / "data"
    done = run(data, "import", str(agency_folder), str(bad_files["empty"]), str(bad_files["good"]))
    assert done.returncode == 1  # one file was refused...
    ids = done.stdout.split()
    assert len(ids) == len(AGENCY_PHOTOS) + 1  # ...and everything else imported, one id a line
    assert all(i.isdigit() for i in ids)
    assert "empty.jpg: the file is empty" in done.stderr

    listed = {r["name"]: str(r["id"]) for r in json.loads(run(data, "list", "--json").stdout)}
    assert sorted(listed.values()) == sorted(ids)
    again = run(data, "import", str(agency_folder / "ap-border.jpg"))
    assert again.returncode == 0 and again.stdout.split() == [listed["ap-border.jpg"]]
    assert "already in the library" in again.stderr

    # each process loads the Hunspell dictionaries (seconds): show only the two that matter
    shown = [
        json.loads(run(data, "show", listed[name], "--json").stdout)
        for name in ("afp-arabic.jpg", "army-handout.jpg")
    ]
    arabic = next(s for s in shown if s["original_name"] == "afp-arabic.jpg")
    assert arabic["caption"] == ARABIC_CAPTION
    assert {
        "caption",
        "headline",
        "creator",
        "credit",
        "source",
        "copyright",
        "alt_text",
        "extended_description",
        "date_created",
        "city",
        "country",
        "keywords",
        "instructions",
        "usage_terms",
        "rights_expiry",
        "uuid",
        "width",
        "height",
        "checks",
    } <= set(arabic)
    army = next(s for s in shown if s["original_name"] == "army-handout.jpg")
    assert {c["code"] for c in army["checks"]} >= {"misspelling", "missing_alt"}
    assert any("Lebanonese" in c["message"] for c in army["checks"])

    fixed = run(
        data,
        "set",
        str(army["id"]),
        "--caption",
        "Soldiers inspect the site of a strike in Khiam on Tuesday. (Lebanese Army)",
        "--credit",
        "Lebanese Army",
        "--alt",
        "Soldiers stand by a crater in a road.",
        "--creator",
        "Army photographer",
    )
    assert fixed.returncode == 0, fixed.stderr
    after = json.loads(run(data, "show", army["uuid"], "--json").stdout)
    assert after["checks"] == [] and after["creator"] == "Army photographer"

    out = tmp_path / "out.jpg"
    exported = run(data, "export", str(army["id"]), "-o", str(out), "--long-edge", "300")
    assert exported.returncode == 0, exported.stderr
    assert "300×" in exported.stdout
    reimported = run(tmp_path / "other", "import", str(out))
    photo = json.loads(run(tmp_path / "other", "show", reimported.stdout.strip(), "--json").stdout)
    assert photo["caption"] == after["caption"] and photo["alt_text"] == after["alt_text"]
    assert max(photo["width"], photo["height"]) == 300

    missing = run(data, "show", "99999")
    assert missing.returncode == 1 and "No photo with id 99999" in missing.stderr
    bad = run(data, "export", str(army["id"]), "-o", str(tmp_path / "x.gif"))
    assert bad.returncode == 1 and "x.gif" in bad.stderr


def test_keep_location_is_set_and_shown_from_the_command_line(tmp_path, bad_files):
    data = tmp_path / "data"
    photo_id = run(data, "import", str(bad_files["good"])).stdout.strip()
    assert json.loads(run(data, "show", photo_id, "--json").stdout)["keep_location"] is False
    assert "removed from the public copy" in run(data, "show", photo_id).stdout

    kept = run(data, "set", photo_id, "--keep-location")
    assert kept.returncode == 0, kept.stderr
    assert json.loads(run(data, "show", photo_id, "--json").stdout)["keep_location"] is True
    assert "kept in the public copy" in run(data, "show", photo_id).stdout

    dropped = run(data, "set", photo_id, "--no-keep-location")
    assert dropped.returncode == 0, dropped.stderr
    assert json.loads(run(data, "show", photo_id, "--json").stdout)["keep_location"] is False
    assert "--keep-location" in run(data, "set", "--help").stdout


def test_list_search_takes_any_text(tmp_path):
    """A quote once ended `photo list --search` in an "fts5: syntax error" traceback."""
    for text in ('"', 'Sidon" NEAR(', "-"):
        done = run(tmp_path / "data", "list", "--search", text, "--json")
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [] and "Traceback" not in done.stderr
