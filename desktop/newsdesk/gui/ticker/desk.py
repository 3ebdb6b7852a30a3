"""The breaking ticker desk: type one attributed line, Enter publishes; newest first below.

Enter checks, saves and publishes (ops.ticker); F2 or Edit loads an item
back into the line to change it; Delete or Remove takes it off (spiked, with Undo).
Every change is announced on the window's change hub; the desk reloads on what
others announce (a sync's pull, the queue, the command line through a sync), at
once when shown, else when it is next shown. Nothing polls.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPainter, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.workflow import WorkflowError
from ...ops import Changes
from ...ops import ticker as ticker_ops
from ...services import ticker
from ...store import Store
from ...store.errors import StoreError
from .. import theme
from ..changes import ChangeHub
from ..context import AppContext
from ..runner import Runner

ItemIdRole = Qt.ItemDataRole.UserRole + 1
LineRole = Qt.ItemDataRole.UserRole + 2
TimeRole = Qt.ItemDataRole.UserRole + 3
RtlRole = Qt.ItemDataRole.UserRole + 4
_Index = QModelIndex | QPersistentModelIndex
GREEN, RED = "success", "danger"  # theme roles


def _local(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%H:%M")
    except ValueError:
        return stamp


DESK_STYLE = """
QLabel#tickerTitle { font-size: 13pt; font-weight: 600; }
QLabel#tickerBadge { background: #c81e1e; color: #ffffff; font-weight: 700; font-size: 8pt;
  border-radius: 4px; padding: 2px 6px; }
QLineEdit#tickerInput { font-size: 12pt; padding: 7px 8px; }
QPushButton#tickerPublish { background: #c81e1e; color: #ffffff; border: none; font-weight: 600;
  padding: 7px 16px; }
QPushButton#tickerPublish:hover { background: #a61b1b; }
QListWidget#tickerList { background: #ffffff; alternate-background-color: #fafbfc;
  border: 1px solid #dde2e8; border-radius: 6px; outline: 0; }
QListWidget#tickerList::item { border-bottom: 1px solid #eef0f3; }
QListWidget#tickerList::item:selected { background: #dbe8fb; color: #10243e; }
"""


class TickerItemDelegate(QStyledItemDelegate):
    """Time in grey, the attribution prefix bold, then the news: how the site's ticker reads."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(200, QFontMetrics(option.font).height() + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        line = str(index.data(LineRole) or "")
        parts = ticker.split_prefix(line)
        prefix, text = (f"{parts[0]}: ", parts[1]) if parts else ("", line)
        rect = opt.rect.adjusted(10, 0, -10, 0)
        rtl = bool(index.data(RtlRole))
        painter.save()
        base = QFont(opt.font)
        bold = QFont(opt.font)
        bold.setBold(True)
        when = str(index.data(TimeRole) or "")
        painter.setFont(base)
        painter.setPen(theme.qcolour("muted"))
        middle = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(rect, middle | Qt.AlignmentFlag.AlignLeft, when)
        x = rect.left() + QFontMetrics(base).horizontalAdvance("00:00") + 16
        body = rect.adjusted(x - rect.left(), 0, 0, 0)
        if rtl:  # Arabic reads from the right: one run, the layout orders it
            painter.setPen(theme.qcolour("text_strong"))
            painter.drawText(body, middle | Qt.AlignmentFlag.AlignRight, line)
        else:
            painter.setFont(bold)
            painter.setPen(theme.qcolour("text_strong"))
            painter.drawText(body, middle | Qt.AlignmentFlag.AlignLeft, prefix)
            shift = QFontMetrics(bold).horizontalAdvance(prefix)
            painter.setFont(base)
            painter.setPen(theme.qcolour("text"))
            rest = QFontMetrics(base).elidedText(
                text, Qt.TextElideMode.ElideRight, max(0, body.width() - shift)
            )
            painter.drawText(
                body.adjusted(shift, 0, 0, 0), middle | Qt.AlignmentFlag.AlignLeft, rest
            )
        painter.restore()


class TickerDesk(QWidget):
    published = Signal(int)  # a new item went out (its article id)
    changed = Signal(int)  # an item was edited or removed

    def __init__(
        self,
        store: Store,
        user: str = "",
        parent: QWidget | None = None,
        *,
        hub: ChangeHub | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tickerDesk")
        self.store = store
        # The window's database worker writes (and announces); a desk on its own
        # runs the same operations on its store at once.
        self.runner = runner
        self.hub = hub or ChangeHub(self)  # the window's; a desk on its own has its own
        self.hub.changed.connect(self.follow_changes)
        self.stale = False  # others changed items while the desk was hidden
        self.user = user or "editor"
        self.editing_id: int | None = None
        self.last_removed: int | None = None

        title = QLabel("Breaking ticker")
        title.setObjectName("tickerTitle")
        badge = QLabel("LIVE")
        badge.setObjectName("tickerBadge")
        self.edition = QComboBox()
        self.edition.setObjectName("tickerEdition")
        self.edition.setAccessibleName("Edition")
        for code, name in (("en", "English"), ("ar", "Arabic"), ("es", "Spanish")):
            self.edition.addItem(f"{name} ({code.upper()})", code)
        self.line = QLineEdit()
        self.line.setObjectName("tickerInput")
        self.line.setAccessibleName("Breaking line")
        self.line.setPlaceholderText(
            "Attribution: the news in one line — e.g. Palestinian media: …"
        )
        self.prefixes = QStringListModel(self)
        self.completer = QCompleter(self.prefixes, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.line.setCompleter(self.completer)
        self.send = QPushButton("Publish")
        self.send.setObjectName("tickerPublish")
        self.send.setDefault(True)
        self.cancel_edit = QPushButton("Cancel edit")
        self.cancel_edit.hide()
        self.checks = QLabel()
        self.checks.setObjectName("tickerChecks")
        self.checks.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setObjectName("tickerCounter")
        self.counter.setProperty("role", "hint")
        self.message = QLabel()
        self.message.setObjectName("tickerMessage")
        self.message.setWordWrap(True)
        self.undo = QPushButton("Undo remove")
        self.undo.setObjectName("tickerUndo")
        self.undo.hide()

        self.items = QListWidget()
        self.items.setObjectName("tickerList")
        self.items.setAccessibleName("Ticker items, newest first")
        self.items.setUniformItemSizes(True)
        self.items.setAlternatingRowColors(True)
        self.items.setItemDelegate(TickerItemDelegate(self.items))
        theme.style(self, DESK_STYLE)
        self.edit_button = QPushButton("Edit")
        self.edit_button.setObjectName("tickerEdit")
        self.edit_button.setToolTip("Change the selected item (F2)")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("tickerRemove")
        self.remove_button.setToolTip("Take the selected item off the ticker (Delete)")
        hint = QLabel("Enter publishes · ↓ to the list · F2 edits · Delete removes")
        hint.setProperty("role", "hint")

        head = QHBoxLayout()
        head.addWidget(badge)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel("Edition"))
        head.addWidget(self.edition)
        entry = QHBoxLayout()
        entry.addWidget(self.line, 1)
        entry.addWidget(self.cancel_edit)
        entry.addWidget(self.send)
        status = QHBoxLayout()
        status.addWidget(self.checks, 1)
        status.addWidget(self.counter)
        feedback = QHBoxLayout()
        feedback.addWidget(self.message, 1)
        feedback.addWidget(self.undo)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(hint, 1)
        list_buttons.addWidget(self.edit_button)
        list_buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(head)
        layout.addLayout(entry)
        layout.addLayout(status)
        layout.addLayout(feedback)
        layout.addWidget(self.items, 1)
        layout.addLayout(list_buttons)

        self.line.returnPressed.connect(self.submit)
        self.line.textChanged.connect(self.show_checks)
        self.send.clicked.connect(self.submit)
        self.cancel_edit.clicked.connect(self.stop_editing)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo.clicked.connect(self.undo_remove)
        self.items.itemActivated.connect(lambda _item: self.edit_selected())
        self.edition.currentIndexChanged.connect(lambda _i: self.reload())
        for keys, slot, widget in (
            ("F2", self.edit_selected, self.items),
            ("Delete", self.remove_selected, self.items),
            ("Escape", self.stop_editing, self.line),
            ("Down", self._to_list, self.line),
        ):
            shortcut = QShortcut(QKeySequence(keys), widget)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.reload()
        self.show_checks("")

    @classmethod
    def build(cls, ctx: AppContext) -> TickerDesk:
        desk = cls(ctx.store, user=ctx.user, hub=ctx.changes, runner=ctx.runner)
        if ctx.settings is not None:
            ctx.settings.changed.connect(lambda _key: setattr(desk, "user", ctx.user))
        return desk

    # --- list ----------------------------------------------------------------
    def follow_changes(self, changes: Changes, initiator: object) -> None:
        """Items others published, edited or removed (or a sync pulled) appear without a
        click: now when the desk is shown, else when it is next shown. Any article may
        be a ticker item, so any article change counts."""
        if initiator is self or not (changes.ticker or changes.articles):
            return
        if self.isVisible():
            self.reload(select_id=self.selected_id())
        else:
            self.stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self.stale:
            self.reload(select_id=self.selected_id())
        super().showEvent(event)

    def _run(self, op: Callable[[Store], Changes], done: Callable[[Changes], None]) -> None:
        """A ticker operation on the worker (announced there), then `done`; a refusal
        is said on the desk."""
        if self.runner is not None:
            self.runner.store_op(self, op).success(done).failure(self._refused).run()
            return
        try:
            changes = op(self.store)
        except Exception as exc:  # noqa: BLE001 - said, as the worker's failure would be
            self._refused(exc)
            return
        self.hub.announce(changes, self)
        done(changes)

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, ticker.TickerRejected):
            self.tell("Not published: " + " ".join(f.message for f in exc.failures), error=True)
        elif isinstance(exc, (WorkflowError, StoreError)):
            self.tell(str(exc), error=True)
        else:
            raise exc

    def reload(self, select_id: int | None = None) -> None:
        self.stale = False
        self.items.clear()
        for item in ticker.items(self.store, edition=self.edition.currentData()):
            row = QListWidgetItem(f"{_local(item.created_at)}   {item.line}")
            row.setData(ItemIdRole, item.id)
            row.setData(LineRole, item.line)
            row.setData(TimeRole, _local(item.created_at))
            row.setData(RtlRole, item.edition == "ar")
            row.setToolTip(f"{item.status} · last changed {_local(item.updated_at)}")
            self.items.addItem(row)
            if item.id == select_id:
                self.items.setCurrentItem(row)
        self.prefixes.setStringList([f"{p}: " for p in ticker.recent_prefixes(self.store)])

    def item_ids(self) -> list[int]:
        return [self.items.item(r).data(ItemIdRole) for r in range(self.items.count())]

    def selected_id(self) -> int | None:
        item = self.items.currentItem()
        return int(item.data(ItemIdRole)) if item is not None else None

    def _to_list(self) -> None:
        if self._completing():
            return
        if self.items.count():
            self.items.setFocus()
            if self.items.currentRow() < 0:
                self.items.setCurrentRow(0)

    def _completing(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    # --- checking and sending --------------------------------------------------
    def show_checks(self, text: str) -> None:
        n = len(" ".join(text.split()))
        self.counter.setText(f"{n} / {ticker.LINE_LIMIT}")
        theme.style(self.counter, f"color:{theme.ROLES[RED]};" if n > ticker.LINE_LIMIT else "")
        if not text.strip():
            self.checks.setText("Start with the attribution, then a colon: “Israeli media: …”")
            return
        parts = []
        for result in ticker.check_line(text):
            colour = theme.ROLES[GREEN if result.ok else RED]
            mark = "✓" if result.ok else "✗"
            parts.append(
                f'<span style="color:{colour}">{mark} {html.escape(result.message)}</span>'
            )
        theme.set_html(self.checks, " &nbsp; ".join(parts))

    def submit(self) -> None:
        if self._completing():
            return  # Enter picked a prefix from the completion list
        text, user, editing_id = self.line.text(), self.user, self.editing_id
        edition = self.edition.currentData()

        def op(store: Store) -> Changes:
            if editing_id is not None:
                return ticker_ops.edit(store, editing_id, text, actor=user)
            return ticker_ops.publish(store, text, actor=user, edition=edition)

        def done(changes: Changes) -> None:
            (item_id,) = changes.articles
            item = ticker.get(self.store, item_id)
            if editing_id is not None:
                said = f"Updated the {_local(item.created_at)} item."
            else:
                said = f"Published at {_local(item.updated_at)}."
            if self.editing_id == editing_id:
                self.stop_editing()
                self.line.clear()
            self.reload(select_id=item.id)
            self.tell(said)
            (self.changed if editing_id is not None else self.published).emit(item.id)

        self._run(op, done)

    def tell(self, text: str, *, error: bool = False) -> None:
        theme.style(self.message, f"color:{theme.ROLES[RED if error else GREEN]};")
        self.message.setText(text)
        self.undo.setVisible(False)

    # --- editing and removing ----------------------------------------------------
    def edit_selected(self) -> None:
        article_id = self.selected_id()
        if article_id is None:
            return
        self.editing_id = article_id
        self.line.setText(ticker.get(self.store, article_id).line)
        self.send.setText("Save change")
        self.cancel_edit.show()
        self.line.setFocus()
        self.line.end(False)

    def stop_editing(self) -> None:
        if self.editing_id is not None:
            self.line.clear()
        self.editing_id = None
        self.send.setText("Publish")
        self.cancel_edit.hide()

    def remove_selected(self) -> None:
        article_id = self.selected_id()
        if article_id is None:
            return
        row, user = self.items.currentRow(), self.user

        def done(_changes: Changes) -> None:
            if self.editing_id == article_id:
                self.stop_editing()
            self.reload()
            self.items.setCurrentRow(min(row, self.items.count() - 1))
            self.tell("Removed from the ticker (kept, spiked).")
            self.last_removed = article_id
            self.undo.show()
            self.changed.emit(article_id)

        self._run(lambda store: ticker_ops.remove(store, article_id, actor=user), done)

    def undo_remove(self) -> None:
        if self.last_removed is None:
            return
        article_id, self.last_removed = self.last_removed, None
        user = self.user

        def done(_changes: Changes) -> None:
            self.reload(select_id=article_id)
            self.tell("Back on the ticker.")
            self.changed.emit(article_id)

        self._run(lambda store: ticker_ops.restore(store, article_id, actor=user), done)
