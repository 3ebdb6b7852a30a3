# Generated from site_settings_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_SiteSettingsDialog(object):
    def setupUi(self, siteSettingsDialog):
        if not siteSettingsDialog.objectName():
            siteSettingsDialog.setObjectName(u"siteSettingsDialog")
        siteSettingsDialog.setMinimumSize(QSize(480, 0))
        self.layout = QVBoxLayout(siteSettingsDialog)
        self.layout.setObjectName(u"layout")
        self.siteHeading = QLabel(siteSettingsDialog)
        self.siteHeading.setObjectName(u"siteHeading")
        self.siteHeading.setWordWrap(True)
        self.siteHeading.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.siteHeading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.siteEditionsLabel = QLabel(siteSettingsDialog)
        self.siteEditionsLabel.setObjectName(u"siteEditionsLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.siteEditionsLabel)

        self.siteEditions = QLineEdit(siteSettingsDialog)
        self.siteEditions.setObjectName(u"siteEditions")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.siteEditions)

        self.siteCategoriesLabel = QLabel(siteSettingsDialog)
        self.siteCategoriesLabel.setObjectName(u"siteCategoriesLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.siteCategoriesLabel)

        self.siteCategories = QLineEdit(siteSettingsDialog)
        self.siteCategories.setObjectName(u"siteCategories")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.siteCategories)

        self.siteCaBundleLabel = QLabel(siteSettingsDialog)
        self.siteCaBundleLabel.setObjectName(u"siteCaBundleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.siteCaBundleLabel)

        self.siteCaBundle = QLineEdit(siteSettingsDialog)
        self.siteCaBundle.setObjectName(u"siteCaBundle")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.siteCaBundle)

        self.siteWindowDaysLabel = QLabel(siteSettingsDialog)
        self.siteWindowDaysLabel.setObjectName(u"siteWindowDaysLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.siteWindowDaysLabel)

        self.siteWindowDays = QSpinBox(siteSettingsDialog)
        self.siteWindowDays.setObjectName(u"siteWindowDays")
        self.siteWindowDays.setMaximum(36500)
        self.siteWindowDays.setValue(90)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.siteWindowDays)


        self.layout.addLayout(self.form)

        self.siteMessage = QLabel(siteSettingsDialog)
        self.siteMessage.setObjectName(u"siteMessage")
        self.siteMessage.setWordWrap(True)

        self.layout.addWidget(self.siteMessage)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.removeSite = QPushButton(siteSettingsDialog)
        self.removeSite.setObjectName(u"removeSite")
        self.removeSite.setAutoDefault(False)

        self.buttonRow.addWidget(self.removeSite)

        self.buttons = QDialogButtonBox(siteSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok|QDialogButtonBox.Cancel)

        self.buttonRow.addWidget(self.buttons)


        self.layout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.siteEditionsLabel.setBuddy(self.siteEditions)
        self.siteCategoriesLabel.setBuddy(self.siteCategories)
        self.siteCaBundleLabel.setBuddy(self.siteCaBundle)
        self.siteWindowDaysLabel.setBuddy(self.siteWindowDays)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(siteSettingsDialog)

        QMetaObject.connectSlotsByName(siteSettingsDialog)
    # setupUi

    def retranslateUi(self, siteSettingsDialog):
        siteSettingsDialog.setWindowTitle(QCoreApplication.translate("SiteSettingsDialog", u"Site settings", None))
        self.siteEditionsLabel.setText(QCoreApplication.translate("SiteSettingsDialog", u"Editions", None))
#if QT_CONFIG(accessibility)
        self.siteEditions.setAccessibleName(QCoreApplication.translate("SiteSettingsDialog", u"Editions", None))
#endif // QT_CONFIG(accessibility)
        self.siteEditions.setPlaceholderText(QCoreApplication.translate("SiteSettingsDialog", u"en, ar \u2026 (empty: every edition)", None))
        self.siteCategoriesLabel.setText(QCoreApplication.translate("SiteSettingsDialog", u"Categories", None))
#if QT_CONFIG(accessibility)
        self.siteCategories.setAccessibleName(QCoreApplication.translate("SiteSettingsDialog", u"Category names on the site", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.siteCategories.setToolTip(QCoreApplication.translate("SiteSettingsDialog", u"The site's category for a section or region whose name differs there, e.g. News=Noticias, Sport=Deportes", None))
#endif // QT_CONFIG(tooltip)
        self.siteCategories.setPlaceholderText(QCoreApplication.translate("SiteSettingsDialog", u"News=Noticias, Sport=Deportes (empty: the same names)", None))
        self.siteCaBundleLabel.setText(QCoreApplication.translate("SiteSettingsDialog", u"CA bundle", None))
#if QT_CONFIG(accessibility)
        self.siteCaBundle.setAccessibleName(QCoreApplication.translate("SiteSettingsDialog", u"CA bundle", None))
#endif // QT_CONFIG(accessibility)
        self.siteCaBundle.setPlaceholderText(QCoreApplication.translate("SiteSettingsDialog", u"optional: a CA file for a self-signed site", None))
        self.siteWindowDaysLabel.setText(QCoreApplication.translate("SiteSettingsDialog", u"Sync window", None))
#if QT_CONFIG(accessibility)
        self.siteWindowDays.setAccessibleName(QCoreApplication.translate("SiteSettingsDialog", u"Sync window in days", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.siteWindowDays.setToolTip(QCoreApplication.translate("SiteSettingsDialog", u"How far back a first sync reaches: the stories changed in these last days, your own and the desk's queue of any age. Later syncs bring whatever changed since, however old. Older stories are found with Search the site. 0: the whole archive.", None))
#endif // QT_CONFIG(tooltip)
        self.siteWindowDays.setSpecialValueText(QCoreApplication.translate("SiteSettingsDialog", u"Whole archive", None))
        self.siteWindowDays.setSuffix(QCoreApplication.translate("SiteSettingsDialog", u" days", None))
        self.siteMessage.setText(QCoreApplication.translate("SiteSettingsDialog", u"Widening the sync window brings the older stories with the next sync; narrowing it removes nothing from this desktop.", None))
        self.removeSite.setText(QCoreApplication.translate("SiteSettingsDialog", u"&Remove site\u2026", None))
    # retranslateUi

