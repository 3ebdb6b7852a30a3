"""The photo editor's session under a real X server (Xvfb), as a new user would go through it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parent / "shoot_photo_desk.py"


def test_photo_editor_session_in_a_real_window(artifacts_dir):
    shots = artifacts_dir / "photo-desk-session"
    shutil.rmtree(shots, ignore_errors=True)
    # A real X server: not the offscreen platform tests/conftest.py sets for the others.
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(SCRIPT), str(shots)],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "platform: xcb" in done.stdout.splitlines(), done.stdout[-500:]
    names = (
        "01-imported",
        "02-failing-army-photo",
        "02-batch-dialog",
        "03-after-batch",
        "04-exported",
    )
    for name in names:
        assert (shots / f"{name}.png").stat().st_size > 20_000, name
    tags = json.loads(
        subprocess.run(
            [
                "exiftool",
                "-j",
                "-a",
                "-G1",
                "-IPTC:all",
                "-XMP:all",
                str(shots / "exported-army.jpg"),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )[0]
    caption = "Soldiers inspect the site of a strike in Khiam on Tuesday. (Lebanese Army)"
    assert tags["IPTC:Caption-Abstract"] == caption
    assert tags["XMP-dc:Description"] == caption
    assert tags["IPTC:Credit"] == tags["XMP-photoshop:Credit"] == "Lebanese Army"
    assert tags["XMP-iptcCore:AltTextAccessibility"] == "Soldiers at work near Khiam"
