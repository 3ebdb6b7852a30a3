# Generated from firstrun_who_page.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_FirstRunWhoPage(object):
    def setupUi(self, whoPage):
        if not whoPage.objectName():
            whoPage.setObjectName(u"whoPage")
        self.form = QFormLayout(whoPage)
        self.form.setObjectName(u"form")
        self.firstRunNameLabel = QLabel(whoPage)
        self.firstRunNameLabel.setObjectName(u"firstRunNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstRunNameLabel)

        self.firstRunName = QLineEdit(whoPage)
        self.firstRunName.setObjectName(u"firstRunName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstRunName)

        self.roleLabel = QLabel(whoPage)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleBox = QWidget(whoPage)
        self.roleBox.setObjectName(u"roleBox")
        self.roleLayout = QVBoxLayout(self.roleBox)
        self.roleLayout.setObjectName(u"roleLayout")
        self.roleLayout.setContentsMargins(0, 0, 0, 0)
        self.role_reporter = QRadioButton(self.roleBox)
        self.role_reporter.setObjectName(u"role_reporter")

        self.roleLayout.addWidget(self.role_reporter)

        self.role_editor = QRadioButton(self.roleBox)
        self.role_editor.setObjectName(u"role_editor")

        self.roleLayout.addWidget(self.role_editor)

        self.role_photo = QRadioButton(self.roleBox)
        self.role_photo.setObjectName(u"role_photo")

        self.roleLayout.addWidget(self.role_photo)


        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleBox)

        self.roleHint = QLabel(whoPage)
        self.roleHint.setObjectName(u"roleHint")
        self.roleHint.setWordWrap(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleHint)

#if QT_CONFIG(shortcut)
        self.firstRunNameLabel.setBuddy(self.firstRunName)
        self.roleLabel.setBuddy(self.roleBox)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(whoPage)

        QMetaObject.connectSlotsByName(whoPage)
    # setupUi

    def retranslateUi(self, whoPage):
        whoPage.setTitle(QCoreApplication.translate("FirstRunWhoPage", u"Welcome to Newsdesk", None))
        whoPage.setSubTitle(QCoreApplication.translate("FirstRunWhoPage", u"Three quick questions. You can change every answer later in Preferences.", None))
        self.firstRunNameLabel.setText(QCoreApplication.translate("FirstRunWhoPage", u"Your name", None))
#if QT_CONFIG(accessibility)
        self.firstRunName.setAccessibleName(QCoreApplication.translate("FirstRunWhoPage", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.firstRunName.setPlaceholderText(QCoreApplication.translate("FirstRunWhoPage", u"As it appears on your byline", None))
        self.roleLabel.setText(QCoreApplication.translate("FirstRunWhoPage", u"Your role", None))
        self.role_reporter.setText(QCoreApplication.translate("FirstRunWhoPage", u"Reporter", None))
        self.role_editor.setText(QCoreApplication.translate("FirstRunWhoPage", u"Editor", None))
        self.role_photo.setText(QCoreApplication.translate("FirstRunWhoPage", u"Photo desk", None))
        self.roleHint.setProperty(u"role", QCoreApplication.translate("FirstRunWhoPage", u"hint", None))
    # retranslateUi

