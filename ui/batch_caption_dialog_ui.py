# Generated from batch_caption_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_BatchCaptionDialog(object):
    def setupUi(self, batchCaptionDialog):
        if not batchCaptionDialog.objectName():
            batchCaptionDialog.setObjectName(u"batchCaptionDialog")
        batchCaptionDialog.resize(560, 600)
        self.layout = QVBoxLayout(batchCaptionDialog)
        self.layout.setObjectName(u"layout")
        self.batchHint = QLabel(batchCaptionDialog)
        self.batchHint.setObjectName(u"batchHint")
        self.batchHint.setWordWrap(True)

        self.layout.addWidget(self.batchHint)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.template_captionLabel = QLabel(batchCaptionDialog)
        self.template_captionLabel.setObjectName(u"template_captionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.template_captionLabel)

        self.template_caption = QLineEdit(batchCaptionDialog)
        self.template_caption.setObjectName(u"template_caption")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.template_caption)

        self.template_headlineLabel = QLabel(batchCaptionDialog)
        self.template_headlineLabel.setObjectName(u"template_headlineLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.template_headlineLabel)

        self.template_headline = QLineEdit(batchCaptionDialog)
        self.template_headline.setObjectName(u"template_headline")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.template_headline)

        self.template_creditLabel = QLabel(batchCaptionDialog)
        self.template_creditLabel.setObjectName(u"template_creditLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.template_creditLabel)

        self.template_credit = QLineEdit(batchCaptionDialog)
        self.template_credit.setObjectName(u"template_credit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.template_credit)

        self.template_creatorLabel = QLabel(batchCaptionDialog)
        self.template_creatorLabel.setObjectName(u"template_creatorLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.template_creatorLabel)

        self.template_creator = QLineEdit(batchCaptionDialog)
        self.template_creator.setObjectName(u"template_creator")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.template_creator)

        self.template_sourceLabel = QLabel(batchCaptionDialog)
        self.template_sourceLabel.setObjectName(u"template_sourceLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.template_sourceLabel)

        self.template_source = QLineEdit(batchCaptionDialog)
        self.template_source.setObjectName(u"template_source")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.template_source)

        self.template_copyrightLabel = QLabel(batchCaptionDialog)
        self.template_copyrightLabel.setObjectName(u"template_copyrightLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.template_copyrightLabel)

        self.template_copyright = QLineEdit(batchCaptionDialog)
        self.template_copyright.setObjectName(u"template_copyright")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.template_copyright)

        self.template_alt_textLabel = QLabel(batchCaptionDialog)
        self.template_alt_textLabel.setObjectName(u"template_alt_textLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.template_alt_textLabel)

        self.template_alt_text = QLineEdit(batchCaptionDialog)
        self.template_alt_text.setObjectName(u"template_alt_text")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.template_alt_text)

        self.template_cityLabel = QLabel(batchCaptionDialog)
        self.template_cityLabel.setObjectName(u"template_cityLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.template_cityLabel)

        self.template_city = QLineEdit(batchCaptionDialog)
        self.template_city.setObjectName(u"template_city")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.template_city)

        self.template_countryLabel = QLabel(batchCaptionDialog)
        self.template_countryLabel.setObjectName(u"template_countryLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.template_countryLabel)

        self.template_country = QLineEdit(batchCaptionDialog)
        self.template_country.setObjectName(u"template_country")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.template_country)

        self.template_eventLabel = QLabel(batchCaptionDialog)
        self.template_eventLabel.setObjectName(u"template_eventLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.template_eventLabel)

        self.template_event = QLineEdit(batchCaptionDialog)
        self.template_event.setObjectName(u"template_event")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.template_event)

        self.template_usage_termsLabel = QLabel(batchCaptionDialog)
        self.template_usage_termsLabel.setObjectName(u"template_usage_termsLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.template_usage_termsLabel)

        self.template_usage_terms = QLineEdit(batchCaptionDialog)
        self.template_usage_terms.setObjectName(u"template_usage_terms")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.template_usage_terms)

        self.template_rights_expiryLabel = QLabel(batchCaptionDialog)
        self.template_rights_expiryLabel.setObjectName(u"template_rights_expiryLabel")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.template_rights_expiryLabel)

        self.template_rights_expiry = QLineEdit(batchCaptionDialog)
        self.template_rights_expiry.setObjectName(u"template_rights_expiry")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.template_rights_expiry)

        self.template_instructionsLabel = QLabel(batchCaptionDialog)
        self.template_instructionsLabel.setObjectName(u"template_instructionsLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.template_instructionsLabel)

        self.template_instructions = QLineEdit(batchCaptionDialog)
        self.template_instructions.setObjectName(u"template_instructions")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.template_instructions)

        self.batchEventLabel = QLabel(batchCaptionDialog)
        self.batchEventLabel.setObjectName(u"batchEventLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.batchEventLabel)

        self.batchEventValue = QLineEdit(batchCaptionDialog)
        self.batchEventValue.setObjectName(u"batchEventValue")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.batchEventValue)


        self.layout.addLayout(self.form)

        self.batchCloseWithCredit = QCheckBox(batchCaptionDialog)
        self.batchCloseWithCredit.setObjectName(u"batchCloseWithCredit")
        self.batchCloseWithCredit.setChecked(True)

        self.layout.addWidget(self.batchCloseWithCredit)

        self.batchPreviewHeading = QLabel(batchCaptionDialog)
        self.batchPreviewHeading.setObjectName(u"batchPreviewHeading")

        self.layout.addWidget(self.batchPreviewHeading)

        self.batchPreview = QLabel(batchCaptionDialog)
        self.batchPreview.setObjectName(u"batchPreview")
        self.batchPreview.setWordWrap(True)

        self.layout.addWidget(self.batchPreview)

        self.buttons = QDialogButtonBox(batchCaptionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Ok|QDialogButtonBox.Cancel)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.template_captionLabel.setBuddy(self.template_caption)
        self.template_headlineLabel.setBuddy(self.template_headline)
        self.template_creditLabel.setBuddy(self.template_credit)
        self.template_creatorLabel.setBuddy(self.template_creator)
        self.template_sourceLabel.setBuddy(self.template_source)
        self.template_copyrightLabel.setBuddy(self.template_copyright)
        self.template_alt_textLabel.setBuddy(self.template_alt_text)
        self.template_cityLabel.setBuddy(self.template_city)
        self.template_countryLabel.setBuddy(self.template_country)
        self.template_eventLabel.setBuddy(self.template_event)
        self.template_usage_termsLabel.setBuddy(self.template_usage_terms)
        self.template_rights_expiryLabel.setBuddy(self.template_rights_expiry)
        self.template_instructionsLabel.setBuddy(self.template_instructions)
        self.batchEventLabel.setBuddy(self.batchEventValue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(batchCaptionDialog)

        QMetaObject.connectSlotsByName(batchCaptionDialog)
    # setupUi

    def retranslateUi(self, batchCaptionDialog):
        self.template_captionLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Caption", None))
        self.template_headlineLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Headline", None))
        self.template_creditLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Credit", None))
        self.template_creatorLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Creator", None))
        self.template_sourceLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Source", None))
        self.template_copyrightLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Copyright", None))
        self.template_alt_textLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Alt text", None))
        self.template_cityLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"City", None))
        self.template_countryLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Country", None))
        self.template_eventLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Event", None))
        self.template_usage_termsLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Usage terms", None))
        self.template_rights_expiryLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Rights expire", None))
        self.template_instructionsLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"Instructions", None))
        self.batchEventLabel.setText(QCoreApplication.translate("BatchCaptionDialog", u"{event} =", None))
        self.batchEventValue.setPlaceholderText(QCoreApplication.translate("BatchCaptionDialog", u"fills {event} where a photo has none", None))
        self.batchPreviewHeading.setText(QCoreApplication.translate("BatchCaptionDialog", u"After:", None))
        pass
    # retranslateUi

