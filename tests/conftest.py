"""Session-wide settings: Qt offscreen, a private data folder, stores in temp folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed, and nothing touches the
# user's real data folder or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
os.environ["NEWSDESK_DATA_DIR"] = str(
    Path(os.environ.get("TMPDIR", "/tmp")) / "newsdesk-tests-unused"
)

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
sys.path.insert(0, str(ROOT / "tests"))


@pytest.fixture
def store(tmp_path):
    from newsdesk.store import open_store

    s = open_store(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def small_disk(tmp_path):
    """small_disk("200k"): a folder on a real file system that size (a tmpfs), to fill up.

    Mounting needs root (or CAP_SYS_ADMIN); elsewhere the test is skipped, saying so.
    """
    import subprocess

    mounted: list[Path] = []

    def make(size: str) -> Path:
        folder = tmp_path / f"disk{len(mounted)}"
        folder.mkdir()
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs to fill up: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots and exports the tests leave for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


_exit_status = 0


def pytest_sessionfinish(session, exitstatus):
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without running Qt's global destructors once pytest has reported.

    After a session that opened many QtWebEngine views, the web profile's
    teardown at interpreter exit can crash (a segfault after "Release of
    profile requested but WebEnginePage still not deleted"), turning a green
    run red. Every test and fixture has finished and the summary is printed by
    now; the exit status is pytest's own.
    """
    if "PySide6.QtWebEngineCore" not in sys.modules:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_exit_status)
