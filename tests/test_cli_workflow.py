"""A story's whole way through the newsroom from the command line: real processes, exit codes.

The reporter submits, the editor claims and returns it with a note, the reporter
answers and resubmits, the checklist stops a publication until the story is
ready, the editor publishes, corrects and kills it. Nothing needs the window.
"""

from __future__ import annotations

import json

from test_cli import run
from test_transfer import GOOD


def status(data, article_id: str) -> str:
    listed = json.loads(run(data, "list", "--json").stdout)
    return next(a["status"] for a in listed if str(a["id"]) == article_id)


def test_a_story_goes_round_the_newsroom_by_command_line(tmp_path):
    data = tmp_path / "data"
    src = tmp_path / "story.md"
    src.write_text(GOOD, encoding="utf-8")
    [story] = run(data, "import", str(src)).stdout.split()
    reporter = ("--as", "Amal Reporter", "--role", "reporter")
    editor = ("--as", "Nadia Editor", "--role", "editor")

    done = run(data, "submit", story, *reporter)
    assert done.returncode == 0, done.stderr
    assert status(data, story) == "submitted"

    refused = run(data, "approve", story, *reporter)
    assert refused.returncode == 1 and "reporter" in refused.stderr.lower()
    assert status(data, story) == "submitted", "a refusal changes nothing"

    assert run(data, "claim", story, *editor).returncode == 0
    assert status(data, story) == "in_edit"
    other = run(data, "claim", story, "--as", "Omar Editor", "--role", "editor")
    assert other.returncode == 1 and "Nadia Editor" in other.stderr
    assert run(data, "claim", story, "--take-over", "--as", "Omar Editor", "--role", "editor")
    no_note = run(data, "return", story, *editor)
    assert no_note.returncode == 2 and "--note" in no_note.stderr

    assert run(data, "return", story, "--note", "Name the second source.", *editor).returncode == 0
    assert status(data, story) == "returned"
    thread = json.loads(run(data, "notes", story, "--json").stdout)
    note = next(n for n in thread if n["body"] == "Name the second source.")
    assert note["author"] == "Nadia Editor"
    assert run(data, "note", story, "Done: Reuters.", "--reply-to", str(note["id"]), *reporter)
    assert run(data, "submit", story, *reporter).returncode == 0
    thread = json.loads(run(data, "notes", story, "--json").stdout)
    assert thread[-1]["reply_to"] == note["id"] and thread[-1]["author"] == "Amal Reporter"

    not_ready = run(data, "publish", story, *editor)
    assert not_ready.returncode == 1 and "FAIL lead_photo" in not_ready.stderr
    assert status(data, story) == "submitted", "nothing moved: not even the approval"

    from PIL import Image

    Image.new("RGB", (1200, 800), (30, 90, 150)).save(tmp_path / "port.jpg", "JPEG")
    [photo] = run(data, "photo", "import", str(tmp_path / "port.jpg")).stdout.split()
    captioned = run(data, "photo", "set", photo, "--caption", "Cranes idle at the port.",
                    "--credit", "Reuters", "--alt", "Idle cranes over empty quays",
                    "--house-form")  # fmt: skip
    assert captioned.returncode == 0, captioned.stderr
    assert run(data, "photo", "lead", story, photo).returncode == 0

    published = run(data, "publish", story, *editor)
    assert published.returncode == 0, published.stderr + published.stdout
    assert status(data, story) == "published", "approved and published in one go"
    assert run(data, "correct", story, "--note", "An earlier version misnamed the port.", *editor)
    assert status(data, story) == "published"
    assert run(data, "kill", story, "--note", "Legal.", *editor).returncode == 0
    assert status(data, story) == "killed"


def test_the_checklist_stops_a_publication_and_says_why(tmp_path):
    data = tmp_path / "data"
    src = tmp_path / "bare.md"
    src.write_text("---\nheadline: Bare\nstatus: approved\n---\nOne line.\n", encoding="utf-8")
    [story] = run(data, "import", str(src)).stdout.split()
    refused = run(data, "publish", story, "--as", "Nadia Editor", "--role", "editor")
    assert refused.returncode == 1
    assert "FAIL" in refused.stderr and "source" in refused.stderr
    assert status(data, story) == "approved"


def test_who_acts_comes_from_preferences_when_not_given(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[user]\nname=Amal Reporter\nrole=reporter\n")
    src = tmp_path / "story.md"
    src.write_text(GOOD, encoding="utf-8")
    [story] = run(data, "import", str(src)).stdout.split()
    assert run(data, "submit", story).returncode == 0
    assert run(data, "approve", story).returncode == 1, "the reporter's role, from Preferences"
    assert run(data, "note", story, "Sent.").returncode == 0
    assert json.loads(run(data, "notes", story, "--json").stdout)[-1]["author"] == "Amal Reporter"
