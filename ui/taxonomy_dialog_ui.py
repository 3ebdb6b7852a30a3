# Generated from taxonomy_dialog.ui by `python -m newsdesk.ui` (pyside6-uic).
# Change the form in Qt Designer and regenerate; edits here are lost.
# ruff: noqa

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QTabWidget, QVBoxLayout, QWidget)

class Ui_TaxonomyDialog(object):
    def setupUi(self, taxonomyDialog):
        if not taxonomyDialog.objectName():
            taxonomyDialog.setObjectName(u"taxonomyDialog")
        taxonomyDialog.resize(640, 460)
        self.layout = QVBoxLayout(taxonomyDialog)
        self.layout.setObjectName(u"layout")
        self.taxonomyTabs = QTabWidget(taxonomyDialog)
        self.taxonomyTabs.setObjectName(u"taxonomyTabs")
        self.sectionsPage = QWidget()
        self.sectionsPage.setObjectName(u"sectionsPage")
        self.sectionsGrid = QGridLayout(self.sectionsPage)
        self.sectionsGrid.setObjectName(u"sectionsGrid")
        self.sectionsLabel = QLabel(self.sectionsPage)
        self.sectionsLabel.setObjectName(u"sectionsLabel")

        self.sectionsGrid.addWidget(self.sectionsLabel, 0, 0, 1, 1)

        self.subsectionsLabel = QLabel(self.sectionsPage)
        self.subsectionsLabel.setObjectName(u"subsectionsLabel")

        self.sectionsGrid.addWidget(self.subsectionsLabel, 0, 1, 1, 1)

        self.sectionList = QListWidget(self.sectionsPage)
        self.sectionList.setObjectName(u"sectionList")

        self.sectionsGrid.addWidget(self.sectionList, 1, 0, 1, 1)

        self.subsectionList = QListWidget(self.sectionsPage)
        self.subsectionList.setObjectName(u"subsectionList")

        self.sectionsGrid.addWidget(self.subsectionList, 1, 1, 1, 1)

        self.sectionNameEdit = QLineEdit(self.sectionsPage)
        self.sectionNameEdit.setObjectName(u"sectionNameEdit")

        self.sectionsGrid.addWidget(self.sectionNameEdit, 2, 0, 1, 1)

        self.subsectionNameEdit = QLineEdit(self.sectionsPage)
        self.subsectionNameEdit.setObjectName(u"subsectionNameEdit")

        self.sectionsGrid.addWidget(self.subsectionNameEdit, 2, 1, 1, 1)

        self.addSectionButton = QPushButton(self.sectionsPage)
        self.addSectionButton.setObjectName(u"addSectionButton")

        self.sectionsGrid.addWidget(self.addSectionButton, 3, 0, 1, 1)

        self.addSubsectionButton = QPushButton(self.sectionsPage)
        self.addSubsectionButton.setObjectName(u"addSubsectionButton")

        self.sectionsGrid.addWidget(self.addSubsectionButton, 3, 1, 1, 1)

        self.renameSectionButton = QPushButton(self.sectionsPage)
        self.renameSectionButton.setObjectName(u"renameSectionButton")

        self.sectionsGrid.addWidget(self.renameSectionButton, 4, 0, 1, 1)

        self.taxonomyTabs.addTab(self.sectionsPage, "")
        self.regionsPage = QWidget()
        self.regionsPage.setObjectName(u"regionsPage")
        self.regionsLayout = QVBoxLayout(self.regionsPage)
        self.regionsLayout.setObjectName(u"regionsLayout")
        self.regionList = QListWidget(self.regionsPage)
        self.regionList.setObjectName(u"regionList")

        self.regionsLayout.addWidget(self.regionList)

        self.regionNameEdit = QLineEdit(self.regionsPage)
        self.regionNameEdit.setObjectName(u"regionNameEdit")

        self.regionsLayout.addWidget(self.regionNameEdit)

        self.addRegionButton = QPushButton(self.regionsPage)
        self.addRegionButton.setObjectName(u"addRegionButton")

        self.regionsLayout.addWidget(self.addRegionButton)

        self.regionsLayout.setStretch(0, 1)
        self.taxonomyTabs.addTab(self.regionsPage, "")
        self.editionsPage = QWidget()
        self.editionsPage.setObjectName(u"editionsPage")
        self.editionsLayout = QVBoxLayout(self.editionsPage)
        self.editionsLayout.setObjectName(u"editionsLayout")
        self.editionList = QListWidget(self.editionsPage)
        self.editionList.setObjectName(u"editionList")

        self.editionsLayout.addWidget(self.editionList)

        self.editionRow = QGridLayout()
        self.editionRow.setObjectName(u"editionRow")
        self.editionCodeEdit = QLineEdit(self.editionsPage)
        self.editionCodeEdit.setObjectName(u"editionCodeEdit")
        self.editionCodeEdit.setMaxLength(8)

        self.editionRow.addWidget(self.editionCodeEdit, 0, 0, 1, 1)

        self.editionLanguageEdit = QLineEdit(self.editionsPage)
        self.editionLanguageEdit.setObjectName(u"editionLanguageEdit")

        self.editionRow.addWidget(self.editionLanguageEdit, 0, 1, 1, 1)

        self.editionRtlCheck = QCheckBox(self.editionsPage)
        self.editionRtlCheck.setObjectName(u"editionRtlCheck")

        self.editionRow.addWidget(self.editionRtlCheck, 0, 2, 1, 1)


        self.editionsLayout.addLayout(self.editionRow)

        self.addEditionButton = QPushButton(self.editionsPage)
        self.addEditionButton.setObjectName(u"addEditionButton")

        self.editionsLayout.addWidget(self.addEditionButton)

        self.editionsLayout.setStretch(0, 1)
        self.taxonomyTabs.addTab(self.editionsPage, "")
        self.tagsPage = QWidget()
        self.tagsPage.setObjectName(u"tagsPage")
        self.tagsLayout = QVBoxLayout(self.tagsPage)
        self.tagsLayout.setObjectName(u"tagsLayout")
        self.tagList = QListWidget(self.tagsPage)
        self.tagList.setObjectName(u"tagList")
        self.tagList.setSelectionMode(QAbstractItemView.ExtendedSelection)

        self.tagsLayout.addWidget(self.tagList)

        self.tagNameEdit = QLineEdit(self.tagsPage)
        self.tagNameEdit.setObjectName(u"tagNameEdit")

        self.tagsLayout.addWidget(self.tagNameEdit)

        self.tagButtons = QGridLayout()
        self.tagButtons.setObjectName(u"tagButtons")
        self.renameTagButton = QPushButton(self.tagsPage)
        self.renameTagButton.setObjectName(u"renameTagButton")

        self.tagButtons.addWidget(self.renameTagButton, 0, 0, 1, 1)

        self.mergeTagsButton = QPushButton(self.tagsPage)
        self.mergeTagsButton.setObjectName(u"mergeTagsButton")

        self.tagButtons.addWidget(self.mergeTagsButton, 0, 1, 1, 1)


        self.tagsLayout.addLayout(self.tagButtons)

        self.tagsHint = QLabel(self.tagsPage)
        self.tagsHint.setObjectName(u"tagsHint")
        self.tagsHint.setWordWrap(True)

        self.tagsLayout.addWidget(self.tagsHint)

        self.tagsLayout.setStretch(0, 1)
        self.taxonomyTabs.addTab(self.tagsPage, "")

        self.layout.addWidget(self.taxonomyTabs)

        self.taxonomyMessage = QLabel(taxonomyDialog)
        self.taxonomyMessage.setObjectName(u"taxonomyMessage")
        self.taxonomyMessage.setWordWrap(True)

        self.layout.addWidget(self.taxonomyMessage)

        self.buttons = QDialogButtonBox(taxonomyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(0, 1)

        self.retranslateUi(taxonomyDialog)

        self.taxonomyTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(taxonomyDialog)
    # setupUi

    def retranslateUi(self, taxonomyDialog):
        taxonomyDialog.setWindowTitle(QCoreApplication.translate("TaxonomyDialog", u"Sections, regions and tags", None))
        self.sectionsLabel.setText(QCoreApplication.translate("TaxonomyDialog", u"Sections", None))
        self.subsectionsLabel.setText(QCoreApplication.translate("TaxonomyDialog", u"Subsections", None))
#if QT_CONFIG(accessibility)
        self.sectionList.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Sections", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.subsectionList.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Subsections of the chosen section", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionNameEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Section name", None))
#endif // QT_CONFIG(accessibility)
        self.sectionNameEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"Section name", None))
#if QT_CONFIG(accessibility)
        self.subsectionNameEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Subsection name", None))
#endif // QT_CONFIG(accessibility)
        self.subsectionNameEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"Subsection name", None))
        self.addSectionButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Add section", None))
#if QT_CONFIG(accessibility)
        self.addSectionButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Add section", None))
#endif // QT_CONFIG(accessibility)
        self.addSubsectionButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Add subsection", None))
#if QT_CONFIG(accessibility)
        self.addSubsectionButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Add subsection", None))
#endif // QT_CONFIG(accessibility)
        self.renameSectionButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Rename chosen section", None))
#if QT_CONFIG(accessibility)
        self.renameSectionButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Rename section", None))
#endif // QT_CONFIG(accessibility)
        self.taxonomyTabs.setTabText(self.taxonomyTabs.indexOf(self.sectionsPage), QCoreApplication.translate("TaxonomyDialog", u"Sections", None))
#if QT_CONFIG(accessibility)
        self.regionList.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Regions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.regionNameEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Region name", None))
#endif // QT_CONFIG(accessibility)
        self.regionNameEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"Region name", None))
        self.addRegionButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Add region", None))
#if QT_CONFIG(accessibility)
        self.addRegionButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Add region", None))
#endif // QT_CONFIG(accessibility)
        self.taxonomyTabs.setTabText(self.taxonomyTabs.indexOf(self.regionsPage), QCoreApplication.translate("TaxonomyDialog", u"Regions", None))
#if QT_CONFIG(accessibility)
        self.editionList.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Editions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.editionCodeEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Edition code", None))
#endif // QT_CONFIG(accessibility)
        self.editionCodeEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"Code, e.g. fr", None))
#if QT_CONFIG(accessibility)
        self.editionLanguageEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Edition language", None))
#endif // QT_CONFIG(accessibility)
        self.editionLanguageEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"Language, e.g. French", None))
        self.editionRtlCheck.setText(QCoreApplication.translate("TaxonomyDialog", u"Right-to-left", None))
#if QT_CONFIG(accessibility)
        self.editionRtlCheck.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Right-to-left script", None))
#endif // QT_CONFIG(accessibility)
        self.addEditionButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Add edition", None))
#if QT_CONFIG(accessibility)
        self.addEditionButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Add edition", None))
#endif // QT_CONFIG(accessibility)
        self.taxonomyTabs.setTabText(self.taxonomyTabs.indexOf(self.editionsPage), QCoreApplication.translate("TaxonomyDialog", u"Editions", None))
#if QT_CONFIG(accessibility)
        self.tagList.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Tags with the number of articles using each", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tagNameEdit.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"New tag name", None))
#endif // QT_CONFIG(accessibility)
        self.tagNameEdit.setPlaceholderText(QCoreApplication.translate("TaxonomyDialog", u"New name, or the tag to merge into", None))
        self.renameTagButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Rename chosen tag", None))
#if QT_CONFIG(accessibility)
        self.renameTagButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Rename tag", None))
#endif // QT_CONFIG(accessibility)
        self.mergeTagsButton.setText(QCoreApplication.translate("TaxonomyDialog", u"Merge chosen tags into", None))
#if QT_CONFIG(accessibility)
        self.mergeTagsButton.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Merge tags", None))
#endif // QT_CONFIG(accessibility)
        self.tagsHint.setProperty(u"role", QCoreApplication.translate("TaxonomyDialog", u"hint", None))
        self.tagsHint.setText(QCoreApplication.translate("TaxonomyDialog", u"Renaming a tag onto an existing one merges them. Case does not make a new tag.", None))
        self.taxonomyTabs.setTabText(self.taxonomyTabs.indexOf(self.tagsPage), QCoreApplication.translate("TaxonomyDialog", u"Tags", None))
#if QT_CONFIG(accessibility)
        self.taxonomyMessage.setAccessibleName(QCoreApplication.translate("TaxonomyDialog", u"Result of the last change", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

