# Generated from firstrun_edition_page.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QSizePolicy, QWidget, QWizardPage)

class Ui_FirstRunEditionPage(object):
    def setupUi(self, editionPage):
        if not editionPage.objectName():
            editionPage.setObjectName(u"editionPage")
        self.form = QFormLayout(editionPage)
        self.form.setObjectName(u"form")
        self.firstRunEditionLabel = QLabel(editionPage)
        self.firstRunEditionLabel.setObjectName(u"firstRunEditionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstRunEditionLabel)

        self.firstRunEdition = QComboBox(editionPage)
        self.firstRunEdition.setObjectName(u"firstRunEdition")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstRunEdition)

#if QT_CONFIG(shortcut)
        self.firstRunEditionLabel.setBuddy(self.firstRunEdition)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(editionPage)

        QMetaObject.connectSlotsByName(editionPage)
    # setupUi

    def retranslateUi(self, editionPage):
        editionPage.setTitle(QCoreApplication.translate("FirstRunEditionPage", u"Your edition", None))
        editionPage.setSubTitle(QCoreApplication.translate("FirstRunEditionPage", u"New articles start in this edition: its language, direction and spelling.", None))
        self.firstRunEditionLabel.setText(QCoreApplication.translate("FirstRunEditionPage", u"Default edition", None))
#if QT_CONFIG(accessibility)
        self.firstRunEdition.setAccessibleName(QCoreApplication.translate("FirstRunEditionPage", u"Default edition", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

