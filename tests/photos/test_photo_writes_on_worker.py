"""The photo desk's caption edits, their undo, the house word and the caption style
are operations on the database worker, each announced once (no synchronous tasks)."""

from __future__ import annotations

import threading

import pytest

from newsdesk.gui.context import AppContext
from newsdesk.gui.photodesk import PhotoDesk
from newsdesk.gui.photodesk import desk as desk_module
from newsdesk.gui.photodesk import style as style_module
from newsdesk.gui.photodesk import undo as undo_module
from newsdesk.photos.importer import import_files


@pytest.fixture
def desk_and_photo(qtbot, store, agency_folder):
    photo = import_files(store, sorted(agency_folder.iterdir())[:1], workers=1).added[0]
    ctx = AppContext.for_store(store, user="Rania Photo")
    desk = PhotoDesk.build(ctx)
    qtbot.addWidget(desk)
    qtbot.waitUntil(lambda: ctx.runner.queued == 0, timeout=10_000)  # the style it follows
    heard: list[tuple[object, object]] = []
    ctx.changes.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    yield desk, photo, heard
    ctx.runner.close()


@pytest.fixture
def threads(monkeypatch):
    seen: dict[str, list[int]] = {}

    def spy(module, name):  # type: ignore[no-untyped-def]
        real = getattr(module, name)

        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            seen.setdefault(name, []).append(threading.get_ident())
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, run)

    spy(undo_module, "update_photos")
    spy(style_module, "follow_caption_style")
    spy(desk_module, "recheck_photos")
    return seen


def test_a_caption_edit_and_its_undo_run_on_the_worker_announced_once(
    qtbot, desk_and_photo, threads
):
    desk, photo, heard = desk_and_photo
    store = desk.store
    desk.edit({photo.id: {"caption": "Changed on the worker. (AP)"}}, "Edit caption")
    qtbot.waitUntil(lambda: store.photos.get(photo.id).caption.startswith("Changed"), timeout=5000)
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=5000)
    changes, initiator = heard[0]
    assert changes.photos == {photo.id} and initiator is desk
    desk.undo_stack.undo()
    qtbot.waitUntil(lambda: store.photos.get(photo.id).caption == photo.caption, timeout=5000)
    qtbot.waitUntil(lambda: len(heard) == 2, timeout=5000)
    assert len(threads["update_photos"]) == 2
    assert threading.get_ident() not in threads["update_photos"]


def test_a_refused_edit_leaves_no_undo_step(qtbot, desk_and_photo, monkeypatch):
    desk, photo, heard = desk_and_photo
    warned: list[str] = []
    monkeypatch.setattr(desk_module.QMessageBox, "warning", lambda *a: warned.append(a[2]))
    desk.edit({photo.id: {"caption_state": "bogus"}}, "Edit caption")  # refused by the store
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "caption_state" in warned[0]
    assert not desk.undo_stack.canUndo(), "the step that did not happen left the stack"
    assert heard == []


def test_the_caption_style_follows_through_an_operation(qtbot, desk_and_photo, threads):
    desk, photo, heard = desk_and_photo
    style_module.apply_caption_style(desk, "slash")
    qtbot.waitUntil(lambda: bool(threads.get("follow_caption_style")), timeout=5000)
    qtbot.waitUntil(lambda: desk.ctx.runner.queued == 0, timeout=5000)
    assert threading.get_ident() not in threads["follow_caption_style"]
    assert desk.store.photos.caption_style == "slash"
    announced = [c for c, _i in heard if c.photos]
    assert len(announced) <= 1  # once, naming the photos whose checks changed


def test_a_house_word_rechecks_on_the_worker(qtbot, desk_and_photo, threads):
    desk, _photo, heard = desk_and_photo
    desk.add_house_word("Naqoura")
    qtbot.waitUntil(lambda: bool(threads.get("recheck_photos")), timeout=5000)
    qtbot.waitUntil(lambda: any(c.settings for c, _i in heard), timeout=5000)
    assert threading.get_ident() not in threads["recheck_photos"]
    assert "Naqoura" in desk.store.house.words()


def test_an_import_is_stored_by_the_worker_in_batches_each_announced_once(
    qtbot, desk_and_photo, agency_folder, monkeypatch
):
    from newsdesk.gui.photodesk import importing

    desk, _photo, heard = desk_and_photo
    batches: list[tuple[int, int]] = []
    real = importing.add_prepared_photos

    def spy(store, prepared):  # type: ignore[no-untyped-def]
        batches.append((threading.get_ident(), len(prepared)))
        return real(store, prepared)

    monkeypatch.setattr(importing, "add_prepared_photos", spy)
    monkeypatch.setattr(importing, "BATCH", 2)  # several batches from a small folder
    thread = desk.import_paths([str(agency_folder)], workers=1)
    assert thread is not None
    with qtbot.waitSignal(thread.finishedReport, timeout=120_000) as done:
        pass
    thread.wait()
    report = done.args[0]
    assert len(batches) >= 2 and threading.get_ident() not in {t for t, _n in batches}
    assert sum(n for _t, n in batches) == len(report.added) + len(report.duplicates)
    added = {p.id for p in report.added}
    announced = [c.photos for c, i in heard if c.photos and i is thread]
    assert len(announced) <= len(batches)
    assert set().union(*announced) == added, "every new photo announced, once"
    assert sum(len(a) for a in announced) == len(added)
