"""Fixtures of the GUI tests: the real main window on a temporary database file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox

from housingmatch.domain.model import Applicant, Financement, Mobilite
from housingmatch.gui.main_window import MainWindow
from housingmatch.store import Store
from tests.builders import CHENOVE, DIJON, LONGVIC, SUPERVISOR, make_request, make_unit

PEOPLE = [
    ("DEM-0001", "Dupont", "Marie", DIJON),
    ("DEM-0002", "Lefèvre", "Jean", CHENOVE),
    ("DEM-0003", "Martin", "Léa", LONGVIC),
    ("DEM-0004", "Durand", "Paul", DIJON),
    ("DEM-0005", "Dupuis", "Chloé", CHENOVE),
    ("DEM-0006", "Bernard", "Hugo", DIJON),
    ("DEM-0007", "Petit", "Emma", LONGVIC),
    ("DEM-0008", "Moreau", "Louis", CHENOVE),
]


def sample_requests():
    """Return a few varied, valid requests (names chosen for the search tests)."""
    out = []
    for i, (ref, last, first, commune) in enumerate(PEOPLE):
        base = make_request(ref)
        out.append(
            replace(
                base,
                workplace=replace(base.workplace, commune=commune),
                housing=replace(base.housing, commune=commune),
                tie_breaker=i + 1,
                applicant=Applicant(last, first, date(1975 + 3 * i, 1 + i, 10)),
                filing_date=date.today() - timedelta(days=20 * (i + 1)),
                dalo=i == 3,
                mobility=Mobilite.EMBAUCHE if i % 3 == 0 else Mobilite.AUCUNE,
            )
        )
    return out


def sample_units():
    """Return a few open units."""
    return [
        make_unit("LOG-0001"),
        make_unit(
            "LOG-0002", commune=CHENOVE, typology=3, surface=64.0, financing=Financement.PLAI
        ),
        make_unit("LOG-0003", commune=LONGVIC, typology=1, surface=28.0, rent=290.0),
    ]


@pytest.fixture(scope="session", autouse=True)
def french_catalogue(qapp):
    """Install the French catalogue as the application does (plural forms of %n messages)."""
    from housingmatch.gui.translations import install_translators

    return install_translators(qapp, "fr")


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path) -> Iterator[None]:
    """Point every QSettings at a temporary folder: tests never read the user's settings."""
    folder = tmp_path / "settings"
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(folder))
    yield


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """The UI settings of one test, in a temporary INI file."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replace modal message boxes by a recorder (a test asserts what was said)."""
    said: list[tuple[str, str]] = []

    def record(kind: str, answer: object):
        def box(_parent, title, text, *args, **kwargs):
            said.append((kind, f"{title}: {text}"))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(
        QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok)
    )
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "about", record("about", None))
    # Closing a changed editor at teardown asks: answer "discard".
    monkeypatch.setattr(
        QMessageBox, "question", record("question", QMessageBox.StandardButton.Discard)
    )
    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **k: pytest.fail("unexpected input dialog")
    )
    return said


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    """A database file with a few requests and units."""
    with Store.open(db_path) as store:
        store.requests.save_many(sample_requests(), "test", "test")
        store.units.save_many(sample_units(), "test", "test")
    return db_path


@pytest.fixture
def app_window(qtbot, sample_db: Path, settings: QSettings) -> Iterator[MainWindow]:
    """The real main window on a temporary database with a little data."""
    store = Store.open(sample_db)
    window = MainWindow(store, SUPERVISOR, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.jobs.cancel_all()
    window.jobs.wait()
    window.store.close()
