# Generated from ui/request_dialog.ui by pyside6-uic: do not edit.
# Regenerate with: python -m housingmatch.gui.forms
# ruff: noqa
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'request_dialog.ui'
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
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_RequestDialog(object):
    def setupUi(self, RequestDialog):
        if not RequestDialog.objectName():
            RequestDialog.setObjectName(u"RequestDialog")
        RequestDialog.resize(1100, 640)
        self.dialog_layout = QVBoxLayout(RequestDialog)
        self.dialog_layout.setObjectName(u"dialog_layout")
        self.body_layout = QHBoxLayout()
        self.body_layout.setObjectName(u"body_layout")
        self.sections_tabs = QTabWidget(RequestDialog)
        self.sections_tabs.setObjectName(u"sections_tabs")
        self.applicant_tab = QWidget()
        self.applicant_tab.setObjectName(u"applicant_tab")
        self.applicant_form = QFormLayout(self.applicant_tab)
        self.applicant_form.setObjectName(u"applicant_form")
        self.applicant_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.applicant_form_label_0 = QLabel(self.applicant_tab)
        self.applicant_form_label_0.setObjectName(u"applicant_form_label_0")

        self.applicant_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_0)

        self.ref_edit = QLineEdit(self.applicant_tab)
        self.ref_edit.setObjectName(u"ref_edit")

        self.applicant_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.ref_edit)

        self.applicant_form_label_1 = QLabel(self.applicant_tab)
        self.applicant_form_label_1.setObjectName(u"applicant_form_label_1")

        self.applicant_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_1)

        self.unique_number_edit = QLineEdit(self.applicant_tab)
        self.unique_number_edit.setObjectName(u"unique_number_edit")

        self.applicant_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.unique_number_edit)

        self.applicant_form_label_2 = QLabel(self.applicant_tab)
        self.applicant_form_label_2.setObjectName(u"applicant_form_label_2")

        self.applicant_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_2)

        self.filing_date_edit = QDateEdit(self.applicant_tab)
        self.filing_date_edit.setObjectName(u"filing_date_edit")
        self.filing_date_edit.setCalendarPopup(True)

        self.applicant_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.filing_date_edit)

        self.applicant_form_label_3 = QLabel(self.applicant_tab)
        self.applicant_form_label_3.setObjectName(u"applicant_form_label_3")

        self.applicant_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_3)

        self.renewal_box = QHBoxLayout()
        self.renewal_box.setObjectName(u"renewal_box")
        self.renewal_check = QCheckBox(self.applicant_tab)
        self.renewal_check.setObjectName(u"renewal_check")

        self.renewal_box.addWidget(self.renewal_check)

        self.renewal_date_edit = QDateEdit(self.applicant_tab)
        self.renewal_date_edit.setObjectName(u"renewal_date_edit")
        self.renewal_date_edit.setCalendarPopup(True)

        self.renewal_box.addWidget(self.renewal_date_edit)


        self.applicant_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.renewal_box)

        self.applicant_form_label_4 = QLabel(self.applicant_tab)
        self.applicant_form_label_4.setObjectName(u"applicant_form_label_4")

        self.applicant_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_4)

        self.last_name_edit = QLineEdit(self.applicant_tab)
        self.last_name_edit.setObjectName(u"last_name_edit")

        self.applicant_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.last_name_edit)

        self.applicant_form_label_5 = QLabel(self.applicant_tab)
        self.applicant_form_label_5.setObjectName(u"applicant_form_label_5")

        self.applicant_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_5)

        self.first_name_edit = QLineEdit(self.applicant_tab)
        self.first_name_edit.setObjectName(u"first_name_edit")

        self.applicant_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.first_name_edit)

        self.applicant_form_label_6 = QLabel(self.applicant_tab)
        self.applicant_form_label_6.setObjectName(u"applicant_form_label_6")

        self.applicant_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_6)

        self.birth_date_edit = QDateEdit(self.applicant_tab)
        self.birth_date_edit.setObjectName(u"birth_date_edit")
        self.birth_date_edit.setCalendarPopup(True)

        self.applicant_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.birth_date_edit)

        self.applicant_form_label_7 = QLabel(self.applicant_tab)
        self.applicant_form_label_7.setObjectName(u"applicant_form_label_7")

        self.applicant_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_7)

        self.email_edit = QLineEdit(self.applicant_tab)
        self.email_edit.setObjectName(u"email_edit")

        self.applicant_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.applicant_form_label_8 = QLabel(self.applicant_tab)
        self.applicant_form_label_8.setObjectName(u"applicant_form_label_8")

        self.applicant_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_8)

        self.phone_edit = QLineEdit(self.applicant_tab)
        self.phone_edit.setObjectName(u"phone_edit")

        self.applicant_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.applicant_form_label_9 = QLabel(self.applicant_tab)
        self.applicant_form_label_9.setObjectName(u"applicant_form_label_9")

        self.applicant_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.applicant_form_label_9)

        self.address_edit = QLineEdit(self.applicant_tab)
        self.address_edit.setObjectName(u"address_edit")

        self.applicant_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.sections_tabs.addTab(self.applicant_tab, "")
        self.household_tab = QWidget()
        self.household_tab.setObjectName(u"household_tab")
        self.household_form = QFormLayout(self.household_tab)
        self.household_form.setObjectName(u"household_form")
        self.household_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.household_form_label_0 = QLabel(self.household_tab)
        self.household_form_label_0.setObjectName(u"household_form_label_0")

        self.household_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.household_form_label_0)

        self.persons_spin = QSpinBox(self.household_tab)
        self.persons_spin.setObjectName(u"persons_spin")
        self.persons_spin.setMinimum(0)
        self.persons_spin.setMaximum(30)

        self.household_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.persons_spin)

        self.household_form_label_1 = QLabel(self.household_tab)
        self.household_form_label_1.setObjectName(u"household_form_label_1")

        self.household_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.household_form_label_1)

        self.dependants_spin = QSpinBox(self.household_tab)
        self.dependants_spin.setObjectName(u"dependants_spin")
        self.dependants_spin.setMinimum(0)
        self.dependants_spin.setMaximum(30)

        self.household_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dependants_spin)

        self.household_form_label_2 = QLabel(self.household_tab)
        self.household_form_label_2.setObjectName(u"household_form_label_2")

        self.household_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.household_form_label_2)

        self.partner_box = QHBoxLayout()
        self.partner_box.setObjectName(u"partner_box")
        self.partner_check = QCheckBox(self.household_tab)
        self.partner_check.setObjectName(u"partner_check")

        self.partner_box.addWidget(self.partner_check)

        self.partner_birth_date_edit = QDateEdit(self.household_tab)
        self.partner_birth_date_edit.setObjectName(u"partner_birth_date_edit")
        self.partner_birth_date_edit.setCalendarPopup(True)

        self.partner_box.addWidget(self.partner_birth_date_edit)


        self.household_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.partner_box)

        self.household_form_label_3 = QLabel(self.household_tab)
        self.household_form_label_3.setObjectName(u"household_form_label_3")

        self.household_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.household_form_label_3)

        self.disability_check = QCheckBox(self.household_tab)
        self.disability_check.setObjectName(u"disability_check")

        self.household_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.disability_check)

        self.sections_tabs.addTab(self.household_tab, "")
        self.resources_tab = QWidget()
        self.resources_tab.setObjectName(u"resources_tab")
        self.resources_form = QFormLayout(self.resources_tab)
        self.resources_form.setObjectName(u"resources_form")
        self.resources_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.resources_form_label_0 = QLabel(self.resources_tab)
        self.resources_form_label_0.setObjectName(u"resources_form_label_0")

        self.resources_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resources_form_label_0)

        self.fiscal_income_edit = QLineEdit(self.resources_tab)
        self.fiscal_income_edit.setObjectName(u"fiscal_income_edit")

        self.resources_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fiscal_income_edit)

        self.resources_form_label_1 = QLabel(self.resources_tab)
        self.resources_form_label_1.setObjectName(u"resources_form_label_1")

        self.resources_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.resources_form_label_1)

        self.monthly_income_edit = QLineEdit(self.resources_tab)
        self.monthly_income_edit.setObjectName(u"monthly_income_edit")

        self.resources_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.monthly_income_edit)

        self.resources_form_label_2 = QLabel(self.resources_tab)
        self.resources_form_label_2.setObjectName(u"resources_form_label_2")

        self.resources_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.resources_form_label_2)

        self.recent_income_edit = QLineEdit(self.resources_tab)
        self.recent_income_edit.setObjectName(u"recent_income_edit")

        self.resources_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.recent_income_edit)

        self.resources_form_label_3 = QLabel(self.resources_tab)
        self.resources_form_label_3.setObjectName(u"resources_form_label_3")

        self.resources_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.resources_form_label_3)

        self.own_income_edit = QLineEdit(self.resources_tab)
        self.own_income_edit.setObjectName(u"own_income_edit")

        self.resources_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.own_income_edit)

        self.resources_form_label_4 = QLabel(self.resources_tab)
        self.resources_form_label_4.setObjectName(u"resources_form_label_4")

        self.resources_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.resources_form_label_4)

        self.children_under_14_edit = QLineEdit(self.resources_tab)
        self.children_under_14_edit.setObjectName(u"children_under_14_edit")

        self.resources_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.children_under_14_edit)

        self.sections_tabs.addTab(self.resources_tab, "")
        self.employment_tab = QWidget()
        self.employment_tab.setObjectName(u"employment_tab")
        self.employment_form = QFormLayout(self.employment_tab)
        self.employment_form.setObjectName(u"employment_form")
        self.employment_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.employment_form_label_0 = QLabel(self.employment_tab)
        self.employment_form_label_0.setObjectName(u"employment_form_label_0")

        self.employment_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.employment_form_label_0)

        self.employer_edit = QLineEdit(self.employment_tab)
        self.employer_edit.setObjectName(u"employer_edit")

        self.employment_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.employer_edit)

        self.employment_form_label_1 = QLabel(self.employment_tab)
        self.employment_form_label_1.setObjectName(u"employment_form_label_1")

        self.employment_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.employment_form_label_1)

        self.siret_edit = QLineEdit(self.employment_tab)
        self.siret_edit.setObjectName(u"siret_edit")

        self.employment_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.siret_edit)

        self.employment_form_label_2 = QLabel(self.employment_tab)
        self.employment_form_label_2.setObjectName(u"employment_form_label_2")

        self.employment_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.employment_form_label_2)

        self.contract_combo = QComboBox(self.employment_tab)
        self.contract_combo.setObjectName(u"contract_combo")

        self.employment_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.contract_combo)

        self.employment_form_label_3 = QLabel(self.employment_tab)
        self.employment_form_label_3.setObjectName(u"employment_form_label_3")

        self.employment_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.employment_form_label_3)

        self.mobility_combo = QComboBox(self.employment_tab)
        self.mobility_combo.setObjectName(u"mobility_combo")

        self.employment_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mobility_combo)

        self.employment_form_label_4 = QLabel(self.employment_tab)
        self.employment_form_label_4.setObjectName(u"employment_form_label_4")

        self.employment_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.employment_form_label_4)

        self.mobility_box = QHBoxLayout()
        self.mobility_box.setObjectName(u"mobility_box")
        self.mobility_date_check = QCheckBox(self.employment_tab)
        self.mobility_date_check.setObjectName(u"mobility_date_check")

        self.mobility_box.addWidget(self.mobility_date_check)

        self.mobility_date_edit = QDateEdit(self.employment_tab)
        self.mobility_date_edit.setObjectName(u"mobility_date_edit")
        self.mobility_date_edit.setCalendarPopup(True)

        self.mobility_box.addWidget(self.mobility_date_edit)


        self.employment_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.mobility_box)

        self.employment_form_label_5 = QLabel(self.employment_tab)
        self.employment_form_label_5.setObjectName(u"employment_form_label_5")

        self.employment_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.employment_form_label_5)

        self.work_commune_edit = QLineEdit(self.employment_tab)
        self.work_commune_edit.setObjectName(u"work_commune_edit")

        self.employment_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.work_commune_edit)

        self.employment_form_label_6 = QLabel(self.employment_tab)
        self.employment_form_label_6.setObjectName(u"employment_form_label_6")

        self.employment_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.employment_form_label_6)

        self.transport_combo = QComboBox(self.employment_tab)
        self.transport_combo.setObjectName(u"transport_combo")

        self.employment_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.transport_combo)

        self.employment_form_label_7 = QLabel(self.employment_tab)
        self.employment_form_label_7.setObjectName(u"employment_form_label_7")

        self.employment_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.employment_form_label_7)

        self.work_point_box = QHBoxLayout()
        self.work_point_box.setObjectName(u"work_point_box")
        self.work_latitude_edit = QLineEdit(self.employment_tab)
        self.work_latitude_edit.setObjectName(u"work_latitude_edit")

        self.work_point_box.addWidget(self.work_latitude_edit)

        self.work_longitude_edit = QLineEdit(self.employment_tab)
        self.work_longitude_edit.setObjectName(u"work_longitude_edit")

        self.work_point_box.addWidget(self.work_longitude_edit)


        self.employment_form.setLayout(7, QFormLayout.ItemRole.FieldRole, self.work_point_box)

        self.sections_tabs.addTab(self.employment_tab, "")
        self.housing_tab = QWidget()
        self.housing_tab.setObjectName(u"housing_tab")
        self.housing_form = QFormLayout(self.housing_tab)
        self.housing_form.setObjectName(u"housing_form")
        self.housing_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.housing_form_label_0 = QLabel(self.housing_tab)
        self.housing_form_label_0.setObjectName(u"housing_form_label_0")

        self.housing_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.housing_form_label_0)

        self.home_commune_edit = QLineEdit(self.housing_tab)
        self.home_commune_edit.setObjectName(u"home_commune_edit")

        self.housing_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.home_commune_edit)

        self.housing_form_label_1 = QLabel(self.housing_tab)
        self.housing_form_label_1.setObjectName(u"housing_form_label_1")

        self.housing_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.housing_form_label_1)

        self.situation_combo = QComboBox(self.housing_tab)
        self.situation_combo.setObjectName(u"situation_combo")

        self.housing_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.situation_combo)

        self.housing_form_label_2 = QLabel(self.housing_tab)
        self.housing_form_label_2.setObjectName(u"housing_form_label_2")

        self.housing_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.housing_form_label_2)

        self.current_rent_edit = QLineEdit(self.housing_tab)
        self.current_rent_edit.setObjectName(u"current_rent_edit")

        self.housing_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.current_rent_edit)

        self.housing_form_label_3 = QLabel(self.housing_tab)
        self.housing_form_label_3.setObjectName(u"housing_form_label_3")

        self.housing_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.housing_form_label_3)

        self.motifs_list = QListWidget(self.housing_tab)
        self.motifs_list.setObjectName(u"motifs_list")
        self.motifs_list.setAlternatingRowColors(True)

        self.housing_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.motifs_list)

        self.sections_tabs.addTab(self.housing_tab, "")
        self.wishes_tab = QWidget()
        self.wishes_tab.setObjectName(u"wishes_tab")
        self.wishes_form = QFormLayout(self.wishes_tab)
        self.wishes_form.setObjectName(u"wishes_form")
        self.wishes_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.wishes_form_label_0 = QLabel(self.wishes_tab)
        self.wishes_form_label_0.setObjectName(u"wishes_form_label_0")

        self.wishes_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.wishes_form_label_0)

        self.wished_box = QHBoxLayout()
        self.wished_box.setObjectName(u"wished_box")
        self.wished_commune_edit = QLineEdit(self.wishes_tab)
        self.wished_commune_edit.setObjectName(u"wished_commune_edit")

        self.wished_box.addWidget(self.wished_commune_edit)

        self.add_wished_button = QPushButton(self.wishes_tab)
        self.add_wished_button.setObjectName(u"add_wished_button")

        self.wished_box.addWidget(self.add_wished_button)

        self.remove_wished_button = QPushButton(self.wishes_tab)
        self.remove_wished_button.setObjectName(u"remove_wished_button")

        self.wished_box.addWidget(self.remove_wished_button)


        self.wishes_form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.wished_box)

        self.wishes_form_label_1 = QLabel(self.wishes_tab)
        self.wishes_form_label_1.setObjectName(u"wishes_form_label_1")

        self.wishes_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.wishes_form_label_1)

        self.wished_communes_list = QListWidget(self.wishes_tab)
        self.wished_communes_list.setObjectName(u"wished_communes_list")
        self.wished_communes_list.setAlternatingRowColors(True)

        self.wishes_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.wished_communes_list)

        self.wishes_form_label_2 = QLabel(self.wishes_tab)
        self.wishes_form_label_2.setObjectName(u"wishes_form_label_2")

        self.wishes_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.wishes_form_label_2)

        self.typology_box = QHBoxLayout()
        self.typology_box.setObjectName(u"typology_box")
        self.typology_min_label = QLabel(self.wishes_tab)
        self.typology_min_label.setObjectName(u"typology_min_label")

        self.typology_box.addWidget(self.typology_min_label)

        self.typology_min_combo = QComboBox(self.wishes_tab)
        self.typology_min_combo.setObjectName(u"typology_min_combo")

        self.typology_box.addWidget(self.typology_min_combo)

        self.typology_max_label = QLabel(self.wishes_tab)
        self.typology_max_label.setObjectName(u"typology_max_label")

        self.typology_box.addWidget(self.typology_max_label)

        self.typology_max_combo = QComboBox(self.wishes_tab)
        self.typology_max_combo.setObjectName(u"typology_max_combo")

        self.typology_box.addWidget(self.typology_max_combo)

        self.typology_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.typology_box.addItem(self.typology_spacer)


        self.wishes_form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.typology_box)

        self.wishes_form_label_3 = QLabel(self.wishes_tab)
        self.wishes_form_label_3.setObjectName(u"wishes_form_label_3")

        self.wishes_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.wishes_form_label_3)

        self.max_rent_edit = QLineEdit(self.wishes_tab)
        self.max_rent_edit.setObjectName(u"max_rent_edit")

        self.wishes_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.max_rent_edit)

        self.wishes_form_label_4 = QLabel(self.wishes_tab)
        self.wishes_form_label_4.setObjectName(u"wishes_form_label_4")

        self.wishes_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.wishes_form_label_4)

        self.needs_box = QVBoxLayout()
        self.needs_box.setObjectName(u"needs_box")
        self.pmr_check = QCheckBox(self.wishes_tab)
        self.pmr_check.setObjectName(u"pmr_check")

        self.needs_box.addWidget(self.pmr_check)

        self.lift_check = QCheckBox(self.wishes_tab)
        self.lift_check.setObjectName(u"lift_check")

        self.needs_box.addWidget(self.lift_check)


        self.wishes_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.needs_box)

        self.sections_tabs.addTab(self.wishes_tab, "")
        self.priorities_tab = QWidget()
        self.priorities_tab.setObjectName(u"priorities_tab")
        self.priorities_form = QFormLayout(self.priorities_tab)
        self.priorities_form.setObjectName(u"priorities_form")
        self.priorities_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.priorities_form_label_0 = QLabel(self.priorities_tab)
        self.priorities_form_label_0.setObjectName(u"priorities_form_label_0")

        self.priorities_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.priorities_form_label_0)

        self.dalo_check = QCheckBox(self.priorities_tab)
        self.dalo_check.setObjectName(u"dalo_check")

        self.priorities_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dalo_check)

        self.priorities_form_label_1 = QLabel(self.priorities_tab)
        self.priorities_form_label_1.setObjectName(u"priorities_form_label_1")

        self.priorities_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.priorities_form_label_1)

        self.l441_list = QListWidget(self.priorities_tab)
        self.l441_list.setObjectName(u"l441_list")
        self.l441_list.setAlternatingRowColors(True)

        self.priorities_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.l441_list)

        self.sections_tabs.addTab(self.priorities_tab, "")

        self.body_layout.addWidget(self.sections_tabs)

        self.side_layout = QVBoxLayout()
        self.side_layout.setObjectName(u"side_layout")
        self.computed_box = QGroupBox(RequestDialog)
        self.computed_box.setObjectName(u"computed_box")
        self.computed_form = QFormLayout(self.computed_box)
        self.computed_form.setObjectName(u"computed_form")
        self.computed_form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.computed_form_label_0 = QLabel(self.computed_box)
        self.computed_form_label_0.setObjectName(u"computed_form_label_0")

        self.computed_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.computed_form_label_0)

        self.status_value = QLabel(self.computed_box)
        self.status_value.setObjectName(u"status_value")
        self.status_value.setWordWrap(True)
        self.status_value.setMinimumSize(QSize(240, 0))
        self.status_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status_value)

        self.computed_form_label_1 = QLabel(self.computed_box)
        self.computed_form_label_1.setObjectName(u"computed_form_label_1")

        self.computed_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.computed_form_label_1)

        self.category_value = QLabel(self.computed_box)
        self.category_value.setObjectName(u"category_value")
        self.category_value.setWordWrap(True)
        self.category_value.setMinimumSize(QSize(240, 0))
        self.category_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category_value)

        self.computed_form_label_2 = QLabel(self.computed_box)
        self.computed_form_label_2.setObjectName(u"computed_form_label_2")

        self.computed_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.computed_form_label_2)

        self.groups_value = QLabel(self.computed_box)
        self.groups_value.setObjectName(u"groups_value")
        self.groups_value.setWordWrap(True)
        self.groups_value.setMinimumSize(QSize(240, 0))
        self.groups_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.groups_value)

        self.computed_form_label_3 = QLabel(self.computed_box)
        self.computed_form_label_3.setObjectName(u"computed_form_label_3")

        self.computed_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.computed_form_label_3)

        self.financings_value = QLabel(self.computed_box)
        self.financings_value.setObjectName(u"financings_value")
        self.financings_value.setWordWrap(True)
        self.financings_value.setMinimumSize(QSize(240, 0))
        self.financings_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.financings_value)

        self.computed_form_label_4 = QLabel(self.computed_box)
        self.computed_form_label_4.setObjectName(u"computed_form_label_4")

        self.computed_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.computed_form_label_4)

        self.seniority_value = QLabel(self.computed_box)
        self.seniority_value.setObjectName(u"seniority_value")
        self.seniority_value.setWordWrap(True)
        self.seniority_value.setMinimumSize(QSize(240, 0))
        self.seniority_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.seniority_value)

        self.computed_form_label_5 = QLabel(self.computed_box)
        self.computed_form_label_5.setObjectName(u"computed_form_label_5")

        self.computed_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.computed_form_label_5)

        self.expiry_value = QLabel(self.computed_box)
        self.expiry_value.setObjectName(u"expiry_value")
        self.expiry_value.setWordWrap(True)
        self.expiry_value.setMinimumSize(QSize(240, 0))
        self.expiry_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.expiry_value)

        self.computed_form_label_6 = QLabel(self.computed_box)
        self.computed_form_label_6.setObjectName(u"computed_form_label_6")

        self.computed_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.computed_form_label_6)

        self.income_value = QLabel(self.computed_box)
        self.income_value.setObjectName(u"income_value")
        self.income_value.setWordWrap(True)
        self.income_value.setMinimumSize(QSize(240, 0))
        self.income_value.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.computed_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.income_value)


        self.side_layout.addWidget(self.computed_box)

        self.problems_box = QGroupBox(RequestDialog)
        self.problems_box.setObjectName(u"problems_box")
        self.problems_layout = QVBoxLayout(self.problems_box)
        self.problems_layout.setObjectName(u"problems_layout")
        self.problems_label = QLabel(self.problems_box)
        self.problems_label.setObjectName(u"problems_label")
        self.problems_label.setWordWrap(True)
        self.problems_label.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.problems_layout.addWidget(self.problems_label)


        self.side_layout.addWidget(self.problems_box)

        self.side_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.side_layout.addItem(self.side_spacer)


        self.body_layout.addLayout(self.side_layout)

        self.body_layout.setStretch(0, 5)
        self.body_layout.setStretch(1, 3)

        self.dialog_layout.addLayout(self.body_layout)

        self.button_box = QDialogButtonBox(RequestDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialog_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.applicant_form_label_0.setBuddy(self.ref_edit)
        self.applicant_form_label_1.setBuddy(self.unique_number_edit)
        self.applicant_form_label_2.setBuddy(self.filing_date_edit)
        self.applicant_form_label_3.setBuddy(self.renewal_check)
        self.applicant_form_label_4.setBuddy(self.last_name_edit)
        self.applicant_form_label_5.setBuddy(self.first_name_edit)
        self.applicant_form_label_6.setBuddy(self.birth_date_edit)
        self.applicant_form_label_7.setBuddy(self.email_edit)
        self.applicant_form_label_8.setBuddy(self.phone_edit)
        self.applicant_form_label_9.setBuddy(self.address_edit)
        self.household_form_label_0.setBuddy(self.persons_spin)
        self.household_form_label_1.setBuddy(self.dependants_spin)
        self.household_form_label_2.setBuddy(self.partner_check)
        self.household_form_label_3.setBuddy(self.disability_check)
        self.resources_form_label_0.setBuddy(self.fiscal_income_edit)
        self.resources_form_label_1.setBuddy(self.monthly_income_edit)
        self.resources_form_label_2.setBuddy(self.recent_income_edit)
        self.resources_form_label_3.setBuddy(self.own_income_edit)
        self.resources_form_label_4.setBuddy(self.children_under_14_edit)
        self.employment_form_label_0.setBuddy(self.employer_edit)
        self.employment_form_label_1.setBuddy(self.siret_edit)
        self.employment_form_label_2.setBuddy(self.contract_combo)
        self.employment_form_label_3.setBuddy(self.mobility_combo)
        self.employment_form_label_4.setBuddy(self.mobility_date_check)
        self.employment_form_label_5.setBuddy(self.work_commune_edit)
        self.employment_form_label_6.setBuddy(self.transport_combo)
        self.employment_form_label_7.setBuddy(self.work_latitude_edit)
        self.housing_form_label_0.setBuddy(self.home_commune_edit)
        self.housing_form_label_1.setBuddy(self.situation_combo)
        self.housing_form_label_2.setBuddy(self.current_rent_edit)
        self.housing_form_label_3.setBuddy(self.motifs_list)
        self.wishes_form_label_0.setBuddy(self.wished_commune_edit)
        self.wishes_form_label_1.setBuddy(self.wished_communes_list)
        self.wishes_form_label_2.setBuddy(self.typology_min_combo)
        self.wishes_form_label_3.setBuddy(self.max_rent_edit)
        self.wishes_form_label_4.setBuddy(self.pmr_check)
        self.priorities_form_label_0.setBuddy(self.dalo_check)
        self.priorities_form_label_1.setBuddy(self.l441_list)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RequestDialog)

        self.sections_tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, RequestDialog):
        RequestDialog.setWindowTitle(QCoreApplication.translate("RequestDialog", u"Demande de logement", None))
        self.applicant_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"R\u00e9f\u00e9rence de la demande", None))
        self.ref_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"ex. DEM-2026-000123", None))
        self.applicant_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Num\u00e9ro unique (SNE)", None))
        self.unique_number_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif", None))
        self.applicant_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Date de d\u00e9p\u00f4t", None))
        self.filing_date_edit.setDisplayFormat(QCoreApplication.translate("RequestDialog", u"dd/MM/yyyy", None))
        self.applicant_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Renouvel\u00e9e le", None))
        self.renewal_check.setText(QCoreApplication.translate("RequestDialog", u"Renouvel\u00e9e", None))
        self.renewal_date_edit.setDisplayFormat(QCoreApplication.translate("RequestDialog", u"dd/MM/yyyy", None))
        self.applicant_form_label_4.setText(QCoreApplication.translate("RequestDialog", u"Nom", None))
        self.applicant_form_label_5.setText(QCoreApplication.translate("RequestDialog", u"Pr\u00e9nom", None))
        self.applicant_form_label_6.setText(QCoreApplication.translate("RequestDialog", u"Date de naissance", None))
        self.birth_date_edit.setDisplayFormat(QCoreApplication.translate("RequestDialog", u"dd/MM/yyyy", None))
        self.applicant_form_label_7.setText(QCoreApplication.translate("RequestDialog", u"Adresse \u00e9lectronique", None))
        self.email_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"prenom.nom@exemple.fr", None))
        self.applicant_form_label_8.setText(QCoreApplication.translate("RequestDialog", u"T\u00e9l\u00e9phone", None))
        self.applicant_form_label_9.setText(QCoreApplication.translate("RequestDialog", u"Adresse", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.applicant_tab), QCoreApplication.translate("RequestDialog", u"Demandeur", None))
        self.household_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Nombre de personnes", None))
        self.household_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Dont personnes \u00e0 charge", None))
        self.household_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Conjoint ou co-titulaire", None))
        self.partner_check.setText(QCoreApplication.translate("RequestDialog", u"N\u00e9(e) le", None))
        self.partner_birth_date_edit.setDisplayFormat(QCoreApplication.translate("RequestDialog", u"dd/MM/yyyy", None))
        self.household_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Handicap", None))
        self.disability_check.setText(QCoreApplication.translate("RequestDialog", u"Une personne du m\u00e9nage est en situation de handicap", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.household_tab), QCoreApplication.translate("RequestDialog", u"M\u00e9nage", None))
        self.resources_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Revenu fiscal de r\u00e9f\u00e9rence (N-2, \u20ac/an)", None))
        self.fiscal_income_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"somme des avis d'imposition", None))
        self.resources_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Ressources mensuelles actuelles (\u20ac)", None))
        self.monthly_income_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif", None))
        self.resources_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Revenu N-1 ou des 12 derniers mois (\u20ac/an)", None))
        self.recent_income_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif ; retenu s'il est inf\u00e9rieur d'au moins 10 % au N-2", None))
        self.resources_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Ressources propres du demandeur (\u20ac/an)", None))
        self.own_income_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif ; retenues en cas de s\u00e9paration ou de violences", None))
        self.resources_form_label_4.setText(QCoreApplication.translate("RequestDialog", u"Personnes de moins de 14 ans", None))
        self.children_under_14_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif ; pour les unit\u00e9s de consommation", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.resources_tab), QCoreApplication.translate("RequestDialog", u"Ressources", None))
        self.employment_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Employeur", None))
        self.employment_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"SIRET de l'\u00e9tablissement", None))
        self.siret_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"14 chiffres, facultatif", None))
        self.employment_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Type de contrat", None))
        self.employment_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Mobilit\u00e9 professionnelle", None))
        self.employment_form_label_4.setText(QCoreApplication.translate("RequestDialog", u"Date de la mobilit\u00e9", None))
        self.mobility_date_check.setText(QCoreApplication.translate("RequestDialog", u"Connue", None))
        self.mobility_date_edit.setDisplayFormat(QCoreApplication.translate("RequestDialog", u"dd/MM/yyyy", None))
        self.employment_form_label_5.setText(QCoreApplication.translate("RequestDialog", u"Commune du lieu de travail", None))
        self.work_commune_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"nom, code postal ou code INSEE", None))
        self.employment_form_label_6.setText(QCoreApplication.translate("RequestDialog", u"Mode de transport", None))
        self.employment_form_label_7.setText(QCoreApplication.translate("RequestDialog", u"Coordonn\u00e9es du lieu de travail", None))
        self.work_latitude_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"latitude", None))
        self.work_longitude_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"longitude", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.employment_tab), QCoreApplication.translate("RequestDialog", u"Emploi et travail", None))
        self.housing_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Commune de r\u00e9sidence", None))
        self.home_commune_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"nom, code postal ou code INSEE", None))
        self.housing_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Situation actuelle", None))
        self.housing_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Loyer actuel (\u20ac/mois)", None))
        self.current_rent_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif", None))
        self.housing_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Motifs de la demande", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.housing_tab), QCoreApplication.translate("RequestDialog", u"Logement et motifs", None))
        self.wishes_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Ajouter une commune souhait\u00e9e", None))
        self.wished_commune_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"nom, code postal ou code INSEE", None))
        self.add_wished_button.setText(QCoreApplication.translate("RequestDialog", u"Ajouter", None))
        self.remove_wished_button.setText(QCoreApplication.translate("RequestDialog", u"Retirer", None))
        self.wishes_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Communes souhait\u00e9es", None))
        self.wishes_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Typologie", None))
        self.typology_min_label.setText(QCoreApplication.translate("RequestDialog", u"de", None))
        self.typology_max_label.setText(QCoreApplication.translate("RequestDialog", u"\u00e0", None))
        self.wishes_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Loyer maximal charges comprises (\u20ac/mois)", None))
        self.max_rent_edit.setPlaceholderText(QCoreApplication.translate("RequestDialog", u"facultatif", None))
        self.wishes_form_label_4.setText(QCoreApplication.translate("RequestDialog", u"Besoins", None))
        self.pmr_check.setText(QCoreApplication.translate("RequestDialog", u"Logement accessible (PMR)", None))
        self.lift_check.setText(QCoreApplication.translate("RequestDialog", u"Ascenseur indispensable", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.wishes_tab), QCoreApplication.translate("RequestDialog", u"Souhaits", None))
        self.priorities_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Reconnu prioritaire DALO", None))
        self.dalo_check.setText(QCoreApplication.translate("RequestDialog", u"D\u00e9cision favorable de la commission de m\u00e9diation", None))
        self.priorities_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Crit\u00e8res de priorit\u00e9 (CCH L441-1)", None))
        self.sections_tabs.setTabText(self.sections_tabs.indexOf(self.priorities_tab), QCoreApplication.translate("RequestDialog", u"Priorit\u00e9s", None))
        self.computed_box.setTitle(QCoreApplication.translate("RequestDialog", u"Calcul\u00e9 automatiquement", None))
        self.computed_form_label_0.setText(QCoreApplication.translate("RequestDialog", u"Statut", None))
        self.status_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_1.setText(QCoreApplication.translate("RequestDialog", u"Cat\u00e9gorie de m\u00e9nage", None))
        self.category_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_2.setText(QCoreApplication.translate("RequestDialog", u"Groupes prioritaires", None))
        self.groups_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_3.setText(QCoreApplication.translate("RequestDialog", u"Financements accessibles", None))
        self.financings_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_4.setText(QCoreApplication.translate("RequestDialog", u"Anciennet\u00e9", None))
        self.seniority_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_5.setText(QCoreApplication.translate("RequestDialog", u"Expiration", None))
        self.expiry_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.computed_form_label_6.setText(QCoreApplication.translate("RequestDialog", u"Revenu retenu", None))
        self.income_value.setText(QCoreApplication.translate("RequestDialog", u"\u2014", None))
        self.problems_box.setTitle(QCoreApplication.translate("RequestDialog", u"\u00c0 corriger avant d'enregistrer", None))
        self.problems_label.setText("")
    # retranslateUi

