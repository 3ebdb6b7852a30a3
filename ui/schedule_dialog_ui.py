# Generated from schedule_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateTimeEdit, QDialog,
    QDialogButtonBox, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_ScheduleDialog(object):
    def setupUi(self, scheduleDialog):
        if not scheduleDialog.objectName():
            scheduleDialog.setObjectName(u"scheduleDialog")
        self.layout = QVBoxLayout(scheduleDialog)
        self.layout.setObjectName(u"layout")
        self.scheduleText = QLabel(scheduleDialog)
        self.scheduleText.setObjectName(u"scheduleText")
        self.scheduleText.setWordWrap(True)

        self.layout.addWidget(self.scheduleText)

        self.schedulePicker = QDateTimeEdit(scheduleDialog)
        self.schedulePicker.setObjectName(u"schedulePicker")
        self.schedulePicker.setCalendarPopup(True)

        self.layout.addWidget(self.schedulePicker)

        self.scheduleError = QLabel(scheduleDialog)
        self.scheduleError.setObjectName(u"scheduleError")
        self.scheduleError.setWordWrap(True)
        self.scheduleError.setVisible(False)

        self.layout.addWidget(self.scheduleError)

        self.buttons = QDialogButtonBox(scheduleDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok|QDialogButtonBox.Cancel)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(scheduleDialog)

        QMetaObject.connectSlotsByName(scheduleDialog)
    # setupUi

    def retranslateUi(self, scheduleDialog):
        scheduleDialog.setWindowTitle(QCoreApplication.translate("ScheduleDialog", u"Schedule publication", None))
#if QT_CONFIG(accessibility)
        self.schedulePicker.setAccessibleName(QCoreApplication.translate("ScheduleDialog", u"Publication time (UTC)", None))
#endif // QT_CONFIG(accessibility)
        self.schedulePicker.setDisplayFormat(QCoreApplication.translate("ScheduleDialog", u"dd MMM yyyy  HH:mm 'UTC'", None))
        self.scheduleError.setProperty(u"role", QCoreApplication.translate("ScheduleDialog", u"problem", None))
    # retranslateUi

