"""The forum's aids checker: typing facts updates the answers; unset fields are asked for."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from housingmatch.gui.aids_dialog import AidsDialog
from housingmatch.services.forum import Secteur, Verdict

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot):
    widget = AidsDialog(today=date(2026, 12, 1))
    qtbot.addWidget(widget)
    return widget


def test_everything_starts_unknown_and_asks(dialog):
    case = dialog.case()
    assert case.birth_date is None and case.rent is None and case.secteur is None
    assert all(a.verdict is Verdict.A_VERIFIER for a in dialog.current_answers())
    assert "À demander" in dialog.answers.toPlainText()


def test_a_young_employee_typed_with_the_keyboard(dialog, qtbot):
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.birth.setFocus()
    dialog.birth.setDate(QDate(2001, 2, 3))
    dialog.rent.setValue(600)
    dialog.net_salary.setValue(1500)
    dialog.secteur.setCurrentIndex(dialog.secteur.findData(Secteur.PRIVE))
    text = dialog.answers.toPlainText()
    assert "Visale (garantie de loyer gratuite) : Éligible" in text
    assert "25 ans : de 18 à 30 ans inclus" in text
    assert dialog.case().secteur is Secteur.PRIVE
    assert "salarié d'une entreprise du secteur privé" in text
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_an_over_thirty_public_employee_is_told_no(dialog):
    dialog.birth.setDate(QDate(1980, 1, 1))
    dialog.secteur.setCurrentIndex(dialog.secteur.findData(Secteur.PUBLIC))
    answers = {a.code: a for a in dialog.current_answers()}
    assert answers["visale"].verdict is Verdict.NON_ELIGIBLE
    assert "Non éligible" in dialog.answers.toPlainText()


def test_the_forum_menu_opens_the_checker(app_window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(AidsDialog, "exec", lambda self: opened.append(self) or 0)
    app_window.aids_action.trigger()
    assert len(opened) == 1 and opened[0].windowTitle() == "Vérifier les aides Action Logement"
