"""Packaging: the wheel carries resources/ and ui/; the desktop files validate."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.newsdesk.Newsdesk"


@pytest.mark.slow
def test_wheel_ships_resources_and_ui(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("newsdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for sample in (ROOT / "resources" / "samples").glob("*.md"):
        assert f"newsdesk/resources/samples/{sample.name}" in names
    assert "newsdesk/resources/newsdesk.svg" in names
    assert any(n.startswith("newsdesk/resources/templates/") for n in names)
    assert "newsdesk/store/migrations/m0001_core.py" in names
    forms = sorted((ROOT / "ui").glob("*.ui"))
    assert forms
    for form in forms:  # the Designer file and the module the window imports
        assert f"newsdesk/ui/{form.name}" in names
        assert f"newsdesk/ui/{form.stem}_ui.py" in names
    assert not any(n.startswith(("tests/", "resources/")) for n in names)


def test_desktop_entry_validates():
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-utils is listed in tests/system-packages.txt"
    done = subprocess.run([tool, str(LINUX / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout


def test_appstream_metainfo_validates():
    tool = shutil.which("appstreamcli")
    assert tool, "appstream is listed in tests/system-packages.txt"
    done = subprocess.run(
        [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_icons_at_the_standard_sizes():
    from PIL import Image

    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(LINUX / "icons" / f"{size}x{size}" / f"{APP_ID}.png") as image:
            assert image.size == (size, size)


def test_install_script_puts_everything_in_place(tmp_path):
    done = subprocess.run(
        ["bash", str(LINUX / "install.sh"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    share = tmp_path / "share"
    assert (share / "applications" / f"{APP_ID}.desktop").exists()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").exists()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").exists()
