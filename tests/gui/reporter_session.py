"""A reporter's first session in a real window (run under Xvfb by test_real_window.py).

Usage: reporter_session.py DATA_DIR SHOTS_DIR
Starts Newsdesk as `newsdesk --data-dir` would, then works like a newcomer:
new article, headline and body typed, a tag, a source, save, search, history,
restore. After each step it grabs the X screen into SHOTS_DIR and finally
prints one JSON line of what the store holds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from guikeys import type_text  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from newsdesk.app import application, start  # noqa: E402


def main() -> None:
    data_dir, shots = Path(sys.argv[1]), Path(sys.argv[2])
    shots.mkdir(parents=True, exist_ok=True)
    app = application()
    window = start(data_dir)
    window.move(0, 0)
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    QTest.qWait(300)
    taken = []

    def shot(name: str) -> None:
        QTest.qWait(250)
        path = shots / f"{name}.png"
        frame = window.frameGeometry()
        # What the X server shows in the window's area (dialogs on top included).
        window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(
            str(path)
        )
        taken.append(str(path))

    def chord(keys: str) -> None:
        combo = QKeySequence(keys)[0]
        if QApplication.activeWindow() is None:
            # Xvfb has no window manager: when the preview's web view is created (after
            # the first paint) X leaves no window active, which a desktop's manager would.
            window.activateWindow()
            QTest.qWait(50)
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
        QTest.qWait(50)

    # The newsroom a newcomer finds: open the sample news story.
    for row in range(window.list_pane.model.rowCount()):
        if window.list_pane.model.index(row, 0).data().startswith("Port talks"):
            window.list_pane.table.selectRow(row)
    shot("01-start")
    chord("Ctrl+N")
    editor = window.editor
    type_text(editor.headline_edit, "Élections au Liban : la participation dépasse 40 %")
    editor.standfirst_edit.setFocus()
    type_text(editor.standfirst_edit, "Les bureaux de vote ont fermé à 19 heures à Beyrouth.")
    editor.body_edit.setFocus()
    type_text(
        editor.body_edit,
        "La participation a atteint 41 % selon le ministère.\n\nقال وزير الداخلية إن العملية جرت بهدوء.\n\nLes résultats sont attendus",
    )
    chord("Ctrl+B")
    editor.tags_edit.setFocus()
    type_text(editor.tags_edit, "Liban, Élections")
    panel = editor.sources_panel
    QTest.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    type_text(panel.name_edit, "Ministère de l'Intérieur")
    panel.url_edit.setFocus()
    type_text(panel.url_edit, "https://www.interieur.gov.lb/resultats")
    QTest.mouseClick(panel.attribution_check, Qt.MouseButton.LeftButton)
    editor.body_edit.setFocus()
    shot("02-typed")
    chord("Ctrl+S")
    article_id = editor.article_id
    shot("03-saved")

    editor.body_edit.setFocus()
    type_text(editor.body_edit, " demain matin.")
    chord("Ctrl+S")
    chord("Ctrl+F")
    type_text(window.list_pane.search_box, "participation")
    QTest.qWait(400)
    shot("04-search")

    editor.body_edit.setFocus()
    chord("Ctrl+Shift+H")  # opens once what is typed is saved (on the database worker)
    for _ in range(500):
        dialog = window.findChild(QDialog, "historyDialog")
        if dialog is not None and dialog.isVisible():
            break
        QTest.qWait(10)
    dialog.move(260, 120)
    dialog.revision_list.setCurrentRow(dialog.revision_list.count() - 2)  # the first save
    shot("05-history")
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    shot("06-restored")
    dialog.close()

    store = window.store
    saved = store.articles.get(article_id)
    print(
        json.dumps(
            {
                "headline": saved.headline,
                "body": saved.body,
                "tags": saved.tags,
                "sources": [s.name for s in saved.sources],
                "revisions": [r.reason for r in store.revisions.list(article_id)],
                "search_rows": window.list_pane.model.rowCount(),
                "platform": QApplication.platformName(),
                "shots": taken,
            },
            ensure_ascii=False,
        ),
        flush=True,
    )
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
