"""The GUI entry point: open the store, seed a new one, recover unsaved work, show the window."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .paths import data_dir
from .store import Store, StoreError, open_store
from .store.autosaves import Recovery
from .store.db import disk_full_error, is_disk_full


def application(qt_args: list[str] | None = None) -> QApplication:
    """The one QApplication, created on first use (tests already have one)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    from .gui.preview import register_scheme

    register_scheme()  # QtWebEngine reads URL schemes once, before the application starts
    app = QApplication(["newsdesk", *(qt_args or [])])
    app.setApplicationName("Newsdesk")
    app.setOrganizationName("Newsdesk")
    app.setDesktopFileName("newsdesk")
    return app


def open_and_recover(folder: Path) -> tuple[Store, Recovery]:
    """Open the store, seed samples into a new one, turn journalled typing into revisions
    (a journal row that cannot be one is set aside, and said, not fatal)."""
    store = open_store(folder)
    try:
        from .services.samples import seed_if_new

        seed_if_new(store)
        recovery = store.autosaves.recover_all()
    except (sqlite3.Error, OSError) as exc:
        store.close()
        if is_disk_full(exc):  # the samples did not fit: the store is not made yet
            raise disk_full_error(store.path, "create" if store.is_new else "open") from exc
        raise
    except BaseException:
        store.close()
        raise
    return store, recovery


def build_window(folder: Path):  # type: ignore[no-untyped-def]
    """The main window on the store in `folder`, with crash recovery reported; used by tests too."""
    from .gui.main_window import MainWindow
    from .gui.settings import Settings
    from .gui.theme import follow

    app = application()
    settings = Settings(folder)
    if not app.styleSheet():
        follow(settings, app)  # light or dark: the system's scheme unless overridden
    store, recovery = open_and_recover(folder)
    window = MainWindow(store, settings)
    window.recovered = recovery.recovered
    window.set_aside = recovery.set_aside
    follow_caption_style(window)
    return window


def follow_caption_style(window) -> None:  # type: ignore[no-untyped-def]
    """The database worker's store reads the house settings again when they change.

    The operation that changed them (ops.house) brought the stored checks in line,
    queued the posts that show photos and was announced (Changes(settings=True));
    the window relays that on Settings.changed (HOUSE_CHANGED). The window's store
    made the change itself; the worker's connection kept its own copy, dropped here
    (before any desk hears of it: the window connects first), so the checklists the
    queue reads on the worker follow too.
    """
    from .gui.settings import HOUSE_CHANGED

    def changed(key: str) -> None:
        if key == HOUSE_CHANGED:
            window.runner.store.house.forget()

    window.settings.changed.connect(changed)


def start(folder: Path):  # type: ignore[no-untyped-def]
    """What a start does once the store is open: show the window, then say what was recovered."""
    from .gui.preview.attach import attach_preview

    window = build_window(folder)
    attach_services(window)
    attach_preview(window)  # the layout preview beside the editor, following it
    window.show()
    window.tell_recovered(window.recovered, window.set_aside)
    return window


def attach_services(window):  # type: ignore[no-untyped-def]
    """What a real start adds to the window beyond what tests build: background sync."""
    from .gui.changes import lost_claims_message
    from .gui.sync import install as install_sync
    from .ops import Changes

    controller = install_sync(window)
    controller.finished.connect(lambda _report: window.list_pane.model.refresh_sync_states())
    # What the sync wrote reaches the open editor and the other desks.
    controller.finished.connect(lambda report: window.announce(report.changes, controller))
    controller.finished.connect(
        lambda report: (
            lost_claims_message(report)
            and window.statusBar().showMessage(lost_claims_message(report), 30_000)
        )
    )
    # Each page the pull commits may bring stories to the queue: the desks read it again
    # (the report, at the end, names the articles for the open editor).
    controller.progressed.connect(
        lambda phase, *_n: (
            window.announce(Changes(queue=True), controller) if phase == "pull" else None
        )
    )
    application().aboutToQuit.connect(controller.stop)  # the window's closing: see install
    window.sync_controller = controller


def quit_on_signals(window) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM (logout, shutdown) and Ctrl+C close the window properly: the open article is saved."""

    def close(_signum: int, _frame: object) -> None:
        window.close()
        QApplication.quit()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, close)
    # Python runs signal handlers only when it gets control; Qt's loop is C++.
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)


def store_error_box(exc: StoreError, folder: Path) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Critical, "Newsdesk cannot open its store", str(exc))
    box.setObjectName("storeErrorBox")
    box.setInformativeText(
        f"Data folder: {folder}\nChoose another with --data-dir or NEWSDESK_DATA_DIR."
    )
    return box


def run_gui(data_dir_arg: str | None, qt_args: list[str], files: list[str] | None = None) -> int:
    app = application(qt_args)
    folder = data_dir(data_dir_arg)
    try:
        window = start(folder)
    except StoreError as exc:
        # Never overwrite: say what is wrong with which file, and leave non-zero.
        print(f"newsdesk: {exc}", file=sys.stderr, flush=True)
        store_error_box(exc, folder).exec()
        return 2
    quit_on_signals(window)
    app.aboutToQuit.connect(window.store.close)
    from .gui.firstrun import greet

    greet(window)  # the role's desk; on a new data folder, the first-run guide over the window
    if files:  # opened from the file manager: import them, the first one opens
        window.transfer.import_paths([Path(f) for f in files])
    if os.environ.get("NEWSDESK_SMOKE_TEST"):
        # Packaging's smoke test: the window came up on its store; close it as a user would.
        def smoke_done() -> None:
            print(f"smoke test: main window shown ({window.windowTitle()})", flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(1500, window, smoke_done)
    return int(app.exec())


__all__ = ["application", "build_window", "open_and_recover", "run_gui", "start"]
