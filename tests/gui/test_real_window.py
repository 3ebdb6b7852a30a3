"""A newcomer's session in a real X window (Xvfb), with screenshots left in artifacts/xvfb/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat

SCRIPT = Path(__file__).parent / "reporter_session.py"


@pytest.mark.skipif(
    shutil.which("xvfb-run") is None, reason="xvfb-run is in tests/system-packages.txt"
)
def test_reporter_session_in_real_window(tmp_path, artifacts_dir):
    shots = artifacts_dir / "xvfb"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            sys.executable,
            str(SCRIPT),
            str(tmp_path / "store"),
            str(shots),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    assert report["headline"] == "Élections au Liban : la participation dépasse 40 %"
    # Revision 2 (the first save) restored as a new revision: "demain matin." is gone again.
    assert report["revisions"] == ["restore of 2", "save", "save", "create"]
    assert report["body"].endswith("Les résultats sont **attendus**")
    assert "قال وزير الداخلية" in report["body"]
    assert report["tags"] == ["Liban", "Élections"]
    assert report["sources"] == ["Ministère de l'Intérieur"]
    assert report["search_rows"] >= 1
    for path in report["shots"]:
        image = Image.open(path).convert("L")
        assert image.size == (1440, 880)  # the window as it opens
        # A painted window, not a black screen.
        assert ImageStat.Stat(image).stddev[0] > 20, path
