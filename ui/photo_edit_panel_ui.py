# Generated from photo_edit_panel.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListView, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_PhotoEditPanel(object):
    def setupUi(self, photoEditPanel):
        if not photoEditPanel.objectName():
            photoEditPanel.setObjectName(u"photoEditPanel")
        self.outer = QVBoxLayout(photoEditPanel)
        self.outer.setObjectName(u"outer")
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.photoScroll = QScrollArea(photoEditPanel)
        self.photoScroll.setObjectName(u"photoScroll")
        self.photoScroll.setWidgetResizable(True)
        self.photoInner = QWidget()
        self.photoInner.setObjectName(u"photoInner")
        self.column = QVBoxLayout(self.photoInner)
        self.column.setObjectName(u"column")
        self.photoPreview = QLabel(self.photoInner)
        self.photoPreview.setObjectName(u"photoPreview")
        self.photoPreview.setAlignment(Qt.AlignCenter)
        self.photoPreview.setMinimumSize(QSize(0, 180))

        self.column.addWidget(self.photoPreview)

        self.photoInfo = QLabel(self.photoInner)
        self.photoInfo.setObjectName(u"photoInfo")
        self.photoInfo.setWordWrap(True)

        self.column.addWidget(self.photoInfo)

        self.photoProblems = QListWidget(self.photoInner)
        self.photoProblems.setObjectName(u"photoProblems")
        self.photoProblems.setMaximumSize(QSize(16777215, 130))
        self.photoProblems.setWordWrap(True)
        self.photoProblems.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.photoProblems.setResizeMode(QListView.Adjust)

        self.column.addWidget(self.photoProblems)

        self.photoButtons = QHBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.houseButton = QPushButton(self.photoInner)
        self.houseButton.setObjectName(u"houseButton")

        self.photoButtons.addWidget(self.houseButton)

        self.photoButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoButtons.addItem(self.photoButtonsSpacer)

        self.revertButton = QPushButton(self.photoInner)
        self.revertButton.setObjectName(u"revertButton")

        self.photoButtons.addWidget(self.revertButton)

        self.savePhotoButton = QPushButton(self.photoInner)
        self.savePhotoButton.setObjectName(u"savePhotoButton")

        self.photoButtons.addWidget(self.savePhotoButton)


        self.column.addLayout(self.photoButtons)

        self.photoUseBox = QGroupBox(self.photoInner)
        self.photoUseBox.setObjectName(u"photoUseBox")
        self.photoUseBox.setVisible(False)
        self.useForm = QFormLayout(self.photoUseBox)
        self.useForm.setObjectName(u"useForm")
        self.useCaptionLabel = QLabel(self.photoUseBox)
        self.useCaptionLabel.setObjectName(u"useCaptionLabel")

        self.useForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.useCaptionLabel)

        self.useCaptionEdit = QPlainTextEdit(self.photoUseBox)
        self.useCaptionEdit.setObjectName(u"useCaptionEdit")
        self.useCaptionEdit.setMinimumSize(QSize(0, 70))
        self.useCaptionEdit.setMaximumSize(QSize(16777215, 70))

        self.useForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.useCaptionEdit)

        self.useAltLabel = QLabel(self.photoUseBox)
        self.useAltLabel.setObjectName(u"useAltLabel")

        self.useForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.useAltLabel)

        self.useAltEdit = QLineEdit(self.photoUseBox)
        self.useAltEdit.setObjectName(u"useAltEdit")

        self.useForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.useAltEdit)

        self.useSaveButton = QPushButton(self.photoUseBox)
        self.useSaveButton.setObjectName(u"useSaveButton")

        self.useForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.useSaveButton)


        self.column.addWidget(self.photoUseBox)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.captionLabel = QLabel(self.photoInner)
        self.captionLabel.setObjectName(u"captionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.captionLabel)

        self.captionEdit = QPlainTextEdit(self.photoInner)
        self.captionEdit.setObjectName(u"captionEdit")
        self.captionEdit.setMinimumSize(QSize(0, 96))
        self.captionEdit.setMaximumSize(QSize(16777215, 96))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.captionEdit)

        self.captionCount = QLabel(self.photoInner)
        self.captionCount.setObjectName(u"captionCount")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.captionCount)

        self.altTextLabel = QLabel(self.photoInner)
        self.altTextLabel.setObjectName(u"altTextLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.altTextLabel)

        self.altTextEdit = QPlainTextEdit(self.photoInner)
        self.altTextEdit.setObjectName(u"altTextEdit")
        self.altTextEdit.setMinimumSize(QSize(0, 60))
        self.altTextEdit.setMaximumSize(QSize(16777215, 60))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.altTextEdit)

        self.keepLocationCheck = QCheckBox(self.photoInner)
        self.keepLocationCheck.setObjectName(u"keepLocationCheck")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.keepLocationCheck)

        self.keepLocationHelp = QLabel(self.photoInner)
        self.keepLocationHelp.setObjectName(u"keepLocationHelp")
        self.keepLocationHelp.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.keepLocationHelp)

        self.headlineLabel = QLabel(self.photoInner)
        self.headlineLabel.setObjectName(u"headlineLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.headlineLabel)

        self.headlineEdit = QLineEdit(self.photoInner)
        self.headlineEdit.setObjectName(u"headlineEdit")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.headlineEdit)

        self.creditLabel = QLabel(self.photoInner)
        self.creditLabel.setObjectName(u"creditLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.creditLabel)

        self.creditEdit = QLineEdit(self.photoInner)
        self.creditEdit.setObjectName(u"creditEdit")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.creditEdit)

        self.creditCount = QLabel(self.photoInner)
        self.creditCount.setObjectName(u"creditCount")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.creditCount)

        self.creatorLabel = QLabel(self.photoInner)
        self.creatorLabel.setObjectName(u"creatorLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.creatorLabel)

        self.creatorEdit = QLineEdit(self.photoInner)
        self.creatorEdit.setObjectName(u"creatorEdit")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.creatorEdit)

        self.sourceLabel = QLabel(self.photoInner)
        self.sourceLabel.setObjectName(u"sourceLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.sourceLabel)

        self.sourceEdit = QLineEdit(self.photoInner)
        self.sourceEdit.setObjectName(u"sourceEdit")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.sourceEdit)

        self.copyrightLabel = QLabel(self.photoInner)
        self.copyrightLabel.setObjectName(u"copyrightLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.copyrightLabel)

        self.copyrightEdit = QLineEdit(self.photoInner)
        self.copyrightEdit.setObjectName(u"copyrightEdit")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.copyrightEdit)

        self.cityLabel = QLabel(self.photoInner)
        self.cityLabel.setObjectName(u"cityLabel")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.cityLabel)

        self.cityEdit = QLineEdit(self.photoInner)
        self.cityEdit.setObjectName(u"cityEdit")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.countryLabel = QLabel(self.photoInner)
        self.countryLabel.setObjectName(u"countryLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.countryLabel)

        self.countryEdit = QLineEdit(self.photoInner)
        self.countryEdit.setObjectName(u"countryEdit")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.countryEdit)

        self.eventLabel = QLabel(self.photoInner)
        self.eventLabel.setObjectName(u"eventLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.eventLabel)

        self.eventEdit = QLineEdit(self.photoInner)
        self.eventEdit.setObjectName(u"eventEdit")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.eventEdit)

        self.date_createdLabel = QLabel(self.photoInner)
        self.date_createdLabel.setObjectName(u"date_createdLabel")

        self.form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.date_createdLabel)

        self.date_createdEdit = QLineEdit(self.photoInner)
        self.date_createdEdit.setObjectName(u"date_createdEdit")

        self.form.setWidget(14, QFormLayout.ItemRole.FieldRole, self.date_createdEdit)

        self.usage_termsLabel = QLabel(self.photoInner)
        self.usage_termsLabel.setObjectName(u"usage_termsLabel")

        self.form.setWidget(15, QFormLayout.ItemRole.LabelRole, self.usage_termsLabel)

        self.usage_termsEdit = QLineEdit(self.photoInner)
        self.usage_termsEdit.setObjectName(u"usage_termsEdit")

        self.form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.usage_termsEdit)

        self.rights_expiryLabel = QLabel(self.photoInner)
        self.rights_expiryLabel.setObjectName(u"rights_expiryLabel")

        self.form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.rights_expiryLabel)

        self.rights_expiryEdit = QLineEdit(self.photoInner)
        self.rights_expiryEdit.setObjectName(u"rights_expiryEdit")

        self.form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.rights_expiryEdit)

        self.embargo_untilLabel = QLabel(self.photoInner)
        self.embargo_untilLabel.setObjectName(u"embargo_untilLabel")

        self.form.setWidget(17, QFormLayout.ItemRole.LabelRole, self.embargo_untilLabel)

        self.embargo_untilEdit = QLineEdit(self.photoInner)
        self.embargo_untilEdit.setObjectName(u"embargo_untilEdit")

        self.form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.embargo_untilEdit)

        self.stateLabel = QLabel(self.photoInner)
        self.stateLabel.setObjectName(u"stateLabel")

        self.form.setWidget(18, QFormLayout.ItemRole.LabelRole, self.stateLabel)

        self.stateCombo = QComboBox(self.photoInner)
        self.stateCombo.setObjectName(u"stateCombo")

        self.form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.stateCombo)


        self.column.addLayout(self.form)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.photoSpacer)

        self.photoScroll.setWidget(self.photoInner)

        self.outer.addWidget(self.photoScroll)

#if QT_CONFIG(shortcut)
        self.useCaptionLabel.setBuddy(self.useCaptionEdit)
        self.useAltLabel.setBuddy(self.useAltEdit)
        self.captionLabel.setBuddy(self.captionEdit)
        self.altTextLabel.setBuddy(self.altTextEdit)
        self.headlineLabel.setBuddy(self.headlineEdit)
        self.creditLabel.setBuddy(self.creditEdit)
        self.creatorLabel.setBuddy(self.creatorEdit)
        self.sourceLabel.setBuddy(self.sourceEdit)
        self.copyrightLabel.setBuddy(self.copyrightEdit)
        self.cityLabel.setBuddy(self.cityEdit)
        self.countryLabel.setBuddy(self.countryEdit)
        self.eventLabel.setBuddy(self.eventEdit)
        self.date_createdLabel.setBuddy(self.date_createdEdit)
        self.usage_termsLabel.setBuddy(self.usage_termsEdit)
        self.rights_expiryLabel.setBuddy(self.rights_expiryEdit)
        self.embargo_untilLabel.setBuddy(self.embargo_untilEdit)
        self.stateLabel.setBuddy(self.stateCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(photoEditPanel)

        self.savePhotoButton.setDefault(True)


        QMetaObject.connectSlotsByName(photoEditPanel)
    # setupUi

    def retranslateUi(self, photoEditPanel):
#if QT_CONFIG(accessibility)
        self.photoProblems.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Caption checks", None))
#endif // QT_CONFIG(accessibility)
        self.houseButton.setText(QCoreApplication.translate("PhotoEditPanel", u"Close with credit", None))
        self.revertButton.setText(QCoreApplication.translate("PhotoEditPanel", u"Revert", None))
        self.savePhotoButton.setText(QCoreApplication.translate("PhotoEditPanel", u"Save", None))
#if QT_CONFIG(shortcut)
        self.savePhotoButton.setShortcut(QCoreApplication.translate("PhotoEditPanel", u"Ctrl+Return", None))
#endif // QT_CONFIG(shortcut)
        self.photoUseBox.setTitle(QCoreApplication.translate("PhotoEditPanel", u"In this article", None))
        self.useCaptionLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Caption", None))
#if QT_CONFIG(accessibility)
        self.useCaptionEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Caption in this article", None))
#endif // QT_CONFIG(accessibility)
        self.useAltLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Alt text", None))
#if QT_CONFIG(accessibility)
        self.useAltEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Alt text in this article", None))
#endif // QT_CONFIG(accessibility)
        self.useSaveButton.setText(QCoreApplication.translate("PhotoEditPanel", u"Save for this article", None))
        self.captionLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Caption", None))
#if QT_CONFIG(accessibility)
        self.captionEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Caption", None))
#endif // QT_CONFIG(accessibility)
        self.altTextLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Alt text", None))
#if QT_CONFIG(accessibility)
        self.altTextEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Alt text", None))
#endif // QT_CONFIG(accessibility)
        self.altTextEdit.setPlaceholderText(QCoreApplication.translate("PhotoEditPanel", u"What the picture shows, for readers who cannot see it", None))
        self.keepLocationCheck.setText(QCoreApplication.translate("PhotoEditPanel", u"Keep location in the published photo", None))
#if QT_CONFIG(accessibility)
        self.keepLocationCheck.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Keep location in the published photo", None))
#endif // QT_CONFIG(accessibility)
        self.headlineLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Headline", None))
#if QT_CONFIG(accessibility)
        self.headlineEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Headline", None))
#endif // QT_CONFIG(accessibility)
        self.creditLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Credit", None))
#if QT_CONFIG(accessibility)
        self.creditEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Credit", None))
#endif // QT_CONFIG(accessibility)
        self.creatorLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Creator", None))
#if QT_CONFIG(accessibility)
        self.creatorEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Creator", None))
#endif // QT_CONFIG(accessibility)
        self.sourceLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Source", None))
#if QT_CONFIG(accessibility)
        self.sourceEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Source", None))
#endif // QT_CONFIG(accessibility)
        self.copyrightLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Copyright", None))
#if QT_CONFIG(accessibility)
        self.copyrightEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Copyright", None))
#endif // QT_CONFIG(accessibility)
        self.cityLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"City", None))
#if QT_CONFIG(accessibility)
        self.cityEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.countryLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Country", None))
#if QT_CONFIG(accessibility)
        self.countryEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Country", None))
#endif // QT_CONFIG(accessibility)
        self.eventLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Event", None))
#if QT_CONFIG(accessibility)
        self.eventEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Event", None))
#endif // QT_CONFIG(accessibility)
        self.date_createdLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Date taken", None))
#if QT_CONFIG(accessibility)
        self.date_createdEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Date taken", None))
#endif // QT_CONFIG(accessibility)
        self.date_createdEdit.setPlaceholderText(QCoreApplication.translate("PhotoEditPanel", u"YYYY-MM-DD", None))
        self.usage_termsLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Usage terms", None))
#if QT_CONFIG(accessibility)
        self.usage_termsEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Usage terms", None))
#endif // QT_CONFIG(accessibility)
        self.rights_expiryLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Rights expire", None))
#if QT_CONFIG(accessibility)
        self.rights_expiryEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Rights expire", None))
#endif // QT_CONFIG(accessibility)
        self.rights_expiryEdit.setPlaceholderText(QCoreApplication.translate("PhotoEditPanel", u"YYYY-MM-DD, empty if none", None))
        self.embargo_untilLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"Embargoed until", None))
#if QT_CONFIG(accessibility)
        self.embargo_untilEdit.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Embargoed until (UTC)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.embargo_untilEdit.setToolTip(QCoreApplication.translate("PhotoEditPanel", u"The agency's release time: no story shows the photo before it. UTC unless a zone is given; empty if none.", None))
#endif // QT_CONFIG(tooltip)
        self.embargo_untilEdit.setPlaceholderText(QCoreApplication.translate("PhotoEditPanel", u"YYYY-MM-DD HH:MM (UTC), empty if none", None))
        self.stateLabel.setText(QCoreApplication.translate("PhotoEditPanel", u"State", None))
#if QT_CONFIG(accessibility)
        self.stateCombo.setAccessibleName(QCoreApplication.translate("PhotoEditPanel", u"Caption state", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

