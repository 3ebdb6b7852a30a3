"""Articles in and out as files, from the window: File ▸ Import… and Export…, files
dropped on the article list, and files the desktop opens with Newsdesk (`newsdesk FILE…`).

Import takes Markdown with YAML front matter or ninjs JSON, every file of a batch or
none (a file that cannot be read is named, with why, and nothing is written), as
`ops.articles.import_articles` on the database worker; the imported articles are
announced like any other change, and the first one opens.
Export writes the open article as Markdown or ninjs, chosen by the file's type.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..ops.articles import ImportedArticles, import_articles
from ..store import StoreError
from . import tasks

if TYPE_CHECKING:
    from .main_window import MainWindow

ARTICLE_SUFFIXES = (".md", ".markdown", ".json")
IMPORT_FILTER = "Articles (*.md *.markdown *.json);;Markdown (*.md *.markdown);;ninjs (*.json)"
EXPORT_FILTERS = {"Markdown (*.md)": "markdown", "ninjs JSON (*.json)": "ninjs"}


def article_files(paths: list[Path]) -> list[Path]:
    """The paths that can be articles (by name); folders and photos are not."""
    return [p for p in paths if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()]


class FileTransfer(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QFileDialog | None = None
        self.problem_box: QMessageBox | None = None

    # --- import -----------------------------------------------------------------
    def ask_import(self) -> None:
        dialog = QFileDialog(self.window, "Import articles", "", IMPORT_FILTER)
        dialog.setObjectName("importDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self.import_paths([Path(n) for n in names]))
        self.dialog = dialog
        dialog.open()

    def import_paths(self, paths: list[Path]) -> list[int]:
        """Import the files (all or none) on the database worker; the first one opens.
        Returns the articles' ids once imported (at once when tasks run inline)."""
        window = self.window
        if not paths:
            return []
        author = window.settings.author
        imported: list[int] = []

        def done(result: ImportedArticles) -> None:
            imported.extend(r.article_id for r in result.results)
            self._imported(result)

        def refused(exc: Exception) -> None:
            from ..services import transfer  # markdownify and bs4: not on the way to the window

            if isinstance(exc, (transfer.ImportError_, StoreError, OSError)):
                self._problem("Nothing was imported", str(exc))
            else:
                tasks.report_failure(exc)

        window.runner.store_op(
            self, lambda store: import_articles(store, paths, author=author)
        ).success(done).failure(refused).run()
        return imported

    def _imported(self, result: ImportedArticles) -> None:
        window, results = self.window, result.results
        ids = [r.article_id for r in results]
        window.list_pane.apply_query()
        window.show_desk("Reporter's desk")
        if window.list_pane.select_article(ids[0]):
            window.session.open(ids[0])
        new = sum(r.created for r in results)
        window.statusBar().showMessage(
            f"Imported {len(ids)} article(s): {new} new, {len(ids) - new} updated.", 15000
        )

    # --- export -----------------------------------------------------------------
    def ask_export(self) -> None:
        window = self.window
        article_id = window.editor.article_id
        if article_id is None:
            window.statusBar().showMessage("Open an article to export it.", 10000)
            return
        # What is typed goes out: the file is chosen once the save has landed.
        window.session.save(then=lambda _ok: self._choose_export_file(article_id))

    def _choose_export_file(self, article_id: int) -> None:
        window = self.window
        article = window.store.articles.get(article_id)
        name = (article.slug or article.headline or "article")[:60].strip() or "article"
        dialog = QFileDialog(window, "Export the article", f"{name}.md", ";;".join(EXPORT_FILTERS))
        dialog.setObjectName("exportDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(
            lambda chosen: self.export_to(article_id, Path(chosen), dialog.selectedNameFilter())
        )
        self.dialog = dialog
        dialog.open()

    def export_to(self, article_id: int, path: Path, name_filter: str = "") -> bool:
        """Write the article to `path`: ninjs for .json (or that filter), else Markdown."""
        json_wanted = path.suffix.lower() == ".json" or (
            not path.suffix and EXPORT_FILTERS.get(name_filter) == "ninjs"
        )
        if not path.suffix:
            path = path.with_suffix(".json" if json_wanted else ".md")
        from ..services import transfer

        try:
            text = transfer.export_text(
                self.window.store, article_id, "ninjs" if json_wanted else "markdown"
            )
            path.write_text(text, encoding="utf-8")
        except (OSError, StoreError) as exc:
            self._problem("The article was not exported", f"{path}: {exc}")
            return False
        self.window.statusBar().showMessage(f"Exported to {path}.", 15000)
        return True

    def _problem(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setObjectName("transferProblem")
        self.problem_box = box
        box.open()
