# Generated from note_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_NoteDialog(object):
    def setupUi(self, noteDialog):
        if not noteDialog.objectName():
            noteDialog.setObjectName(u"noteDialog")
        noteDialog.resize(460, 220)
        self.layout = QVBoxLayout(noteDialog)
        self.layout.setObjectName(u"layout")
        self.prompt = QLabel(noteDialog)
        self.prompt.setObjectName(u"prompt")
        self.prompt.setWordWrap(True)

        self.layout.addWidget(self.prompt)

        self.noteEdit = QPlainTextEdit(noteDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)

        self.layout.addWidget(self.noteEdit)

        self.noteHint = QLabel(noteDialog)
        self.noteHint.setObjectName(u"noteHint")

        self.layout.addWidget(self.noteHint)

        self.buttons = QDialogButtonBox(noteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok|QDialogButtonBox.Cancel)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(1, 1)

        self.retranslateUi(noteDialog)

        QMetaObject.connectSlotsByName(noteDialog)
    # setupUi

    def retranslateUi(self, noteDialog):
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("NoteDialog", u"Note", None))
#endif // QT_CONFIG(accessibility)
        self.noteHint.setProperty(u"role", QCoreApplication.translate("NoteDialog", u"hint", None))
        pass
    # retranslateUi

