"""`newsdesk queue` and `newsdesk show` on one desktop (no site): what waits, and one story."""

from __future__ import annotations

import json
import time

from newsdesk.cli import main
from newsdesk.domain.article import Article
from newsdesk.store import open_store


def run(capsys, data, *argv):
    code = main(["--data-dir", str(data), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_queue_and_show_say_what_waits_and_who_holds_it(tmp_path, capsys):
    data = tmp_path / "data"
    store = open_store(data)
    story = Article(headline="Port talks resume", body="Body.", section="News", edition="en")
    waiting = Article(headline="Not yet submitted", body="Body.")
    store.articles.create(story)
    store.articles.create(waiting)
    store.close()
    reporter = ("--as", "Amal Reporter", "--role", "reporter")
    assert run(capsys, data, "submit", str(story.id), *reporter)[0] == 0

    code, out, _ = run(capsys, data, "queue", "--json")
    [row] = json.loads(out)
    assert code == 0 and row["id"] == story.id and row["uuid"] == story.uuid
    assert row["status"] == "submitted" and row["claimed_by"] is None
    assert (row["section"], row["edition"], row["priority"]) == ("News", "en", 0)
    submitted_at = open_store(data).workflow.history(story.id)[-1].at
    assert row["waiting_since"] == submitted_at

    time.sleep(1.1)  # the claim changes the story a second later: it still waits since then
    code, out, _ = run(
        capsys, data, "claim", str(story.id), "--as", "Nadia Editor", "--role", "editor"
    )
    assert code == 0 and "claimed by Nadia Editor" in out and "not shared" not in out
    code, out, _ = run(capsys, data, "queue")
    assert "claimed by Nadia Editor" in out and "Port talks resume" in out
    [row] = json.loads(run(capsys, data, "queue", "--json")[1])
    assert row["claimed_by"] == "Nadia Editor" and row["waiting_since"] == submitted_at

    code, out, _ = run(capsys, data, "show", str(story.id), "--json")
    shown = json.loads(out)
    assert shown["status"] == "in_edit" and shown["claim"]["editor"] == "Nadia Editor"
    assert shown["notes"] == 0 and shown["lead_photo"] is None and shown["sites"] == []

    code, _out, err = run(capsys, data, "show", "999")
    assert code == 1 and len(err.strip().splitlines()) == 1
