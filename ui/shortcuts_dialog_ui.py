# Generated from shortcuts_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLineEdit, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ShortcutsDialog(object):
    def setupUi(self, shortcutsDialog):
        if not shortcutsDialog.objectName():
            shortcutsDialog.setObjectName(u"shortcutsDialog")
        shortcutsDialog.resize(560, 620)
        self.layout = QVBoxLayout(shortcutsDialog)
        self.layout.setObjectName(u"layout")
        self.shortcutFilter = QLineEdit(shortcutsDialog)
        self.shortcutFilter.setObjectName(u"shortcutFilter")
        self.shortcutFilter.setClearButtonEnabled(True)

        self.layout.addWidget(self.shortcutFilter)

        self.shortcutTable = QTableWidget(shortcutsDialog)
        self.shortcutTable.setObjectName(u"shortcutTable")
        self.shortcutTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.shortcutTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.shortcutTable.setAlternatingRowColors(True)
        self.shortcutTable.setColumnCount(3)

        self.layout.addWidget(self.shortcutTable)

        self.buttons = QDialogButtonBox(shortcutsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(1, 1)

        self.retranslateUi(shortcutsDialog)

        QMetaObject.connectSlotsByName(shortcutsDialog)
    # setupUi

    def retranslateUi(self, shortcutsDialog):
        shortcutsDialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
        self.shortcutFilter.setPlaceholderText(QCoreApplication.translate("ShortcutsDialog", u"Type to filter: a command, a menu or a key", None))
    # retranslateUi

