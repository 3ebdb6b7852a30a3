"""The command line as a script or cron job uses it: real processes, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_transfer import GOOD


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSDESK_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
    )


def test_import_list_search_export(tmp_path):
    data = tmp_path / "data"
    src = tmp_path / "story.md"
    src.write_text(GOOD, encoding="utf-8")
    done = run(data, "import", str(src))
    assert done.returncode == 0, done.stderr
    [article_id] = done.stdout.split()

    listed = json.loads(run(data, "list", "--json").stdout)
    assert [a["headline"] for a in listed] == ["Ceasefire talks resume in Cairo"]
    assert set(listed[0]) >= {
        "id",
        "uuid",
        "headline",
        "status",
        "section",
        "edition",
        "updated_at",
    }
    assert json.loads(run(data, "list", "--status", "published", "--json").stdout) == []

    found = json.loads(run(data, "search", "haaretz", "--json").stdout)
    assert [a["id"] for a in found] == [int(article_id)]
    assert json.loads(run(data, "search", "nothing-like-this", "--json").stdout) == []

    out = tmp_path / "out.md"
    assert run(data, "export", article_id, "--format", "markdown", "-o", str(out)).returncode == 0
    assert "headline: Ceasefire talks resume in Cairo" in out.read_text()
    again = run(data, "import", str(out))
    assert again.stdout.split() == [article_id], "same uuid: the article is updated, not doubled"


def test_data_dir_flag_beats_the_environment(tmp_path):
    src = tmp_path / "story.md"
    src.write_text(GOOD, encoding="utf-8")
    flag_dir = tmp_path / "flag"
    assert run(tmp_path / "env", "--data-dir", str(flag_dir), "import", str(src)).returncode == 0
    assert (flag_dir / "newsdesk.db").exists()
    assert not (tmp_path / "env" / "newsdesk.db").exists()


def test_bad_file_one_clear_line_nonzero_nothing_imported(tmp_path):
    data = tmp_path / "data"
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text("---\nheadline: x\nsection: Gossip\n---\n", encoding="utf-8")
    done = run(data, "import", str(good), str(bad))
    assert done.returncode != 0
    assert done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert str(bad) in line and "unknown section 'Gossip'" in line
    assert json.loads(run(data, "list", "--json").stdout) == []


def test_a_store_from_a_newer_newsdesk_is_refused(tmp_path):
    import sqlite3

    data = tmp_path / "data"
    assert run(data, "list").returncode == 0
    conn = sqlite3.connect(data / "newsdesk.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    done = run(data, "list")
    assert done.returncode == 2 and "newer Newsdesk" in done.stderr


def test_unknown_article_id(tmp_path):
    done = run(tmp_path / "d", "export", "4242")
    assert done.returncode == 1 and "No article with id 4242" in done.stderr


def test_html_export_of_an_imported_dot_dot_slug_stays_in_the_folder(tmp_path):
    data = tmp_path / "data"
    src = tmp_path / "story.md"
    src.write_text(GOOD.replace("status: draft", 'status: draft\nslug: "../../x"'), "utf-8")
    [article_id] = run(data, "import", str(src)).stdout.split()
    folder = tmp_path / "a" / "b" / "out"
    done = run(data, "export", article_id, "--format", "html", "-o", str(folder))
    assert done.returncode == 0, done.stderr
    assert (folder / "x.html").is_file() and (folder / "x_files").is_dir()
    assert not (tmp_path / "a" / "x.html").exists()


def test_a_deeply_nested_file_is_refused_in_one_line(tmp_path):
    data = tmp_path / "data"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = run(data, "import", str(deep))
    assert done.returncode == 1 and done.stdout == ""
    [line] = done.stderr.strip().splitlines()
    assert (
        line
        == f"newsdesk: import failed, nothing imported: {deep}: is nested too deeply to be an article"
    )


def test_a_new_store_on_a_full_disk_says_so_in_one_line(small_disk):
    data = small_disk("200k") / "data"
    done = run(data, "list")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == (
        f"newsdesk: The disk is full: cannot create the store at {data / 'newsdesk.db'}.\n"
    )


def test_a_write_to_a_store_on_a_full_disk_says_so_in_one_line(small_disk, tmp_path):
    disk = small_disk("1m")
    data = disk / "data"
    assert run(data, "list").returncode == 0
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    (disk / "filler").write_bytes(b"\0" * free)  # the disk is full: not even opening works
    assert run(data, "list").stderr == (
        f"newsdesk: The disk is full: cannot open the store at {data / 'newsdesk.db'}.\n"
    )
    with (disk / "filler").open("r+b") as filler:
        filler.truncate(free - 160 * 1024)  # room to open the store, not for an article
    src = tmp_path / "story.md"
    src.write_text(GOOD.replace("A second paragraph.", "word " * 100_000), encoding="utf-8")
    done = run(data, "import", str(src))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"newsdesk: The disk is full: cannot write to the store at {data / 'newsdesk.db'}.\n"
    )
    (disk / "filler").unlink()
    assert json.loads(run(data, "list", "--json").stdout) == [], "nothing half-imported"
