"""A long pull lets a waiting desk write through: it stores posts in short transactions
and steps aside between them while another writer of the app waits for the lock.

(SQLite gives the lock to whoever asks once it is free; a writer that retries on
a timer, as the queue desk does, otherwise almost never finds the moment between
two of the pull's transactions and waits for the whole pull.)"""

from __future__ import annotations

import sqlite3
import threading
import time

from newsdesk.store import open_store

from .helpers import connect, seed_posts, sync

RETRY_S = 0.04  # the queue desk's retry interval


def test_writes_waiting_during_a_long_pull_land_while_it_runs(tmp_path, wordpress):
    seed_posts(wordpress, 400, "Long pull", paragraphs=20)
    syncing = open_store(tmp_path / "store")
    connect(syncing, wordpress, "editor", from_now=False)
    desk = open_store(tmp_path / "store")  # the window's own connection
    desk.conn.execute("PRAGMA busy_timeout = 0")  # a desk write never waits in a handler
    first_stored = threading.Event()
    pulled: list[object] = []

    def pull() -> None:
        pulled.append(sync(syncing, progress=lambda *_: first_stored.set()))

    worker = threading.Thread(target=pull)
    worker.start()
    waits: list[float] = []
    try:
        assert first_stored.wait(30)
        while worker.is_alive():
            time.sleep(0.025)  # not in step with the pull's commits
            desk.waiting_to_write(True)
            began = time.perf_counter()
            while True:
                try:
                    with desk.atomic():
                        desk.conn.execute("CREATE TABLE IF NOT EXISTS desk_write (x)")
                    break
                except sqlite3.OperationalError as exc:
                    assert "locked" in str(exc)
                    time.sleep(RETRY_S)
            desk.waiting_to_write(False)
            if worker.is_alive():
                waits.append(time.perf_counter() - began)
    finally:
        worker.join(60)
    assert pulled and not pulled[0].failed, pulled
    assert len(pulled[0].pulled) >= 400
    assert len(waits) >= 6, f"writes landed during the pull after {waits} s"
    assert max(waits) < 0.3, waits
    desk.close()
    syncing.close()
