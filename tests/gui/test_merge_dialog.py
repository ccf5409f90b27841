"""The review queue window: pairs with scores, both records side by side, decisions by key."""

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from housingmatch.domain.merge import MergeState
from housingmatch.exchange import package
from housingmatch.gui.merge_dialog import MergeDialog
from housingmatch.services import identity, merge
from housingmatch.store import Store
from tests.builders import ADVISOR, make_request

PASS = "phrase de passe du forum"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    monkeypatch.setattr(package, "SCRYPT_N", 2**10)


@pytest.fixture
def office_with_pairs(tmp_path):
    """An office base that imported a package with two possible duplicates."""
    office_path = tmp_path / "bureau.sqlite"
    with Store.open(office_path) as office:
        office.requests.save(
            make_request(
                "DEM-2026-000001",
                last_name="Lefèvre",
                first_name="Jean",
                birth_date=date(1990, 5, 4),
                unique_number="021042612345678901",
            ),
            "t",
        )
        office.requests.save(
            make_request("DEM-2026-000002", last_name="Moreau", first_name="Louise",
                         birth_date=date(1985, 2, 1)),
            "t",
        )  # fmt: skip
    with Store.open(tmp_path / "portable.sqlite") as laptop:
        identity.mark_forum_device(laptop, ADVISOR)
        for request in (
            make_request("", last_name="Lefevre", first_name="Jean", birth_date=date(1990, 5, 4),
                         unique_number="021042612345678901", persons=3),
            make_request("", last_name="Moreau", first_name="Louise", birth_date=date(1985, 2, 1),
                         persons=2),
        ):  # fmt: skip
            request = replace(
                request,
                ref=identity.next_request_ref(laptop, ADVISOR),
                applicant=replace(request.applicant, email=f"{request.applicant.last_name}@x.org"),
            )
            laptop.requests.save(request, ADVISOR.user)
        merge.export_package(laptop, ADVISOR, tmp_path / "forum.hmpkg", PASS)
    with Store.open(office_path) as office:
        merge.import_package(office, ADVISOR, tmp_path / "forum.hmpkg", PASS)
    store = Store.open(office_path)
    yield store
    store.close()


@pytest.fixture
def dialog(qtbot, office_with_pairs):
    from PySide6.QtWidgets import QWidget

    from housingmatch.gui.jobs import JobRunner

    parent = QWidget()
    qtbot.addWidget(parent)
    jobs = JobRunner(parent)
    window = MergeDialog(office_with_pairs, ADVISOR, jobs)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.load()
    yield window
    jobs.wait()


def _pair_row(dialog, office_ref):
    return next(i for i, p in enumerate(dialog.pairs) if p.office_ref == office_ref)


def test_the_queue_lists_the_pairs_with_their_score_and_differing_fields(dialog):
    assert len(dialog.pairs) == 2
    assert all(p.state is MergeState.EN_ATTENTE for p in dialog.pairs)
    assert dialog.pairs_table.item(0, 0).text() == f"{dialog.pairs[0].score:.2f}"
    dialog.pairs_table.selectRow(_pair_row(dialog, "DEM-2026-000001"))
    labels = [dialog.fields_table.item(r, 0).text() for r in range(dialog.fields_table.rowCount())]
    assert "Personnes au foyer" in labels
    row = labels.index("Personnes au foyer")
    assert dialog.fields_table.item(row, 1).text() == "1"
    assert dialog.fields_table.item(row, 2).text() == "3"
    # the differing fields are highlighted, the identity rows are not
    assert dialog.fields_table.item(row, 1).background().color().name() == "#fff2b3"
    assert dialog.fields_table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush
    assert dialog.link_button.isEnabled() and not dialog.unlink_button.isEnabled()


def test_link_field_by_field_then_unlink_with_keys(qtbot, dialog, office_with_pairs):
    dialog.pairs_table.selectRow(_pair_row(dialog, "DEM-2026-000001"))
    table = dialog.fields_table
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    email = labels.index("Courriel")
    table.item(email, 2).setCheckState(Qt.CheckState.Unchecked)  # keep the office's e-mail
    with qtbot.waitSignal(dialog.decided, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    linked = office_with_pairs.requests.get("DEM-2026-000001")
    assert linked.household.persons == 3
    assert linked.applicant.email != "Lefevre@x.org"
    assert linked.applicant.last_name == "Lefèvre"  # a name is taken only when ticked
    assert dialog.selected_pair().state is MergeState.LIEE and dialog.unlink_button.isEnabled()
    with qtbot.waitSignal(dialog.decided, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert office_with_pairs.requests.get("DEM-2026-000001").household.persons == 1
    assert dialog.selected_pair().state is MergeState.EN_ATTENTE


def test_keep_separate_creates_the_forum_request(qtbot, dialog, office_with_pairs):
    before = office_with_pairs.requests.count()
    dialog.pairs_table.selectRow(_pair_row(dialog, "DEM-2026-000002"))
    with qtbot.waitSignal(dialog.decided, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert dialog.selected_pair().state is MergeState.SEPAREE
    assert office_with_pairs.requests.count() == before + 1
    assert not dialog.link_button.isEnabled()


def test_apply_links_the_sure_pairs_in_the_background(qtbot, dialog, office_with_pairs):
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.apply()
    states = {p.office_ref: p.state for p in dialog.pairs}
    assert states["DEM-2026-000001"] is MergeState.LIEE  # same unique number
    assert states["DEM-2026-000002"] is MergeState.EN_ATTENTE
