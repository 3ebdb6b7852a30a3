"""Submit from the reporter's desk: the story goes to the editors' queue.

Submit (toolbar, Article menu, Ctrl+Enter) saves what is open, shows what the
pre-publish checklist still finds (the reporter may go back to it or send the
story anyway: the editors decide), then runs the submit operation. A returned
story opens with the editor's note in a banner above the headline, and the
banner's Resubmit does the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from ..domain import workflow as rules
from ..domain.article import Article, Status
from ..domain.checklist import CheckResult
from ..ops import Changes
from ..ops import workflow as ops
from ..services.editorial import check_article
from ..store import StoreError
from . import tasks
from .naming import named

if TYPE_CHECKING:
    from .main_window import MainWindow

SUBMITTABLE = (Status.DRAFT.value, Status.RETURNED.value)


class ReturnedBanner(QFrame):
    """'Returned by …: the note', with Resubmit: shown while the open story is returned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, "returnedBanner", "Returned by the editors")
        self.setProperty("role", "banner")
        self.text = named(QLabel(), "returnedNote", "The editor's note")
        self.text.setWordWrap(True)
        self.resubmit = named(QPushButton("Resubmit"), "resubmitButton", "Resubmit the story")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.resubmit)
        self.hide()


class SubmitFlow:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.action = window.actions_by_name["submit"]
        self.banner = ReturnedBanner()
        window.editor.main_column.layout().insertWidget(0, self.banner)  # type: ignore[union-attr]
        # Asked with what the checklist still finds; True sends the story anyway.
        self.confirm: Callable[[list[CheckResult]], bool] = self._ask
        self.action.triggered.connect(self.submit)
        self.banner.resubmit.clicked.connect(self.submit)
        window.editor.articleOpened.connect(self.show_stage)
        window.editor.articleFollowed.connect(self.show_stage)
        self.action.setEnabled(False)

    def show_stage(self, article: Article) -> None:
        self.action.setEnabled(article.status in SUBMITTABLE)
        returned = article.status == Status.RETURNED.value and article.id is not None
        if returned:
            assert article.id is not None
            notes = [n for n in self.window.store.workflow.notes(article.id) if n.kind == "return"]
            last = notes[-1] if notes else None
            self.banner.text.setText(
                f"Returned by {last.author}: {last.body}" if last else "Returned by the editors."
            )
        self.banner.setVisible(returned)

    def submit(self) -> bool:
        """Save what is open, then send it to the editors (both on the database worker).
        False when it is already known not to go (nothing open, not saved, a refusal)."""
        window = self.window
        article_id = window.editor.article_id
        if article_id is None:
            return False
        outcome: list[bool] = []

        def saved(ok: bool) -> None:
            # Not saved: the reason is on the status bar, and nothing is sent.
            outcome.append(ok and not window.editor.is_dirty and self._send(article_id))

        window.session.save(then=saved)
        return outcome[-1] if outcome else True

    def _send(self, article_id: int) -> bool:
        window = self.window
        article = window.store.articles.get(article_id)
        problems = [r for r in check_article(window.store, article) if not r.ok]
        if problems and not self.confirm(problems):
            return False
        role = rules.Role.from_setting(str(window.settings.get("user/role")))
        actor = window.settings.author
        refused: list[Exception] = []

        def refuse(exc: Exception) -> None:
            refused.append(exc)
            if isinstance(exc, (rules.WorkflowError, StoreError)):
                window.statusBar().showMessage(str(exc), 15000)
            else:
                tasks.report_failure(exc)

        def sent(_changes: Changes) -> None:
            window.statusBar().showMessage("Submitted: the story is in the editors' queue.", 15000)

        window.runner.store_op(
            window,
            lambda store: ops.transition(
                store, article_id, rules.Action.SUBMIT, actor=actor, role=role
            ),
        ).success(sent).failure(refuse).run()
        return not refused

    def _ask(self, problems: list[CheckResult]) -> bool:
        box = QMessageBox(self.window)
        box.setObjectName("submitChecklist")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle("Before it goes to the editors")
        box.setText("The checklist still finds:")
        box.setInformativeText("\n".join(f"• {p.message}" for p in problems))
        send = box.addButton("Submit anyway", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep writing", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is send
