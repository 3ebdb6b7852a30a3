"""Kill a real Newsdesk process mid-typing; the next start brings the typing back and says so."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

TYPIST = Path(__file__).parent / "gui" / "crash_typist.py"


def _type_then_kill(data_dir: Path, signum: int = signal.SIGKILL) -> tuple[int, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, str(TYPIST), str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and not line.startswith("READY"):
            line = proc.stdout.readline()
        if not line:
            pytest.fail(f"the typist never got ready: {proc.stderr.read() if proc.stderr else ''}")
        os.kill(proc.pid, signum)
        status = proc.wait(timeout=20)
        # SIGKILL: no chance to save anything. SIGTERM (logout): closes properly, status 0.
        assert status == (-signal.SIGKILL if signum == signal.SIGKILL else 0)
    finally:
        if proc.poll() is None:
            proc.kill()
    _ready, article_id, text = line.rstrip("\n").split(" ", 2)
    return int(article_id), json.loads(text)


def test_typing_survives_sigkill_and_user_is_told(qtbot, tmp_path, artifacts_dir):
    from PySide6.QtWidgets import QMessageBox

    from newsdesk.app import start
    from newsdesk.store import open_store

    data_dir = tmp_path / "store"
    article_id, typed_two_seconds_before = _type_then_kill(data_dir)
    assert len(typed_two_seconds_before) > 10  # it really was typing continuously

    # The journal holds it before any restart (the kill left no chance to save).
    probe = open_store(data_dir)
    assert probe.autosaves.pending() == [article_id]
    probe.close()

    window = start(data_dir)
    qtbot.addWidget(window)
    try:
        article = window.store.articles.get(article_id)
        assert article.headline == "Convoi arrivé à Rafah"
        assert article.body.startswith(typed_two_seconds_before)
        revisions = window.store.revisions.list(article_id)
        assert revisions[0].reason == "recovered"
        assert window.store.autosaves.pending() == []

        notice = window.findChild(QMessageBox, "recoveryNotice")
        assert notice is not None and notice.isVisible()
        assert not notice.isModal()
        assert "not closed properly" in notice.text()
        assert "Convoi arrivé à Rafah" in notice.informativeText()
        assert f"revision {revisions[0].number}" in notice.informativeText()
        assert "Recovered unsaved work in 1 article" in window.statusBar().currentMessage()

        # Opening the recovered article shows the recovered text in the editor.
        window.list_pane.select_article(article_id)
        assert window.editor.body_edit.toPlainText() == article.body
        window.grab().save(str(artifacts_dir / "crash-recovered-window.png"))  # paints now
        notice.grab().save(str(artifacts_dir / "crash-recovered-notice.png"))
    finally:
        window.close()
        window.store.close()


def test_sigterm_closes_properly_and_nothing_needs_recovering(qtbot, tmp_path):
    from newsdesk.app import start

    data_dir = tmp_path / "store"
    article_id, typed_two_seconds_before = _type_then_kill(data_dir, signal.SIGTERM)
    window = start(data_dir)
    qtbot.addWidget(window)
    try:
        revisions = window.store.revisions.list(article_id)
        assert revisions[0].reason == "save"  # saved on the way out, not recovered
        assert revisions[0].content["body"].startswith(typed_two_seconds_before)
        assert window.recovered == []
        assert window.recovery_notice is None
    finally:
        window.close()
        window.store.close()


def test_a_bad_journal_row_does_not_block_the_start(qtbot, tmp_path, artifacts_dir):
    """One damaged autosave is set aside and said; the others still come back."""
    from PySide6.QtWidgets import QMessageBox

    from newsdesk.app import start
    from newsdesk.domain.article import Article
    from newsdesk.store import open_store

    data_dir = tmp_path / "store"
    store = open_store(data_dir)
    good = store.articles.create(Article(headline="Convoi arrivé à Rafah", body="saved"))
    bad = store.articles.create(Article(headline="Damaged", body="saved"))
    edited = good.copy()
    edited.body = "saved and typed before the crash"
    store.autosaves.write(good.id, edited.content())
    store.conn.execute(
        "INSERT INTO autosaves (article_id, content, saved_at) VALUES (?, ?, ?)",
        (bad.id, '{"body": "half-writ', "2026-12-03T09:00:00Z"),
    )
    store.close()

    window = start(data_dir)
    qtbot.addWidget(window)
    try:
        assert window.store.articles.get(good.id).body == "saved and typed before the crash"
        assert window.store.articles.get(bad.id).body == "saved"
        [aside] = window.set_aside
        assert aside.path is not None and aside.path.is_file()
        assert '{\\"body\\": \\"half-writ' in aside.path.read_text(encoding="utf-8")
        message = window.statusBar().currentMessage()
        assert "Recovered unsaved work in 1 article" in message
        assert "1 autosave could not be recovered and was set aside" in message
        notice = window.findChild(QMessageBox, "recoveryNotice")
        assert notice is not None and notice.isVisible()
        assert "Convoi arrivé à Rafah" in notice.informativeText()
        assert (
            f"unsaved work of “Damaged” (article {bad.id}) is not readable"
            in notice.informativeText()
        )
        assert str(aside.path) in notice.informativeText()
        notice.grab().save(str(artifacts_dir / "crash-set-aside-notice.png"))
    finally:
        window.close()
        window.store.close()
