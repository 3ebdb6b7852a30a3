# Generated from article_inspector.ui by `python -m newsdesk.ui` (pyside6-uic).
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
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from newsdesk.gui.editor.fields import (RegionsPicker, TagsEdit)

class Ui_Inspector(object):
    def setupUi(self, inspectorInner):
        if not inspectorInner.objectName():
            inspectorInner.setObjectName(u"inspectorInner")
        self.column = QVBoxLayout(inspectorInner)
        self.column.setSpacing(12)
        self.column.setObjectName(u"column")
        self.column.setContentsMargins(10, 10, 12, 10)
        self.inspectorHeading = QLabel(inspectorInner)
        self.inspectorHeading.setObjectName(u"inspectorHeading")

        self.column.addWidget(self.inspectorHeading)

        self.inspectorFields = QWidget(inspectorInner)
        self.inspectorFields.setObjectName(u"inspectorFields")
        self.inspectorForm = QFormLayout(self.inspectorFields)
        self.inspectorForm.setObjectName(u"inspectorForm")
        self.inspectorForm.setVerticalSpacing(7)
        self.inspectorForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.inspectorForm.setLabelAlignment(Qt.AlignRight|Qt.AlignVCenter)
        self.inspectorForm.setContentsMargins(0, 0, 0, 0)
        self.editionLabel = QLabel(self.inspectorFields)
        self.editionLabel.setObjectName(u"editionLabel")

        self.inspectorForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.editionLabel)

        self.editionCombo = QComboBox(self.inspectorFields)
        self.editionCombo.setObjectName(u"editionCombo")

        self.inspectorForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.editionCombo)

        self.sectionLabel = QLabel(self.inspectorFields)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.inspectorForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.sectionCombo = QComboBox(self.inspectorFields)
        self.sectionCombo.setObjectName(u"sectionCombo")

        self.inspectorForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sectionCombo)

        self.subsectionLabel = QLabel(self.inspectorFields)
        self.subsectionLabel.setObjectName(u"subsectionLabel")

        self.inspectorForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subsectionLabel)

        self.subsectionCombo = QComboBox(self.inspectorFields)
        self.subsectionCombo.setObjectName(u"subsectionCombo")

        self.inspectorForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subsectionCombo)

        self.regionsLabel = QLabel(self.inspectorFields)
        self.regionsLabel.setObjectName(u"regionsLabel")

        self.inspectorForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.regionsLabel)

        self.regionsPicker = RegionsPicker(self.inspectorFields)
        self.regionsPicker.setObjectName(u"regionsPicker")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.regionsPicker.sizePolicy().hasHeightForWidth())
        self.regionsPicker.setSizePolicy(sizePolicy)

        self.inspectorForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.regionsPicker)

        self.coverageLabel = QLabel(self.inspectorFields)
        self.coverageLabel.setObjectName(u"coverageLabel")

        self.inspectorForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.coverageLabel)

        self.coverageEdit = QLineEdit(self.inspectorFields)
        self.coverageEdit.setObjectName(u"coverageEdit")

        self.inspectorForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.coverageEdit)

        self.bylineLabel = QLabel(self.inspectorFields)
        self.bylineLabel.setObjectName(u"bylineLabel")

        self.inspectorForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.bylineLabel)

        self.bylineEdit = QLineEdit(self.inspectorFields)
        self.bylineEdit.setObjectName(u"bylineEdit")

        self.inspectorForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.bylineEdit)

        self.datelineLabel = QLabel(self.inspectorFields)
        self.datelineLabel.setObjectName(u"datelineLabel")

        self.inspectorForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.datelineLabel)

        self.datelineEdit = QLineEdit(self.inspectorFields)
        self.datelineEdit.setObjectName(u"datelineEdit")

        self.inspectorForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.datelineEdit)

        self.tagsLabel = QLabel(self.inspectorFields)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.inspectorForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsEdit = TagsEdit(self.inspectorFields)
        self.tagsEdit.setObjectName(u"tagsEdit")

        self.inspectorForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.breakingCheck = QCheckBox(self.inspectorFields)
        self.breakingCheck.setObjectName(u"breakingCheck")

        self.inspectorForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.breakingCheck)


        self.column.addWidget(self.inspectorFields)

        self.inspectorSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.column.addItem(self.inspectorSpacer)

#if QT_CONFIG(shortcut)
        self.editionLabel.setBuddy(self.editionCombo)
        self.sectionLabel.setBuddy(self.sectionCombo)
        self.subsectionLabel.setBuddy(self.subsectionCombo)
        self.regionsLabel.setBuddy(self.regionsPicker)
        self.coverageLabel.setBuddy(self.coverageEdit)
        self.bylineLabel.setBuddy(self.bylineEdit)
        self.datelineLabel.setBuddy(self.datelineEdit)
        self.tagsLabel.setBuddy(self.tagsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(inspectorInner)

        QMetaObject.connectSlotsByName(inspectorInner)
    # setupUi

    def retranslateUi(self, inspectorInner):
        self.inspectorHeading.setText(QCoreApplication.translate("Inspector", u"Article details", None))
        self.inspectorHeading.setProperty(u"role", QCoreApplication.translate("Inspector", u"heading", None))
        self.editionLabel.setText(QCoreApplication.translate("Inspector", u"Edition", None))
#if QT_CONFIG(accessibility)
        self.editionCombo.setAccessibleName(QCoreApplication.translate("Inspector", u"Edition", None))
#endif // QT_CONFIG(accessibility)
        self.sectionLabel.setText(QCoreApplication.translate("Inspector", u"Section", None))
#if QT_CONFIG(accessibility)
        self.sectionCombo.setAccessibleName(QCoreApplication.translate("Inspector", u"Section", None))
#endif // QT_CONFIG(accessibility)
        self.subsectionLabel.setText(QCoreApplication.translate("Inspector", u"Subsection", None))
#if QT_CONFIG(accessibility)
        self.subsectionCombo.setAccessibleName(QCoreApplication.translate("Inspector", u"Subsection", None))
#endif // QT_CONFIG(accessibility)
        self.regionsLabel.setText(QCoreApplication.translate("Inspector", u"Regions", None))
#if QT_CONFIG(accessibility)
        self.regionsPicker.setAccessibleName(QCoreApplication.translate("Inspector", u"Regions", None))
#endif // QT_CONFIG(accessibility)
        self.coverageLabel.setText(QCoreApplication.translate("Inspector", u"Coverage", None))
#if QT_CONFIG(accessibility)
        self.coverageEdit.setAccessibleName(QCoreApplication.translate("Inspector", u"Coverage (story package)", None))
#endif // QT_CONFIG(accessibility)
        self.coverageEdit.setPlaceholderText(QCoreApplication.translate("Inspector", u"Story package, e.g. War on Gaza", None))
        self.bylineLabel.setText(QCoreApplication.translate("Inspector", u"Byline", None))
#if QT_CONFIG(accessibility)
        self.bylineEdit.setAccessibleName(QCoreApplication.translate("Inspector", u"Byline", None))
#endif // QT_CONFIG(accessibility)
        self.bylineEdit.setPlaceholderText(QCoreApplication.translate("Inspector", u"Name or desk", None))
        self.datelineLabel.setText(QCoreApplication.translate("Inspector", u"Dateline", None))
#if QT_CONFIG(accessibility)
        self.datelineEdit.setAccessibleName(QCoreApplication.translate("Inspector", u"Dateline", None))
#endif // QT_CONFIG(accessibility)
        self.datelineEdit.setPlaceholderText(QCoreApplication.translate("Inspector", u"e.g. Beirut", None))
        self.tagsLabel.setText(QCoreApplication.translate("Inspector", u"Tags", None))
#if QT_CONFIG(accessibility)
        self.tagsEdit.setAccessibleName(QCoreApplication.translate("Inspector", u"Tags", None))
#endif // QT_CONFIG(accessibility)
        self.tagsEdit.setPlaceholderText(QCoreApplication.translate("Inspector", u"People, places, organisations \u2014 separated by commas", None))
        self.breakingCheck.setText(QCoreApplication.translate("Inspector", u"Breaking news", None))
#if QT_CONFIG(accessibility)
        self.breakingCheck.setAccessibleName(QCoreApplication.translate("Inspector", u"Breaking news priority", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

