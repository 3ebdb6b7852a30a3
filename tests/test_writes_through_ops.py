"""The window, the command line and the sync change the newsroom only through `newsdesk.ops`.

An AST check over desktop/newsdesk/gui, cli and sync: no call of a store method that writes (found by reading the store's own classes: a public method whose
body writes SQL or opens a transaction), no SQL that writes on a store connection,
and no import of the core's writing helpers that an operation wraps. A new writer
in a widget, a command or the sync fails here, naming the file and line. The sync's
own bookkeeping is not the newsroom and it keeps writing that itself: what each post
looked like (store.sync), the outbox, where a pull stopped, a library photo's merge base.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "newsdesk"
WRITES_SQL = re.compile(r"\b(INSERT|UPDATE|DELETE|REPLACE)\b|\.atomic\(\)|executemany")
# Core functions that write, each wrapped by an operation (named after the arrow).
WRAPPED = {
    ("photos.importer", "import_files"): "ops.photos.import_photos / add_prepared_photos",
    ("services.transfer", "import_files"): "ops.articles.import_articles",
    ("sync.conflicts", "resolve"): "ops.sites.resolve_conflict",
}


# The sync's bookkeeping: the owners (store.sync.*, store.outbox.*) and the methods.
SYNC_BOOKKEEPING = {
    "sync",
    "outbox",
    "set_pull_resume",
    "set_pulled_until",
    "set_window_held",
    "set_changes_seen",
    "save_base",
}


def store_writers() -> set[str]:
    """Public methods of the store's classes that write."""
    names: set[str] = set()
    for path in (PACKAGE / "store").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for cls in (n for n in ast.parse(text).body if isinstance(n, ast.ClassDef)):
            for fn in cls.body:
                public = isinstance(fn, ast.FunctionDef) and not fn.name.startswith("_")
                if public and WRITES_SQL.search(ast.get_source_segment(text, fn) or ""):
                    names.add(fn.name)
    return names


def _chain(node: ast.expr) -> list[str]:
    """`self.store.photos.uses.set_lead` -> ["self", "store", "photos", "uses", "set_lead"]."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return parts[::-1]


def violations(path: Path, writers: set[str], allowed: frozenset[str] = frozenset()) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(text)):
        where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            chain = _chain(node.func)
            if "store" in chain[:-2] and chain[-1] in writers and not allowed & set(chain[-2:]):
                found.append(f"{where}: {'.'.join(chain)}( writes; use an operation")
            for (wrapped_module, name), op in WRAPPED.items():
                if chain[-2:] == [wrapped_module.rsplit(".", 1)[-1], name]:
                    found.append(f"{where}: calls {wrapped_module}.{name}; use {op}")
            if chain[-2:] == ["conn", "execute"] and node.args:
                sql = node.args[0]
                literal = ast.get_source_segment(text, sql) or ""
                if WRITES_SQL.search(literal):
                    found.append(f"{where}: SQL that writes on a store connection")
        if isinstance(node, ast.ImportFrom) and node.module:
            module = node.module.lstrip(".")
            for alias in node.names:
                for (wrapped_module, name), op in WRAPPED.items():
                    if module.endswith(wrapped_module) and alias.name == name:
                        found.append(f"{where}: imports {module}.{name}; use {op}")
    return found


def test_the_store_writers_are_found():
    writers = store_writers()
    # What the check relies on: the writers it must know, read from the store itself.
    assert {"save", "create", "update", "write", "claim", "set_caption_style"} <= writers
    assert "get" not in writers and "summaries" not in writers


@pytest.mark.parametrize("area", ["gui", "cli", "sync"])
def test_the_window_the_command_line_and_the_sync_write_only_through_ops(area):
    writers = store_writers()
    allowed = frozenset(SYNC_BOOKKEEPING if area == "sync" else ())
    found = [
        v
        for path in sorted((PACKAGE / area).rglob("*.py"))
        for v in violations(path, writers, allowed)
    ]
    assert found == [], "\n".join(found)


def test_the_check_catches_a_widget_that_writes(tmp_path):
    sample = PACKAGE / "gui" / "_sample_writer.py"
    sample.write_text(
        "def save(self):\n"
        "    self.store.photos.update(1, caption='x')\n"
        "    self.store.conn.execute('UPDATE photos SET caption = 1')\n"
        "from ..photos.importer import import_files\n"
        "transfer.import_files(store, [])\n",
        encoding="utf-8",
    )
    try:
        found = violations(sample, store_writers())
    finally:
        sample.unlink()
    assert len(found) == 4, found


def test_the_check_lets_the_sync_keep_its_books_but_not_write_stories(tmp_path):
    sample = PACKAGE / "sync" / "_sample_writer.py"
    sample.write_text(
        "def pull(res, rp):\n"
        "    res.store.sync.save_remote_post(rp)\n"
        "    res.store.articles.save(rp.article, reason='from the site')\n",
        encoding="utf-8",
    )
    try:
        found = violations(sample, store_writers(), frozenset(SYNC_BOOKKEEPING))
    finally:
        sample.unlink()
    assert [v.split(": ", 1)[1] for v in found] == [
        "res.store.articles.save( writes; use an operation"
    ], found
