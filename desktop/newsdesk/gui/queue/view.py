"""The queue table's view: keyboard actions, the BREAKING badge, two-line headlines, style."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from .. import theme
from .model import (
    AGE,
    BYLINE,
    CLAIM,
    EDITION,
    HEADLINE,
    PRIORITY,
    SECTION,
    STATUS,
    TIMING,
    BreakingRole,
    QueueModel,
)

_Index = QModelIndex | QPersistentModelIndex

DESK_STYLE = """
QTableView#queueTable { background: #ffffff; alternate-background-color: #fafbfc;
  border: 1px solid #dde2e8; border-radius: 6px; selection-background-color: #dbe8fb;
  selection-color: #10243e; outline: 0; }
QListWidget#queueGroups { background: #ffffff; border: 1px solid #dde2e8; border-radius: 6px; }
QListWidget#queueGroups::item { padding: 5px 6px; }
QListWidget#queueGroups::item:selected { background: #dbe8fb; color: #10243e; }
QLabel#queueTitle { font-size: 13pt; font-weight: 600; }
QWidget#storyPanel { background: #ffffff; }
QLabel#storyTitle { font-size: 12pt; }
QPushButton#takeOverButton[stale="true"] { border-color: #d97706; color: #92400e; background: #fffbeb; }
QListWidget#checklistList, QListWidget#historyList, QTreeWidget#notesTree { border: 1px solid #dde2e8; }
QListWidget#checklistList::item { padding: 3px 2px; }
QListWidget#historyList::item { padding: 4px 2px; border-bottom: 1px solid #eef0f3; }
"""


class BadgeDelegate(QStyledItemDelegate):
    """Paints the BREAKING badge: a red pill the eye finds first."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if not index.data(BreakingRole):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(option.rect).adjusted(4, 5, -4, -5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.qcolour("breaking"))
        painter.drawRoundedRect(rect, 4, 4)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(6.5, font.pointSizeF() - 2.5))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))  # white on the red pill in both themes
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "BREAKING")
        painter.restore()

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the badge replaces the text


class HeadlineDelegate(QStyledItemDelegate):
    """Headline (bold when breaking) over a grey byline · section · edition line; RTL aware."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        model = index.model()
        assert isinstance(model, QueueModel)
        row = index.row()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(8, 3, -8, -3)
        half = rect.height() // 2
        align = (
            Qt.AlignmentFlag.AlignRight if model.is_rtl(row) else Qt.AlignmentFlag.AlignLeft
        ) | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        top = rect.adjusted(0, 0, 0, -half)
        bottom = rect.adjusted(0, half, 0, 0)
        font = QFont(opt.font)
        font.setBold(bool(index.data(BreakingRole)))
        painter.setFont(font)
        painter.setPen(
            opt.palette.highlightedText().color() if selected else theme.qcolour("text_strong")
        )
        headline = QFontMetrics(font).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, top.width()
        )
        painter.drawText(top, align, headline)
        small = QFont(opt.font)
        small.setBold(False)
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        painter.setPen(theme.qcolour("text_secondary" if selected else "muted"))
        meta = QFontMetrics(small).elidedText(
            model.meta_line(row), Qt.TextElideMode.ElideRight, bottom.width()
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, meta)
        painter.restore()


class QueueView(QTableView):
    """The table; letter keys act on the selected story (only while the table has focus)."""

    keyAction = Signal(str)
    KEYS = {
        Qt.Key.Key_Return: "open",
        Qt.Key.Key_Enter: "open",
        Qt.Key.Key_J: "next",
        Qt.Key.Key_K: "previous",
        Qt.Key.Key_C: "claim",
        Qt.Key.Key_A: "approve",
        Qt.Key.Key_R: "return",
        Qt.Key.Key_P: "publish",
        Qt.Key.Key_S: "schedule",
    }

    def __init__(self, model: QueueModel) -> None:
        super().__init__()
        self.setObjectName("queueTable")
        self.setAccessibleName("Editors' queue")
        self.setModel(model)
        self.setItemDelegateForColumn(PRIORITY, BadgeDelegate(self))
        self.setItemDelegateForColumn(HEADLINE, HeadlineDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        # Uniform rows: the view never measures 5,000 rows to lay them out.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(46)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((PRIORITY, 84), (STATUS, 76), (CLAIM, 200), (TIMING, 170), (AGE, 84)):
            self.setColumnWidth(column, width)
        # The headline cell shows byline, section and edition under the headline.
        for column in (SECTION, EDITION, BYLINE):
            self.setColumnHidden(column, True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = self.KEYS.get(Qt.Key(event.key()))
        if action and plain in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            self.keyAction.emit(action)
            event.accept()
            return
        super().keyPressEvent(event)
