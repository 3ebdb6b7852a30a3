# Generated from site_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SiteDialog(object):
    def setupUi(self, siteDialog):
        if not siteDialog.objectName():
            siteDialog.setObjectName(u"siteDialog")
        self.layout = QVBoxLayout(siteDialog)
        self.layout.setObjectName(u"layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.siteNameLabel = QLabel(siteDialog)
        self.siteNameLabel.setObjectName(u"siteNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.siteNameLabel)

        self.siteName = QLineEdit(siteDialog)
        self.siteName.setObjectName(u"siteName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.siteName)

        self.siteUrlLabel = QLabel(siteDialog)
        self.siteUrlLabel.setObjectName(u"siteUrlLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.siteUrlLabel)

        self.siteUrl = QLineEdit(siteDialog)
        self.siteUrl.setObjectName(u"siteUrl")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.siteUrl)

        self.siteUserLabel = QLabel(siteDialog)
        self.siteUserLabel.setObjectName(u"siteUserLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.siteUserLabel)

        self.siteUser = QLineEdit(siteDialog)
        self.siteUser.setObjectName(u"siteUser")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.siteUser)

        self.sitePasswordLabel = QLabel(siteDialog)
        self.sitePasswordLabel.setObjectName(u"sitePasswordLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sitePasswordLabel)

        self.sitePassword = QLineEdit(siteDialog)
        self.sitePassword.setObjectName(u"sitePassword")
        self.sitePassword.setEchoMode(QLineEdit.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sitePassword)

        self.siteCaBundleLabel = QLabel(siteDialog)
        self.siteCaBundleLabel.setObjectName(u"siteCaBundleLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.siteCaBundleLabel)

        self.siteCaBundle = QLineEdit(siteDialog)
        self.siteCaBundle.setObjectName(u"siteCaBundle")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.siteCaBundle)

        self.siteEditionsLabel = QLabel(siteDialog)
        self.siteEditionsLabel.setObjectName(u"siteEditionsLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.siteEditionsLabel)

        self.siteEditions = QLineEdit(siteDialog)
        self.siteEditions.setObjectName(u"siteEditions")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.siteEditions)

        self.siteWindowDaysLabel = QLabel(siteDialog)
        self.siteWindowDaysLabel.setObjectName(u"siteWindowDaysLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.siteWindowDaysLabel)

        self.siteWindowDays = QSpinBox(siteDialog)
        self.siteWindowDays.setObjectName(u"siteWindowDays")
        self.siteWindowDays.setMaximum(36500)
        self.siteWindowDays.setValue(90)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.siteWindowDays)


        self.layout.addLayout(self.form)

        self.siteMessage = QLabel(siteDialog)
        self.siteMessage.setObjectName(u"siteMessage")
        self.siteMessage.setWordWrap(True)

        self.layout.addWidget(self.siteMessage)

        self.buttons = QDialogButtonBox(siteDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok|QDialogButtonBox.Cancel)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.siteNameLabel.setBuddy(self.siteName)
        self.siteUrlLabel.setBuddy(self.siteUrl)
        self.siteUserLabel.setBuddy(self.siteUser)
        self.sitePasswordLabel.setBuddy(self.sitePassword)
        self.siteCaBundleLabel.setBuddy(self.siteCaBundle)
        self.siteEditionsLabel.setBuddy(self.siteEditions)
        self.siteWindowDaysLabel.setBuddy(self.siteWindowDays)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(siteDialog)

        QMetaObject.connectSlotsByName(siteDialog)
    # setupUi

    def retranslateUi(self, siteDialog):
        siteDialog.setWindowTitle(QCoreApplication.translate("SiteDialog", u"Add a publishing site", None))
        self.siteNameLabel.setText(QCoreApplication.translate("SiteDialog", u"Name", None))
#if QT_CONFIG(accessibility)
        self.siteName.setAccessibleName(QCoreApplication.translate("SiteDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.siteName.setPlaceholderText(QCoreApplication.translate("SiteDialog", u"english-site", None))
        self.siteUrlLabel.setText(QCoreApplication.translate("SiteDialog", u"Address", None))
#if QT_CONFIG(accessibility)
        self.siteUrl.setAccessibleName(QCoreApplication.translate("SiteDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.siteUrl.setPlaceholderText(QCoreApplication.translate("SiteDialog", u"https://news.example.org", None))
        self.siteUserLabel.setText(QCoreApplication.translate("SiteDialog", u"User name", None))
#if QT_CONFIG(accessibility)
        self.siteUser.setAccessibleName(QCoreApplication.translate("SiteDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.sitePasswordLabel.setText(QCoreApplication.translate("SiteDialog", u"Application password", None))
#if QT_CONFIG(accessibility)
        self.sitePassword.setAccessibleName(QCoreApplication.translate("SiteDialog", u"Application password", None))
#endif // QT_CONFIG(accessibility)
        self.sitePassword.setPlaceholderText(QCoreApplication.translate("SiteDialog", u"xxxx xxxx xxxx xxxx xxxx xxxx", None))
        self.siteCaBundleLabel.setText(QCoreApplication.translate("SiteDialog", u"CA bundle", None))
#if QT_CONFIG(accessibility)
        self.siteCaBundle.setAccessibleName(QCoreApplication.translate("SiteDialog", u"CA bundle", None))
#endif // QT_CONFIG(accessibility)
        self.siteCaBundle.setPlaceholderText(QCoreApplication.translate("SiteDialog", u"optional: a CA bundle file for a private certificate", None))
        self.siteEditionsLabel.setText(QCoreApplication.translate("SiteDialog", u"Editions", None))
#if QT_CONFIG(accessibility)
        self.siteEditions.setAccessibleName(QCoreApplication.translate("SiteDialog", u"Editions", None))
#endif // QT_CONFIG(accessibility)
        self.siteEditions.setPlaceholderText(QCoreApplication.translate("SiteDialog", u"en, ar \u2026 (empty: every edition)", None))
        self.siteWindowDaysLabel.setText(QCoreApplication.translate("SiteDialog", u"Sync window", None))
#if QT_CONFIG(accessibility)
        self.siteWindowDays.setAccessibleName(QCoreApplication.translate("SiteDialog", u"Sync window in days", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.siteWindowDays.setToolTip(QCoreApplication.translate("SiteDialog", u"The first sync brings the stories changed in these last days, your own and the desk's queue of any age. Older stories are found with Search the site. 0: the whole archive.", None))
#endif // QT_CONFIG(tooltip)
        self.siteWindowDays.setSpecialValueText(QCoreApplication.translate("SiteDialog", u"Whole archive", None))
        self.siteWindowDays.setSuffix(QCoreApplication.translate("SiteDialog", u" days", None))
        self.siteMessage.setText(QCoreApplication.translate("SiteDialog", u"The password is kept in the system keyring, never in a file. Create one in WordPress under Users \u2192 Profile \u2192 Application Passwords.", None))
    # retranslateUi

