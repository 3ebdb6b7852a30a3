"""A sync in a process of its own, for a test to kill: `pull_child.py FOLDER URL LOGIN PASSWORD`.

The password goes to an in-memory keyring of this process (no OS keyring in tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

import keyring

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsdesk.store import open_store  # noqa: E402
from newsdesk.sync.credentials import _service  # noqa: E402
from newsdesk.sync.engine import SyncEngine  # noqa: E402
from sync.memory_keyring import MemoryKeyring  # noqa: E402

folder, url, login, password = sys.argv[1:5]
keyring.set_keyring(MemoryKeyring())
keyring.set_password(_service(url), login, password)
store = open_store(Path(folder))
report = SyncEngine(store).sync()
print("ok" if report.ok else f"not ok: {report.failed}", flush=True)
