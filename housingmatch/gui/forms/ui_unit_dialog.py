# Generated from ui/unit_dialog.ui by pyside6-uic: do not edit.
# Regenerate with: python -m housingmatch.gui.forms
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'unit_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_UnitDialog(object):
    def setupUi(self, UnitDialog):
        if not UnitDialog.objectName():
            UnitDialog.setObjectName(u"UnitDialog")
        UnitDialog.resize(980, 600)
        self.dialog_layout = QVBoxLayout(UnitDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.left_layout = QVBoxLayout()
        self.left_layout.setObjectName(u"left_layout")
        self.identity_box = QGroupBox(UnitDialog)
        self.identity_box.setObjectName(u"identity_box")
        self.identity_form = QFormLayout(self.identity_box)
        self.identity_form.setObjectName(u"identity_form")
        self.identity_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.identity_form_label_0 = QLabel(self.identity_box)
        self.identity_form_label_0.setObjectName(u"identity_form_label_0")

        self.identity_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.identity_form_label_0)

        self.ref_edit = QLineEdit(self.identity_box)
        self.ref_edit.setObjectName(u"ref_edit")

        self.identity_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ref_edit)

        self.identity_form_label_1 = QLabel(self.identity_box)
        self.identity_form_label_1.setObjectName(u"identity_form_label_1")

        self.identity_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.identity_form_label_1)

        self.landlord_edit = QLineEdit(self.identity_box)
        self.landlord_edit.setObjectName(u"landlord_edit")

        self.identity_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.landlord_edit)

        self.identity_form_label_2 = QLabel(self.identity_box)
        self.identity_form_label_2.setObjectName(u"identity_form_label_2")

        self.identity_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.identity_form_label_2)

        self.programme_edit = QLineEdit(self.identity_box)
        self.programme_edit.setObjectName(u"programme_edit")

        self.identity_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.programme_edit)

        self.identity_form_label_3 = QLabel(self.identity_box)
        self.identity_form_label_3.setObjectName(u"identity_form_label_3")

        self.identity_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.identity_form_label_3)

        self.address_edit = QLineEdit(self.identity_box)
        self.address_edit.setObjectName(u"address_edit")

        self.identity_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.identity_form_label_4 = QLabel(self.identity_box)
        self.identity_form_label_4.setObjectName(u"identity_form_label_4")

        self.identity_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.identity_form_label_4)

        self.commune_edit = QLineEdit(self.identity_box)
        self.commune_edit.setObjectName(u"commune_edit")

        self.identity_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.commune_edit)

        self.identity_form_label_5 = QLabel(self.identity_box)
        self.identity_form_label_5.setObjectName(u"identity_form_label_5")

        self.identity_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.identity_form_label_5)

        self.point_box = QHBoxLayout()
        self.point_box.setObjectName(u"point_box")
        self.latitude_edit = QLineEdit(self.identity_box)
        self.latitude_edit.setObjectName(u"latitude_edit")

        self.point_box.addWidget(self.latitude_edit)

        self.longitude_edit = QLineEdit(self.identity_box)
        self.longitude_edit.setObjectName(u"longitude_edit")

        self.point_box.addWidget(self.longitude_edit)


        self.identity_form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.point_box)

        self.identity_form_label_6 = QLabel(self.identity_box)
        self.identity_form_label_6.setObjectName(u"identity_form_label_6")

        self.identity_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.identity_form_label_6)

        self.qpv_edit = QLineEdit(self.identity_box)
        self.qpv_edit.setObjectName(u"qpv_edit")

        self.identity_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.qpv_edit)

        self.identity_form_label_7 = QLabel(self.identity_box)
        self.identity_form_label_7.setObjectName(u"identity_form_label_7")

        self.identity_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.identity_form_label_7)

        self.status_combo = QComboBox(self.identity_box)
        self.status_combo.setObjectName(u"status_combo")

        self.identity_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.status_combo)


        self.left_layout.addWidget(self.identity_box)

        self.computed_box = QGroupBox(UnitDialog)
        self.computed_box.setObjectName(u"computed_box")
        self.computed_form = QFormLayout(self.computed_box)
        self.computed_form.setObjectName(u"computed_form")
        self.computed_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.computed_form_label_0 = QLabel(self.computed_box)
        self.computed_form_label_0.setObjectName(u"computed_form_label_0")

        self.computed_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.computed_form_label_0)

        self.total_rent_value = QLabel(self.computed_box)
        self.total_rent_value.setObjectName(u"total_rent_value")
        self.total_rent_value.setWordWrap(True)

        self.computed_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.total_rent_value)

        self.computed_form_label_1 = QLabel(self.computed_box)
        self.computed_form_label_1.setObjectName(u"computed_form_label_1")

        self.computed_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.computed_form_label_1)

        self.zone_value = QLabel(self.computed_box)
        self.zone_value.setObjectName(u"zone_value")
        self.zone_value.setWordWrap(True)

        self.computed_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.zone_value)

        self.computed_form_label_2 = QLabel(self.computed_box)
        self.computed_form_label_2.setObjectName(u"computed_form_label_2")

        self.computed_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.computed_form_label_2)

        self.metropole_value = QLabel(self.computed_box)
        self.metropole_value.setObjectName(u"metropole_value")
        self.metropole_value.setWordWrap(True)

        self.computed_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.metropole_value)


        self.left_layout.addWidget(self.computed_box)

        self.problems_box = QGroupBox(UnitDialog)
        self.problems_box.setObjectName(u"problems_box")
        self.problems_layout = QVBoxLayout(self.problems_box)
        self.problems_layout.setObjectName(u"problems_layout")
        self.problems_label = QLabel(self.problems_box)
        self.problems_label.setObjectName(u"problems_label")
        self.problems_label.setWordWrap(True)

        self.problems_layout.addWidget(self.problems_label)


        self.left_layout.addWidget(self.problems_box)

        self.left_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_layout.addItem(self.left_spacer)


        self.body_layout.addLayout(self.left_layout)

        self.right_layout = QVBoxLayout()
        self.right_layout.setObjectName(u"right_layout")
        self.features_box = QGroupBox(UnitDialog)
        self.features_box.setObjectName(u"features_box")
        self.features_form = QFormLayout(self.features_box)
        self.features_form.setObjectName(u"features_form")
        self.features_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.features_form_label_0 = QLabel(self.features_box)
        self.features_form_label_0.setObjectName(u"features_form_label_0")

        self.features_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.features_form_label_0)

        self.typology_combo = QComboBox(self.features_box)
        self.typology_combo.setObjectName(u"typology_combo")

        self.features_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typology_combo)

        self.features_form_label_1 = QLabel(self.features_box)
        self.features_form_label_1.setObjectName(u"features_form_label_1")

        self.features_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.features_form_label_1)

        self.surface_edit = QLineEdit(self.features_box)
        self.surface_edit.setObjectName(u"surface_edit")

        self.features_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.surface_edit)

        self.features_form_label_2 = QLabel(self.features_box)
        self.features_form_label_2.setObjectName(u"features_form_label_2")

        self.features_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.features_form_label_2)

        self.floor_edit = QLineEdit(self.features_box)
        self.floor_edit.setObjectName(u"floor_edit")

        self.features_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.floor_edit)

        self.features_form_label_3 = QLabel(self.features_box)
        self.features_form_label_3.setObjectName(u"features_form_label_3")

        self.features_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.features_form_label_3)

        self.equipment_box = QVBoxLayout()
        self.equipment_box.setObjectName(u"equipment_box")
        self.lift_check = QCheckBox(self.features_box)
        self.lift_check.setObjectName(u"lift_check")

        self.equipment_box.addWidget(self.lift_check)

        self.pmr_check = QCheckBox(self.features_box)
        self.pmr_check.setObjectName(u"pmr_check")

        self.equipment_box.addWidget(self.pmr_check)


        self.features_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.equipment_box)

        self.features_form_label_4 = QLabel(self.features_box)
        self.features_form_label_4.setObjectName(u"features_form_label_4")

        self.features_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.features_form_label_4)

        self.financing_combo = QComboBox(self.features_box)
        self.financing_combo.setObjectName(u"financing_combo")

        self.features_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.financing_combo)

        self.features_form_label_5 = QLabel(self.features_box)
        self.features_form_label_5.setObjectName(u"features_form_label_5")

        self.features_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.features_form_label_5)

        self.rent_edit = QLineEdit(self.features_box)
        self.rent_edit.setObjectName(u"rent_edit")

        self.features_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rent_edit)

        self.features_form_label_6 = QLabel(self.features_box)
        self.features_form_label_6.setObjectName(u"features_form_label_6")

        self.features_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.features_form_label_6)

        self.charges_edit = QLineEdit(self.features_box)
        self.charges_edit.setObjectName(u"charges_edit")

        self.features_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.charges_edit)

        self.features_form_label_7 = QLabel(self.features_box)
        self.features_form_label_7.setObjectName(u"features_form_label_7")

        self.features_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.features_form_label_7)

        self.available_box = QHBoxLayout()
        self.available_box.setObjectName(u"available_box")
        self.available_check = QCheckBox(self.features_box)
        self.available_check.setObjectName(u"available_check")

        self.available_box.addWidget(self.available_check)

        self.available_date_edit = QDateEdit(self.features_box)
        self.available_date_edit.setObjectName(u"available_date_edit")
        self.available_date_edit.setCalendarPopup(True)

        self.available_box.addWidget(self.available_date_edit)


        self.features_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.available_box)

        self.features_form_label_8 = QLabel(self.features_box)
        self.features_form_label_8.setObjectName(u"features_form_label_8")

        self.features_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.features_form_label_8)

        self.deadline_box = QHBoxLayout()
        self.deadline_box.setObjectName(u"deadline_box")
        self.deadline_check = QCheckBox(self.features_box)
        self.deadline_check.setObjectName(u"deadline_check")

        self.deadline_box.addWidget(self.deadline_check)

        self.deadline_date_edit = QDateEdit(self.features_box)
        self.deadline_date_edit.setObjectName(u"deadline_date_edit")
        self.deadline_date_edit.setCalendarPopup(True)

        self.deadline_box.addWidget(self.deadline_date_edit)


        self.features_form.setLayout(8, QFormLayout.ItemRole.FieldRole, self.deadline_box)

        self.features_form_label_9 = QLabel(self.features_box)
        self.features_form_label_9.setObjectName(u"features_form_label_9")

        self.features_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.features_form_label_9)

        self.reserved_employer_edit = QLineEdit(self.features_box)
        self.reserved_employer_edit.setObjectName(u"reserved_employer_edit")

        self.features_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.reserved_employer_edit)


        self.right_layout.addWidget(self.features_box)

        self.right_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.right_layout.addItem(self.right_spacer)


        self.body_layout.addLayout(self.right_layout)


        self.dialog_layout.addLayout(self.body_layout)

        self.button_box = QDialogButtonBox(UnitDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.identity_form_label_0.setBuddy(self.ref_edit)
        self.identity_form_label_1.setBuddy(self.landlord_edit)
        self.identity_form_label_2.setBuddy(self.programme_edit)
        self.identity_form_label_3.setBuddy(self.address_edit)
        self.identity_form_label_4.setBuddy(self.commune_edit)
        self.identity_form_label_5.setBuddy(self.latitude_edit)
        self.identity_form_label_6.setBuddy(self.qpv_edit)
        self.identity_form_label_7.setBuddy(self.status_combo)
        self.features_form_label_0.setBuddy(self.typology_combo)
        self.features_form_label_1.setBuddy(self.surface_edit)
        self.features_form_label_2.setBuddy(self.floor_edit)
        self.features_form_label_3.setBuddy(self.lift_check)
        self.features_form_label_4.setBuddy(self.financing_combo)
        self.features_form_label_5.setBuddy(self.rent_edit)
        self.features_form_label_6.setBuddy(self.charges_edit)
        self.features_form_label_7.setBuddy(self.available_check)
        self.features_form_label_8.setBuddy(self.deadline_check)
        self.features_form_label_9.setBuddy(self.reserved_employer_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UnitDialog)
    # setupUi

    def retranslateUi(self, UnitDialog):
        UnitDialog.setWindowTitle(QCoreApplication.translate("UnitDialog", u"Logement", None))
        self.identity_box.setTitle(QCoreApplication.translate("UnitDialog", u"Logement", None))
        self.identity_form_label_0.setText(QCoreApplication.translate("UnitDialog", u"R\u00e9f\u00e9rence du logement", None))
        self.ref_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"ex. LOG-2026-0042", None))
        self.identity_form_label_1.setText(QCoreApplication.translate("UnitDialog", u"Bailleur", None))
        self.identity_form_label_2.setText(QCoreApplication.translate("UnitDialog", u"Programme", None))
        self.programme_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"facultatif", None))
        self.identity_form_label_3.setText(QCoreApplication.translate("UnitDialog", u"Adresse", None))
        self.identity_form_label_4.setText(QCoreApplication.translate("UnitDialog", u"Commune", None))
        self.commune_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"nom, code postal ou code INSEE", None))
        self.identity_form_label_5.setText(QCoreApplication.translate("UnitDialog", u"Coordonn\u00e9es", None))
        self.latitude_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"latitude", None))
        self.longitude_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"longitude", None))
        self.identity_form_label_6.setText(QCoreApplication.translate("UnitDialog", u"Quartier prioritaire (QPV)", None))
        self.qpv_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"facultatif", None))
        self.identity_form_label_7.setText(QCoreApplication.translate("UnitDialog", u"Statut", None))
        self.computed_box.setTitle(QCoreApplication.translate("UnitDialog", u"Calcul\u00e9 automatiquement", None))
        self.computed_form_label_0.setText(QCoreApplication.translate("UnitDialog", u"Loyer charges comprises", None))
        self.total_rent_value.setText(QCoreApplication.translate("UnitDialog", u"\u2014", None))
        self.computed_form_label_1.setText(QCoreApplication.translate("UnitDialog", u"Zone A/B/C", None))
        self.zone_value.setText(QCoreApplication.translate("UnitDialog", u"\u2014", None))
        self.computed_form_label_2.setText(QCoreApplication.translate("UnitDialog", u"Dijon M\u00e9tropole", None))
        self.metropole_value.setText(QCoreApplication.translate("UnitDialog", u"\u2014", None))
        self.problems_box.setTitle(QCoreApplication.translate("UnitDialog", u"\u00c0 corriger avant d'enregistrer", None))
        self.problems_label.setText("")
        self.features_box.setTitle(QCoreApplication.translate("UnitDialog", u"Caract\u00e9ristiques et loyer", None))
        self.features_form_label_0.setText(QCoreApplication.translate("UnitDialog", u"Typologie", None))
        self.features_form_label_1.setText(QCoreApplication.translate("UnitDialog", u"Surface habitable (m\u00b2)", None))
        self.features_form_label_2.setText(QCoreApplication.translate("UnitDialog", u"\u00c9tage", None))
        self.floor_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"0 pour le rez-de-chauss\u00e9e", None))
        self.features_form_label_3.setText(QCoreApplication.translate("UnitDialog", u"\u00c9quipements", None))
        self.lift_check.setText(QCoreApplication.translate("UnitDialog", u"Ascenseur", None))
        self.pmr_check.setText(QCoreApplication.translate("UnitDialog", u"Accessible aux personnes \u00e0 mobilit\u00e9 r\u00e9duite", None))
        self.features_form_label_4.setText(QCoreApplication.translate("UnitDialog", u"Financement", None))
        self.features_form_label_5.setText(QCoreApplication.translate("UnitDialog", u"Loyer hors charges (\u20ac/mois)", None))
        self.features_form_label_6.setText(QCoreApplication.translate("UnitDialog", u"Charges (\u20ac/mois)", None))
        self.features_form_label_7.setText(QCoreApplication.translate("UnitDialog", u"Disponible le", None))
        self.available_check.setText(QCoreApplication.translate("UnitDialog", u"Connue", None))
        self.available_date_edit.setDisplayFormat(QCoreApplication.translate("UnitDialog", u"dd/MM/yyyy", None))
        self.features_form_label_8.setText(QCoreApplication.translate("UnitDialog", u"Date limite de proposition", None))
        self.deadline_check.setText(QCoreApplication.translate("UnitDialog", u"Connue", None))
        self.deadline_date_edit.setDisplayFormat(QCoreApplication.translate("UnitDialog", u"dd/MM/yyyy", None))
        self.features_form_label_9.setText(QCoreApplication.translate("UnitDialog", u"R\u00e9serv\u00e9 pour l'employeur", None))
        self.reserved_employer_edit.setPlaceholderText(QCoreApplication.translate("UnitDialog", u"facultatif", None))
    # retranslateUi

