"""The convention's evaluation on leases recorded through the commission workflow."""

from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook

from housingmatch.errors import UserError
from housingmatch.reports.obligations import ObligationKind, Quartile
from housingmatch.services import evaluation, local_session, matching, reference, rules
from tests.builders import make_request
from tests.evaluation_world import DIJON_METROPOLE, constructed_year

S = local_session()
START, END = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture
def year(fresh_store):
    tenants = constructed_year(fresh_store, S)
    return fresh_store, tenants


def _by_kind(items):
    return {o.kind: o for o in items}


def test_without_a_threshold_every_quartile_is_unknown_never_guessed(year):
    store, _ = year
    found = evaluation.attributions(store, S, START, END)
    assert len(found) == 8
    assert {a.quartile for a in found} == {Quartile.INCONNU}
    outside = _by_kind(evaluation.obligations_report(store, S, START, END, date(2026, 6, 30)))[
        ObligationKind.PREMIER_QUARTILE_HORS_QPV
    ]
    assert (outside.numerator, outside.denominator, outside.unknown) == (0, 0, 6)
    assert outside.share is None and outside.share_range == (0.0, 1.0)


def test_the_shares_of_a_constructed_year(year):
    store, _ = year
    reference.set_quartile_threshold(store, S, DIJON_METROPOLE, 2026, 10000)
    found = {a.request_ref: a for a in evaluation.attributions(store, S, START, END)}
    # 750 €/month × 12 ÷ 1 UC = 9 000 €/UC: first quartile; 2 000 € a month: the others;
    # no monthly resources recorded: unknown.
    assert found["DEM-Q1"].quartile is Quartile.PREMIER
    assert found["DEM-AUTRE"].quartile is Quartile.AUTRES
    assert found["DEM-INCONNU"].quartile is Quartile.INCONNU
    assert found["DEM-QPV-Q1"].unit_in_qpv and not found["DEM-Q1"].unit_in_qpv
    # a disabled member makes the household L441-1 a without the box ticked
    assert found["DEM-HANDI"].l441 and not found["DEM-HANDI"].dalo
    shares = _by_kind(evaluation.obligations_report(store, S, START, END, date(2026, 7, 2)))
    dalo = shares[ObligationKind.DALO_PRIORITAIRES]
    # DALO first, failing that L441-1: DEM-DALO, DEM-L441, DEM-HANDI, each once
    assert (dalo.numerator, dalo.denominator) == (3, 8)
    assert "dont 1 DALO et 2 prioritaires L441-1" in dalo.detail
    # 183 of 365 days gone, 8 leases: 16 expected by December, 4 must count, 3 do
    assert (dalo.projected_total, dalo.gap) == (16, 1)
    outside = shares[ObligationKind.PREMIER_QUARTILE_HORS_QPV]
    assert (outside.numerator, outside.denominator, outside.unknown) == (2, 5, 1)
    assert set(outside.counted) == {"LOG-01", "LOG-04"}
    inside = shares[ObligationKind.AUTRES_QUARTILES_EN_QPV]
    assert (inside.numerator, inside.denominator, inside.unknown) == (1, 2, 0)
    assert inside.counted == ("LOG-Q2",)


def test_the_priority_is_the_one_of_the_day_of_the_lease(year):
    store, _ = year
    request = store.requests.get("DEM-DALO")
    store.requests.save(replace(request, dalo=False), "essai")  # corrected afterwards
    found = {a.request_ref: a for a in evaluation.attributions(store, S, START, END)}
    assert found["DEM-DALO"].dalo


def test_a_period_selects_the_leases_signed_in_it(year):
    store, _ = year
    spring = evaluation.attributions(store, S, date(2026, 3, 1), date(2026, 4, 30))
    assert [a.request_ref for a in spring] == ["DEM-L441", "DEM-QPV-Q1", "DEM-HANDI", "DEM-Q1"]
    with pytest.raises(UserError, match="période est vide"):
        evaluation.attributions(store, S, END, START)


def test_fairness_counts_the_pool_the_proposals_and_the_attributions(year):
    store, _ = year
    subjects = evaluation.fairness_subjects(store, S, START, END)
    # 8 tenants and 6 other eligible requests ranked for the units
    assert len(subjects) == 14
    assert sum(s.attributed for s in subjects) == 8
    assert all(s.in_pool for s in subjects)
    rows, warnings = evaluation.fairness_report(store, S, START, END)
    dalo = next(r for r in rows if r.group == "DALO")
    assert (dalo.pool, dalo.attributed) == (1, 1)
    assert dalo.median_wait_days == (date(2026, 2, 10) - date(2026, 1, 15)).days
    assert warnings == []  # no public of this year is served below its share of the pool


def test_a_public_served_below_its_share_is_flagged_by_the_rule_set_margin(fresh_store, tmp_path):
    young = [make_request(f"JEUNE-{i}", birth_date=date(2001, 5, 1)) for i in range(4)]
    constructed_year(fresh_store, S, extra=young)
    _, warnings = evaluation.fairness_report(fresh_store, S, START, END)
    # 4 of the 18 requests of the pool are under 30, none was attributed a unit
    assert "JEUNE : 0 % des attributions pour 22 % des demandes éligibles" in warnings
    assert evaluation.fairness_margin(fresh_store, END) == pytest.approx(0.05)
    default = matching.active_ruleset(fresh_store)
    wider = tmp_path / "regles.toml"
    wider.write_text(
        default.text.replace(f'version = "{default.version}"', 'version = "2099.1"')
        + "\n[evaluation]\nfairness_margin = 0.25\n",
        encoding="utf-8",
    )
    rules.import_ruleset(fresh_store, S, wider)
    assert evaluation.fairness_margin(fresh_store, END) == pytest.approx(0.25)
    _, warnings = evaluation.fairness_report(fresh_store, S, START, END)
    assert not any(w.startswith("JEUNE") for w in warnings)


def test_the_observatory_workbook_has_no_count_under_five(year, tmp_path):
    store, _ = year
    out = tmp_path / "observatoire.xlsx"
    done = evaluation.observatory_export(store, S, 2026, out)
    assert done.attributions == 8 and done.demand == 14
    book = load_workbook(out, read_only=True)
    assert book.sheetnames[0] == "Notice"
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=4, values_only=True):
            for value in row[1:]:
                assert value == "s" or (isinstance(value, int) and value >= 5), sheet.title
    text = " ".join(
        str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r if v
    )
    assert "DEM-" not in text and "Exemple" not in text
    book.close()


def test_the_observatory_refuses_another_extension(year, tmp_path):
    store, _ = year
    with pytest.raises(UserError, match=r"\.xlsx"):
        evaluation.observatory_export(store, S, 2026, tmp_path / "observatoire.csv")
    assert not (tmp_path / "observatoire.csv").exists()
