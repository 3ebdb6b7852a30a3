# Generated from firstrun_publish_page.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QLabel, QPushButton, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget,
    QWizardPage)

class Ui_FirstRunPublishPage(object):
    def setupUi(self, publishPage):
        if not publishPage.objectName():
            publishPage.setObjectName(u"publishPage")
        self.layout = QVBoxLayout(publishPage)
        self.layout.setObjectName(u"layout")
        self.workOffline = QRadioButton(publishPage)
        self.workOffline.setObjectName(u"workOffline")
        self.workOffline.setChecked(True)

        self.layout.addWidget(self.workOffline)

        self.addSiteButton = QPushButton(publishPage)
        self.addSiteButton.setObjectName(u"addSiteButton")

        self.layout.addWidget(self.addSiteButton, 0, Qt.AlignLeft)

        self.publishStatus = QLabel(publishPage)
        self.publishStatus.setObjectName(u"publishStatus")
        self.publishStatus.setWordWrap(True)

        self.layout.addWidget(self.publishStatus)

        self.publishSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.publishSpacer)


        self.retranslateUi(publishPage)

        QMetaObject.connectSlotsByName(publishPage)
    # setupUi

    def retranslateUi(self, publishPage):
        publishPage.setTitle(QCoreApplication.translate("FirstRunPublishPage", u"Publishing", None))
        publishPage.setSubTitle(QCoreApplication.translate("FirstRunPublishPage", u"Newsdesk works offline; a WordPress site is where stories go when filed.", None))
        self.workOffline.setText(QCoreApplication.translate("FirstRunPublishPage", u"Work offline for now", None))
        self.addSiteButton.setText(QCoreApplication.translate("FirstRunPublishPage", u"Add your WordPress site\u2026", None))
        self.publishStatus.setProperty(u"role", QCoreApplication.translate("FirstRunPublishPage", u"hint", None))
        self.publishStatus.setText(QCoreApplication.translate("FirstRunPublishPage", u"You can add a site at any time from Preferences. Its password is kept in the system keyring, never in a settings file.", None))
    # retranslateUi

