# Generated from sources_panel.ui by `python -m newsdesk.ui` (pyside6-uic).
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
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SourcesPanel(object):
    def setupUi(self, sourcesPanel):
        if not sourcesPanel.objectName():
            sourcesPanel.setObjectName(u"sourcesPanel")
        self.layout = QVBoxLayout(sourcesPanel)
        self.layout.setSpacing(6)
        self.layout.setObjectName(u"layout")
        self.sourcesList = QListWidget(sourcesPanel)
        self.sourcesList.setObjectName(u"sourcesList")
        self.sourcesList.setMaximumSize(QSize(16777215, 96))

        self.layout.addWidget(self.sourcesList)

        self.sourceButtons = QHBoxLayout()
        self.sourceButtons.setObjectName(u"sourceButtons")
        self.addSourceButton = QPushButton(sourcesPanel)
        self.addSourceButton.setObjectName(u"addSourceButton")

        self.sourceButtons.addWidget(self.addSourceButton)

        self.removeSourceButton = QPushButton(sourcesPanel)
        self.removeSourceButton.setObjectName(u"removeSourceButton")

        self.sourceButtons.addWidget(self.removeSourceButton)

        self.sourceButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.sourceButtons.addItem(self.sourceButtonsSpacer)


        self.layout.addLayout(self.sourceButtons)

        self.sourceDetails = QWidget(sourcesPanel)
        self.sourceDetails.setObjectName(u"sourceDetails")
        self.sourceForm = QFormLayout(self.sourceDetails)
        self.sourceForm.setObjectName(u"sourceForm")
        self.sourceForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.sourceForm.setContentsMargins(0, 4, 0, 0)
        self.sourceNameLabel = QLabel(self.sourceDetails)
        self.sourceNameLabel.setObjectName(u"sourceNameLabel")

        self.sourceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.sourceNameLabel)

        self.sourceNameEdit = QLineEdit(self.sourceDetails)
        self.sourceNameEdit.setObjectName(u"sourceNameEdit")

        self.sourceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.sourceNameEdit)

        self.sourceUrlLabel = QLabel(self.sourceDetails)
        self.sourceUrlLabel.setObjectName(u"sourceUrlLabel")

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourceUrlLabel)

        self.sourceUrlEdit = QLineEdit(self.sourceDetails)
        self.sourceUrlEdit.setObjectName(u"sourceUrlEdit")

        self.sourceForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sourceUrlEdit)

        self.sourceUrlProblem = QLabel(self.sourceDetails)
        self.sourceUrlProblem.setObjectName(u"sourceUrlProblem")
        self.sourceUrlProblem.setWordWrap(True)
        self.sourceUrlProblem.setVisible(False)

        self.sourceForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sourceUrlProblem)

        self.sourceKindLabel = QLabel(self.sourceDetails)
        self.sourceKindLabel.setObjectName(u"sourceKindLabel")

        self.sourceForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceKindLabel)

        self.sourceKindCombo = QComboBox(self.sourceDetails)
        self.sourceKindCombo.setObjectName(u"sourceKindCombo")

        self.sourceForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceKindCombo)

        self.sourceNotesLabel = QLabel(self.sourceDetails)
        self.sourceNotesLabel.setObjectName(u"sourceNotesLabel")

        self.sourceForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sourceNotesLabel)

        self.sourceNotesEdit = QPlainTextEdit(self.sourceDetails)
        self.sourceNotesEdit.setObjectName(u"sourceNotesEdit")
        self.sourceNotesEdit.setMinimumSize(QSize(0, 54))
        self.sourceNotesEdit.setMaximumSize(QSize(16777215, 54))
        self.sourceNotesEdit.setTabChangesFocus(True)

        self.sourceForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sourceNotesEdit)

        self.sourceAttributionCheck = QCheckBox(self.sourceDetails)
        self.sourceAttributionCheck.setObjectName(u"sourceAttributionCheck")

        self.sourceForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sourceAttributionCheck)

        self.sourceFileRowLabel = QLabel(self.sourceDetails)
        self.sourceFileRowLabel.setObjectName(u"sourceFileRowLabel")

        self.sourceForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sourceFileRowLabel)

        self.attachRow = QHBoxLayout()
        self.attachRow.setObjectName(u"attachRow")
        self.sourceAttachButton = QPushButton(self.sourceDetails)
        self.sourceAttachButton.setObjectName(u"sourceAttachButton")

        self.attachRow.addWidget(self.sourceAttachButton)

        self.sourceFileLabel = QLabel(self.sourceDetails)
        self.sourceFileLabel.setObjectName(u"sourceFileLabel")
        self.sourceFileLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.attachRow.addWidget(self.sourceFileLabel)

        self.attachRow.setStretch(1, 1)

        self.sourceForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.attachRow)


        self.layout.addWidget(self.sourceDetails)

#if QT_CONFIG(shortcut)
        self.sourceNameLabel.setBuddy(self.sourceNameEdit)
        self.sourceUrlLabel.setBuddy(self.sourceUrlEdit)
        self.sourceKindLabel.setBuddy(self.sourceKindCombo)
        self.sourceNotesLabel.setBuddy(self.sourceNotesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(sourcesPanel)

        QMetaObject.connectSlotsByName(sourcesPanel)
    # setupUi

    def retranslateUi(self, sourcesPanel):
        sourcesPanel.setTitle(QCoreApplication.translate("SourcesPanel", u"Sources", None))
#if QT_CONFIG(accessibility)
        sourcesPanel.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Sources", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sourcesList.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Source list", None))
#endif // QT_CONFIG(accessibility)
        self.addSourceButton.setText(QCoreApplication.translate("SourcesPanel", u"Add source", None))
#if QT_CONFIG(accessibility)
        self.addSourceButton.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Add source", None))
#endif // QT_CONFIG(accessibility)
        self.removeSourceButton.setText(QCoreApplication.translate("SourcesPanel", u"Remove", None))
#if QT_CONFIG(accessibility)
        self.removeSourceButton.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Remove source", None))
#endif // QT_CONFIG(accessibility)
        self.sourceNameLabel.setText(QCoreApplication.translate("SourcesPanel", u"Name", None))
#if QT_CONFIG(accessibility)
        self.sourceNameEdit.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Source name", None))
#endif // QT_CONFIG(accessibility)
        self.sourceNameEdit.setPlaceholderText(QCoreApplication.translate("SourcesPanel", u"e.g. Haaretz, Reuters, Ministry of Health", None))
        self.sourceUrlLabel.setText(QCoreApplication.translate("SourcesPanel", u"URL", None))
#if QT_CONFIG(accessibility)
        self.sourceUrlEdit.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Source URL", None))
#endif // QT_CONFIG(accessibility)
        self.sourceUrlEdit.setPlaceholderText(QCoreApplication.translate("SourcesPanel", u"https://\u2026", None))
#if QT_CONFIG(accessibility)
        self.sourceUrlProblem.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Source URL problem", None))
#endif // QT_CONFIG(accessibility)
        self.sourceUrlProblem.setProperty(u"role", QCoreApplication.translate("SourcesPanel", u"problem", None))
        self.sourceKindLabel.setText(QCoreApplication.translate("SourcesPanel", u"Kind", None))
#if QT_CONFIG(accessibility)
        self.sourceKindCombo.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Source kind", None))
#endif // QT_CONFIG(accessibility)
        self.sourceNotesLabel.setText(QCoreApplication.translate("SourcesPanel", u"Notes", None))
#if QT_CONFIG(accessibility)
        self.sourceNotesEdit.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Internal notes on the source", None))
#endif // QT_CONFIG(accessibility)
        self.sourceNotesEdit.setPlaceholderText(QCoreApplication.translate("SourcesPanel", u"Internal notes (never published)", None))
        self.sourceAttributionCheck.setText(QCoreApplication.translate("SourcesPanel", u"Print as attribution (\"Source: \u2026\")", None))
#if QT_CONFIG(accessibility)
        self.sourceAttributionCheck.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Print as attribution line", None))
#endif // QT_CONFIG(accessibility)
        self.sourceFileRowLabel.setText(QCoreApplication.translate("SourcesPanel", u"File", None))
        self.sourceAttachButton.setText(QCoreApplication.translate("SourcesPanel", u"Attach file\u2026", None))
#if QT_CONFIG(accessibility)
        self.sourceAttachButton.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Attach a file to the source", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sourceFileLabel.setAccessibleName(QCoreApplication.translate("SourcesPanel", u"Attached file", None))
#endif // QT_CONFIG(accessibility)
        self.sourceFileLabel.setProperty(u"role", QCoreApplication.translate("SourcesPanel", u"hint", None))
    # retranslateUi

