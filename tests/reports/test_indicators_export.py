"""The indicators' workbook: a notice, one filtered sheet per table, "—" where not applicable."""

from datetime import date

from housingmatch.reports.indicators import Breakdown, ProposalRecord, UnitKeys, compute_indicators
from housingmatch.reports.indicators_export import cell_text, indicators_workbook


def test_requests_have_no_landlord_and_read_not_applicable():
    got = compute_indicators(
        date(2026, 1, 1), date(2026, 12, 31), [],
        [ProposalRecord(1, "L1", UnitKeys("Dijon", "Habitat A", "T2", False), date(2026, 2, 2), date(2026, 2, 1), 3)],
        [], [], Breakdown.BAILLEUR,
    )  # fmt: skip
    book = indicators_workbook(got, date(2027, 1, 2))
    sheet = book["Par bailleur"]
    assert [c.value for c in sheet[4]][:4] == ["Habitat A", "—", "—", 1]
    assert sheet.auto_filter.ref == "A3:O4"
    assert "02/01/2027" in book["Notice"]["A3"].value
    assert cell_text(38.66) == "38,7" and cell_text(None) == ""
