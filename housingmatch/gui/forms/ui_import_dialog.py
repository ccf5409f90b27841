# Generated from ui/import_dialog.ui by pyside6-uic: do not edit.
# Regenerate with: python -m housingmatch.gui.forms
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDialog, QDialogButtonBox, QGroupBox, QHeaderView,
    QLabel, QSizePolicy, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(1100, 620)
        self.dialog_layout = QVBoxLayout(ImportDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.summary_label = QLabel(ImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.dialog_layout.addWidget(self.summary_label)

        self.splitter = QSplitter(ImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.mapping_box = QGroupBox(self.splitter)
        self.mapping_box.setObjectName(u"mapping_box")
        self.mapping_layout = QVBoxLayout(self.mapping_box)
        self.mapping_layout.setObjectName(u"mapping_layout")
        self.mapping_view = QTableView(self.mapping_box)
        self.mapping_view.setObjectName(u"mapping_view")
        self.mapping_view.setAlternatingRowColors(True)
        self.mapping_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.mapping_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.mapping_view.setSortingEnabled(True)
        self.mapping_view.setWordWrap(False)

        self.mapping_layout.addWidget(self.mapping_view)

        self.columns_label = QLabel(self.mapping_box)
        self.columns_label.setObjectName(u"columns_label")
        self.columns_label.setWordWrap(True)

        self.mapping_layout.addWidget(self.columns_label)

        self.splitter.addWidget(self.mapping_box)
        self.errors_box = QGroupBox(self.splitter)
        self.errors_box.setObjectName(u"errors_box")
        self.errors_layout = QVBoxLayout(self.errors_box)
        self.errors_layout.setObjectName(u"errors_layout")
        self.errors_view = QTableView(self.errors_box)
        self.errors_view.setObjectName(u"errors_view")
        self.errors_view.setAlternatingRowColors(True)
        self.errors_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.errors_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.errors_view.setSortingEnabled(True)
        self.errors_view.setWordWrap(False)

        self.errors_layout.addWidget(self.errors_view)

        self.splitter.addWidget(self.errors_box)

        self.dialog_layout.addWidget(self.splitter)

        self.partial_check = QCheckBox(ImportDialog)
        self.partial_check.setObjectName(u"partial_check")

        self.dialog_layout.addWidget(self.partial_check)

        self.button_box = QDialogButtonBox(ImportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.dialog_layout.addWidget(self.button_box)


        self.retranslateUi(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Importer un fichier", None))
        self.summary_label.setText(QCoreApplication.translate("ImportDialog", u"Lecture du fichier\u2026", None))
        self.mapping_box.setTitle(QCoreApplication.translate("ImportDialog", u"Correspondance des colonnes du fichier", None))
        self.columns_label.setText("")
        self.errors_box.setTitle(QCoreApplication.translate("ImportDialog", u"Erreurs par ligne (rien n'est \u00e9crit tant que vous n'importez pas)", None))
        self.partial_check.setText(QCoreApplication.translate("ImportDialog", u"Importer seulement les lignes valides (les lignes en erreur sont \u00e9cart\u00e9es)", None))
    # retranslateUi

