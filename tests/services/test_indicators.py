"""The art. 4 indicators over a year built through the commission workflow, counted by hand."""

from datetime import date

import pytest

from housingmatch.domain.proposal import ContactOutcome, Decision, NonAttributionCode, RefusalReason
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.geo.distance import haversine_km
from housingmatch.reports.indicators import Breakdown, tables
from housingmatch.services import indicators as ind_svc
from housingmatch.services import local_session, matching
from housingmatch.services import proposals as svc
from housingmatch.store import units as units_store
from tests.builders import BEAUNE, CHENOVE, DIJON, make_request, make_unit

S = local_session()
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
VACANCY = date(2026, 5, 1)

# ref -> (filing date, renewal date, home commune, work commune)
REQUESTS = {
    "D01": (date(2025, 11, 10), date(2026, 3, 5), DIJON, DIJON),  # renewed in the year
    "D02": (date(2026, 1, 15), None, BEAUNE, DIJON),
    "D03": (date(2026, 2, 20), None, BEAUNE, DIJON),
    "D04": (date(2026, 3, 10), None, DIJON, DIJON),
    "D05": (date(2026, 4, 5), None, BEAUNE, DIJON),
    "D06": (date(2026, 6, 1), None, DIJON, CHENOVE),
    "D07": (date(2025, 9, 1), None, DIJON, DIJON),  # neither new nor renewed in the year
    "D08": (date(2025, 8, 1), None, BEAUNE, DIJON),
    "D09": (date(2025, 7, 1), None, DIJON, DIJON),
}


def _contact_and_send(store, p, sent_on, commission):
    for c in p.listed:
        p = svc.record_contact(store, S, p.id, c.request_ref, ContactOutcome.JOINT, on=sent_on)
    return svc.send_proposal(store, S, p.id, commission, on=sent_on)


@pytest.fixture
def year(fresh_store, monkeypatch):
    """Three units noticed on 1 May, three proposals, two leases, two refusals."""
    store = fresh_store
    monkeypatch.setattr(units_store, "now_iso", lambda: f"{VACANCY.isoformat()}T08:00:00+00:00")
    store.units.save(make_unit("LOG-A", landlord="Habitat A", commune=DIJON), "t")
    store.units.save(
        make_unit("LOG-B", landlord="Habitat B", commune=CHENOVE, typology=3, surface=65.0,
                  qpv="QN02101M"), "t",
    )  # fmt: skip
    store.units.save(make_unit("LOG-C", landlord="Habitat B", commune=DIJON), "t")
    store.requests.save_many(
        [
            make_request(ref, filing_date=f, renewal_date=r, home_commune=h, work_commune=w,
                         persons=2, fiscal_income=20000.0, tie_breaker=i)
            for i, (ref, (f, r, h, w)) in enumerate(REQUESTS.items())
        ],
        "t", "essai",
    )  # fmt: skip
    facts = {}
    # LOG-C: sent on 11 May, still waiting for the commission
    c_top = [c.ref for c in matching.rank_unit(store, S, "LOG-C", date(2026, 5, 11)).top(3)]
    p = svc.create_proposal(store, S, "LOG-C", c_top, on=date(2026, 5, 11))
    _contact_and_send(store, p, date(2026, 5, 11), date(2026, 5, 20))
    # LOG-A: sent on 15 June; the first refuses (commute), the second signs on 10 July
    a1, a2, a3 = [c.ref for c in matching.rank_unit(store, S, "LOG-A", date(2026, 6, 15)).top(3)]
    p = svc.create_proposal(store, S, "LOG-A", [a1, a2, a3], on=date(2026, 6, 15))
    p = _contact_and_send(store, p, date(2026, 6, 15), date(2026, 6, 25))
    p = svc.record_decision(store, S, p.id, a1, Decision.ATTRIBUE, 1, on=date(2026, 6, 25))
    p = svc.record_decision(store, S, p.id, a2, Decision.ATTRIBUE, 2, on=date(2026, 6, 25))
    p = svc.record_decision(store, S, p.id, a3, Decision.NON_ATTRIBUE,
                            code=NonAttributionCode.DOSSIER_INCOMPLET, on=date(2026, 6, 25))  # fmt: skip
    p = svc.record_answer(store, S, p.id, a1, False, RefusalReason.TRAJET_TROP_LONG,
                          on=date(2026, 6, 30))  # fmt: skip
    p = svc.record_answer(store, S, p.id, a2, True, on=date(2026, 7, 2))
    svc.record_lease(store, S, p.id, a2, on=date(2026, 7, 10))
    facts["a"] = a2
    # LOG-B (QPV, Chenôve, T3): sent on 1 July; the first refuses (rent), the second signs
    b = [c.ref for c in matching.rank_unit(store, S, "LOG-B", date(2026, 7, 1)).top(3)]
    p = svc.create_proposal(store, S, "LOG-B", b, on=date(2026, 7, 1))
    p = _contact_and_send(store, p, date(2026, 7, 1), date(2026, 7, 9))
    p = svc.record_decision(store, S, p.id, b[0], Decision.ATTRIBUE, 1, on=date(2026, 7, 9))
    p = svc.record_decision(store, S, p.id, b[1], Decision.ATTRIBUE, 2, on=date(2026, 7, 9))
    p = svc.record_decision(store, S, p.id, b[2], Decision.ATTRIBUE, 3, on=date(2026, 7, 9))
    p = svc.record_answer(store, S, p.id, b[0], False, RefusalReason.LOYER_TROP_ELEVE,
                          on=date(2026, 7, 20))  # fmt: skip
    p = svc.record_answer(store, S, p.id, b[1], True, on=date(2026, 7, 22))
    svc.record_lease(store, S, p.id, b[1], on=date(2026, 8, 3))
    facts["b"] = b[1]
    return store, facts


def _km(a, b):
    (lat1, lon1), (lat2, lon2) = default_gazetteer().get(a).point, default_gazetteer().get(b).point
    return haversine_km(lat1, lon1, lat2, lon2)  # town hall to town hall


def test_the_year_counts_equal_a_hand_count(year):
    store, facts = year
    got = ind_svc.indicators(store, S, *YEAR)
    t = got.total
    assert (t.new_requests, t.renewed_requests) == (5, 1)  # D02..D06 filed, D01 renewed
    assert (t.proposals, t.proposed_candidates, t.attributions, t.refusals) == (3, 9, 2, 2)
    # vacancy on 1 May → sent 11 May, 15 June, 1 July: 10, 45, 61 days
    assert t.vacancy_to_proposal.median == 45 and t.vacancy_to_proposal.mean == pytest.approx(
        116 / 3
    )
    filed = {ref: REQUESTS[ref][0] for ref in REQUESTS}
    delays = sorted(
        [(date(2026, 7, 10) - filed[facts["a"]]).days, (date(2026, 8, 3) - filed[facts["b"]]).days]
    )
    assert t.filing_to_lease.n == 2
    assert t.filing_to_lease.median == pytest.approx(sum(delays) / 2)
    # after: LOG-A in Dijon for a Dijon job is 0 km; LOG-B in Chenôve is Chenôve → Dijon
    in_qpv, outside = got.qpv
    assert outside.km_after.mean == pytest.approx(0.0)
    assert in_qpv.km_after.mean == pytest.approx(_km(CHENOVE, DIJON), abs=0.01)
    home_a = REQUESTS[facts["a"]][2]
    assert outside.km_before.mean == pytest.approx(_km(home_a, DIJON), abs=0.01)
    assert (in_qpv.proposals, in_qpv.attributions, in_qpv.refusals) == (1, 1, 1)
    assert (outside.proposals, outside.attributions, outside.refusals) == (2, 1, 1)
    assert {(r.code, r.count) for r in got.refusals} == {
        ("TRAJET_TROP_LONG", 1),
        ("LOYER_TROP_ELEVE", 1),
    }
    months = {m.month: m for m in got.months}
    assert len(months) == 12
    assert [months[m].new_requests for m in ("2026-01", "2026-02", "2026-03", "2026-06")] == [
        1, 1, 1, 1
    ]  # fmt: skip
    assert months["2026-03"].renewed_requests == 1
    assert (months["2026-05"].proposals, months["2026-07"].proposals) == (1, 1)
    assert (months["2026-07"].attributions, months["2026-08"].attributions) == (1, 1)


def test_a_month_counts_only_what_happened_in_it(year):
    store, _ = year
    t = ind_svc.indicators(store, S, date(2026, 7, 1), date(2026, 7, 31)).total
    # sent 1 July (LOG-B); lease 10 July (LOG-A); refusal 20 July (LOG-B); nobody filed in July
    assert (t.new_requests, t.proposals, t.attributions, t.refusals) == (0, 1, 1, 1)
    assert t.vacancy_to_proposal.median == 61


def test_the_breakdowns_by_commune_landlord_and_typology(year):
    store, _ = year
    by_commune = {f.group: f for f in ind_svc.indicators(store, S, *YEAR, Breakdown.COMMUNE).groups}
    assert set(by_commune) == {"Dijon", "Chenôve"}
    dijon, chenove = by_commune["Dijon"], by_commune["Chenôve"]
    # requests under their workplace's commune: D02..D05 new and D01 renewed in Dijon, D06 Chenôve
    assert (dijon.new_requests, dijon.renewed_requests, chenove.new_requests) == (4, 1, 1)
    assert (dijon.proposals, dijon.attributions, chenove.proposals, chenove.attributions) == (
        2, 1, 1, 1
    )  # fmt: skip
    by_landlord = {
        f.group: f for f in ind_svc.indicators(store, S, *YEAR, Breakdown.BAILLEUR).groups
    }
    assert {k: (f.proposals, f.attributions) for k, f in by_landlord.items()} == {
        "Habitat A": (1, 1),
        "Habitat B": (2, 1),
    }
    assert all(f.new_requests is None for f in by_landlord.values())  # no landlord for requests
    by_type = {f.group: f for f in ind_svc.indicators(store, S, *YEAR, Breakdown.TYPOLOGIE).groups}
    assert (by_type["T2"].proposals, by_type["T3"].proposals) == (2, 1)


def test_the_tables_carry_the_same_figures(year):
    store, _ = year
    got = ind_svc.indicators(store, S, *YEAR, Breakdown.BAILLEUR)
    summary = dict(tables(got)[0].rows)
    assert summary["Attributions (baux)"] == 2 and summary["Propositions envoyées"] == 3
    assert summary["Vacance → proposition, médiane (j)"] == 45


def test_a_period_ending_before_it_starts_and_an_unknown_breakdown_are_refused(fresh_store):
    with pytest.raises(UserError, match="avant son début"):
        ind_svc.indicators(fresh_store, S, date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(UserError, match="commune, bailleur ou typologie"):
        ind_svc.parse_breakdown("region")
    assert ind_svc.parse_breakdown("Bailleur") is Breakdown.BAILLEUR


def test_the_workbook_cells_equal_the_service_figures(year, tmp_path):
    from openpyxl import load_workbook

    store, _ = year
    got = ind_svc.indicators(store, S, *YEAR, Breakdown.COMMUNE)
    path = ind_svc.write_indicators_xlsx(store, S, got, tmp_path / "bilan.xlsx")
    book = load_workbook(path)
    expected = tables(got)
    assert book.sheetnames == ["Notice", *(t.name for t in expected)]
    assert "du 01/01/2026 au 31/12/2026" in book["Notice"]["A2"].value
    for table in expected:
        sheet = book[table.name]
        assert sheet.auto_filter.ref.startswith("A3:")
        header = [c.value for c in sheet[3]]
        assert header == list(table.columns)
        cells = [list(r) for r in sheet.iter_rows(min_row=4, values_only=True)]
        assert cells == [list(r) for r in table.rows]
    commune = {r[0]: r for r in book["Par commune"].iter_rows(min_row=4, values_only=True)}
    assert commune["Dijon"][1:3] == (4, 1) and commune["Chenôve"][5] == 1


def test_the_pdf_holds_the_period_the_figures_and_its_pages(year, tmp_path):
    from pypdf import PdfReader

    store, _ = year
    got = ind_svc.indicators(store, S, *YEAR, Breakdown.BAILLEUR)
    path = ind_svc.write_indicators_pdf(store, S, got, tmp_path / "bilan.pdf", on=date(2027, 1, 5))
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Période du 01/01/2026 au 31/12/2026" in text
    assert "établi le 05/01/2027" in text and f"Page {len(reader.pages)}" in text
    assert "Habitat A" in text and "Trajet domicile-travail trop long" in text
    assert "Refus par motif" in text and "Activité par mois" in text
    # the summary: 3 proposals, 9 candidates, 2 leases, a median of 45 days to the proposal
    for figure in ("Propositions envoyées 3", "Candidats proposés 9", "Attributions (baux) 2"):
        assert figure in text
    assert "Vacance → proposition, médiane (j) 45,0" in text


def test_an_export_never_overwrites_the_database(tmp_path):
    from housingmatch.services.database import open_store

    db = tmp_path / "base.sqlite"
    with open_store(db) as store:
        got = ind_svc.indicators(store, S, *YEAR)
        with pytest.raises(UserError, match="base de données"):
            ind_svc.write_indicators_pdf(store, S, got, db)
    assert db.stat().st_size > 0


def test_the_obligations_and_fairness_go_into_the_files_beside_the_indicators(year, tmp_path):
    from openpyxl import load_workbook

    store, _ = year
    got = ind_svc.indicators(store, S, *YEAR)
    extra = ind_svc.evaluation_tables(store, S, *YEAR)
    assert [t.name for t in extra] == ["Obligations", "Équité"]
    obligations = {row[0]: row for row in extra[0].rows}
    assert len(obligations) == 3 and all(row[4] <= 2 for row in obligations.values())
    path = ind_svc.write_indicators_xlsx(store, S, got, tmp_path / "b.xlsx", extra=extra)
    assert load_workbook(path).sheetnames[-2:] == ["Obligations", "Équité"]


def test_a_unit_recorded_after_its_proposal_counts_from_the_preparation_day():
    from housingmatch.services.indicators import _vacancy

    assert _vacancy(date(2026, 12, 1), date(2026, 3, 2)) == date(2026, 3, 2)
    assert _vacancy(date(2026, 3, 1), date(2026, 3, 9)) == date(2026, 3, 1)
    assert _vacancy(None, date(2026, 3, 9)) == date(2026, 3, 9)
