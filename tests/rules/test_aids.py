"""The aids checker at its boundaries, and the rule that an unknown fact never decides."""

from dataclasses import fields, replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.domain.model import Mobilite, TypeContrat
from housingmatch.errors import UserError
from housingmatch.rules.aids import (
    AidCase,
    Secteur,
    Verdict,
    ZoneLoyer,
    aid_rules,
    avance_loca_pass,
    check_aids,
    mobili_jeune,
    mobili_pass,
    visale,
)

DAY = date(2026, 12, 1)
RULES = aid_rules()


def employee(**changes) -> AidCase:
    """A 40-year-old private-sector employee with a modest rent, nothing recent."""
    base = AidCase(
        on=DAY,
        birth_date=date(1986, 3, 2),
        secteur=Secteur.PRIVE,
        company_size=250,
        contract=TypeContrat.CDI,
        mobility=Mobilite.AUCUNE,
        net_monthly_salary=2400.0,
        gross_monthly_salary=3100.0,
        rent=700.0,
        move_km=5.0,
        trip_minutes=15.0,
        double_rent=False,
        student=False,
        scholarship=False,
        job_seeking=False,
        move_in_date=date(2026, 11, 20),
    )
    return replace(base, **changes)


class TestVisale:
    def test_thirty_inclusive_whatever_the_situation(self):
        answer = visale(employee(birth_date=date(1996, 12, 1), secteur=Secteur.PUBLIC), RULES)
        assert answer.verdict is Verdict.ELIGIBLE
        assert "30 ans" in answer.reasons[0]

    def test_thirty_one_needs_the_employee_route(self):
        answer = visale(employee(birth_date=date(1995, 11, 30)), RULES)
        assert answer.verdict is Verdict.NON_ELIGIBLE
        assert any("plus de 30 ans" in r for r in answer.reasons)

    def test_under_eighteen_is_refused_even_with_a_hire(self):
        case = employee(birth_date=date(2009, 1, 1), mobility=Mobilite.EMBAUCHE, mobility_date=DAY)
        assert visale(case, RULES).verdict is Verdict.NON_ELIGIBLE

    def test_hire_six_months_ago_and_one_day_more(self):
        on_time = employee(mobility=Mobilite.EMBAUCHE, mobility_date=date(2026, 6, 1))
        late = employee(mobility=Mobilite.EMBAUCHE, mobility_date=date(2026, 5, 31))
        assert visale(on_time, RULES).verdict is Verdict.ELIGIBLE
        assert visale(late, RULES).verdict is Verdict.NON_ELIGIBLE

    def test_job_promise_three_months_ahead_and_one_day_more(self):
        soon = employee(mobility=Mobilite.PROMESSE_EMBAUCHE, mobility_date=date(2027, 3, 1))
        far = employee(mobility=Mobilite.PROMESSE_EMBAUCHE, mobility_date=date(2027, 3, 2))
        assert visale(soon, RULES).verdict is Verdict.ELIGIBLE
        assert visale(far, RULES).verdict is Verdict.NON_ELIGIBLE

    def test_salary_cap_follows_the_2026_reform(self):
        # 1 600 € net: above the 1 500 € cap until 5 January 2026, under 1 710 € from the 6th.
        before = employee(on=date(2026, 1, 5), net_monthly_salary=1600.0)
        after = employee(on=date(2026, 1, 6), net_monthly_salary=1600.0)
        assert visale(before, RULES).verdict is Verdict.NON_ELIGIBLE
        assert visale(after, RULES).verdict is Verdict.ELIGIBLE
        assert visale(after, RULES).period_from == date(2026, 1, 6)
        at_cap = employee(net_monthly_salary=1710.0, rent=800.0)
        above = employee(net_monthly_salary=1711.0, rent=800.0)
        assert visale(at_cap, RULES).verdict is Verdict.ELIGIBLE
        assert visale(above, RULES).verdict is Verdict.NON_ELIGIBLE

    def test_rent_cap_of_an_agglomeration_over_100000(self):
        young = {"birth_date": date(2000, 1, 1), "net_monthly_salary": 4000.0}
        assert visale(employee(rent=1575.0, **young), RULES).verdict is Verdict.ELIGIBLE
        refused = visale(employee(rent=1576.0, **young), RULES)
        assert refused.verdict is Verdict.NON_ELIGIBLE
        assert any("1 575 €" in r for r in refused.reasons)
        paris = employee(rent=1576.0, zone_loyer=ZoneLoyer.ILE_DE_FRANCE, **young)
        assert visale(paris, RULES).verdict is Verdict.ELIGIBLE

    def test_rent_over_half_the_resources(self):
        young = {"birth_date": date(2000, 1, 1)}
        assert visale(employee(rent=600.0, net_monthly_salary=1200.0, **young), RULES).verdict is (
            Verdict.ELIGIBLE
        )
        assert visale(employee(rent=601.0, net_monthly_salary=1200.0, **young), RULES).verdict is (
            Verdict.NON_ELIGIBLE
        )

    def test_unknown_rent_is_to_check_and_named(self):
        answer = visale(employee(birth_date=date(2000, 1, 1), rent=None), RULES)
        assert answer.verdict is Verdict.A_VERIFIER
        assert "le loyer charges comprises" in answer.to_ask


class TestMobiliJeune:
    def alternant(self, **changes) -> AidCase:
        values = {
            "birth_date": date(2004, 5, 1),
            "contract": TypeContrat.APPRENTISSAGE,
            "gross_monthly_salary": 1200.0,
            "move_km": 90.0,
        }
        return employee(**(values | changes))

    def test_an_apprentice_who_moves_far(self):
        assert mobili_jeune(self.alternant(), RULES).verdict is Verdict.ELIGIBLE

    def test_thirty_is_too_old(self):
        case = self.alternant(birth_date=date(1996, 12, 1))
        assert mobili_jeune(case, RULES).verdict is Verdict.NON_ELIGIBLE

    def test_salary_at_120_percent_of_the_smic(self):
        cap = round(1801.80 * 1.2, 2)
        assert mobili_jeune(self.alternant(gross_monthly_salary=cap), RULES).verdict is (
            Verdict.ELIGIBLE
        )
        assert mobili_jeune(self.alternant(gross_monthly_salary=cap + 1), RULES).verdict is (
            Verdict.NON_ELIGIBLE
        )

    def test_a_short_move_counts_with_a_double_rent(self):
        short = self.alternant(move_km=20.0)
        assert mobili_jeune(short, RULES).verdict is Verdict.NON_ELIGIBLE
        assert mobili_jeune(replace(short, double_rent=True), RULES).verdict is Verdict.ELIGIBLE

    def test_a_cdi_is_not_alternance(self):
        answer = mobili_jeune(self.alternant(contract=TypeContrat.CDI), RULES)
        assert answer.verdict is Verdict.NON_ELIGIBLE
        assert any("alternance" in r for r in answer.reasons)


class TestMobiliPass:
    def mover(self, **changes) -> AidCase:
        values = {
            "mobility": Mobilite.MUTATION,
            "mobility_date": date(2026, 11, 1),
            "move_km": 300.0,
        }
        values.update(changes)
        return employee(**values)

    def test_suspended_aid_is_never_said_eligible(self):
        answer = mobili_pass(self.mover(), RULES)
        assert answer.verdict is Verdict.A_VERIFIER
        assert any("suspendue depuis le 30/06/2023" in r for r in answer.reasons)

    def test_before_the_suspension_a_mutation_is_eligible(self):
        case = self.mover(on=date(2023, 6, 29), mobility_date=date(2023, 5, 1))
        assert mobili_pass(case, RULES).verdict is Verdict.ELIGIBLE

    def test_a_firm_of_nine_is_too_small(self):
        answer = mobili_pass(self.mover(company_size=9), RULES)
        assert answer.verdict is Verdict.NON_ELIGIBLE
        assert any("9 salariés" in r for r in answer.reasons)

    def test_event_window_three_months_before_six_after(self):
        assert mobili_pass(self.mover(mobility_date=date(2027, 3, 2)), RULES).verdict is (
            Verdict.NON_ELIGIBLE
        )
        assert mobili_pass(self.mover(mobility_date=date(2026, 5, 31)), RULES).verdict is (
            Verdict.NON_ELIGIBLE
        )

    def test_an_hour_and_a_quarter_of_trip(self):
        near = self.mover(move_km=40.0, trip_minutes=74.0)
        assert mobili_pass(near, RULES).verdict is Verdict.NON_ELIGIBLE
        assert mobili_pass(replace(near, trip_minutes=75.0), RULES).verdict is Verdict.A_VERIFIER


class TestAvanceLocaPass:
    def test_private_employee_within_two_months(self):
        case = employee(move_in_date=date(2026, 10, 1))
        assert avance_loca_pass(case, RULES).verdict is Verdict.ELIGIBLE
        late = employee(move_in_date=date(2026, 9, 30))
        answer = avance_loca_pass(late, RULES)
        assert answer.verdict is Verdict.NON_ELIGIBLE
        assert any("délai dépassé" in r for r in answer.reasons)

    def test_young_public_sector_fixed_term(self):
        case = employee(
            birth_date=date(2001, 1, 1), secteur=Secteur.PUBLIC, contract=TypeContrat.CDD
        )
        answer = avance_loca_pass(case, RULES)
        assert answer.verdict is Verdict.ELIGIBLE
        assert any("cdd" in r.lower() for r in answer.reasons)

    def test_older_public_sector_permanent_is_refused(self):
        case = employee(secteur=Secteur.PUBLIC)
        assert avance_loca_pass(case, RULES).verdict is Verdict.NON_ELIGIBLE


def test_nothing_known_gives_to_check_for_every_aid_with_questions():
    answers = check_aids(AidCase(on=DAY))
    assert [a.code for a in answers] == [
        "visale",
        "mobili_jeune",
        "avance_loca_pass",
        "mobili_pass",
    ]
    assert all(a.verdict is Verdict.A_VERIFIER and a.to_ask for a in answers)


def test_a_day_before_every_rule_is_a_french_error():
    with pytest.raises(UserError, match="aucune règle pour le 01/01/2019"):
        visale(AidCase(on=date(2019, 1, 1)), RULES)


_MASKABLE = [
    f.name for f in fields(AidCase) if f.name not in {"on", "zone_loyer", "monthly_resources"}
]

_cases = st.builds(
    AidCase,
    on=st.dates(date(2026, 1, 6), date(2027, 12, 31)),
    birth_date=st.dates(date(1950, 1, 1), date(2010, 12, 31)),
    secteur=st.sampled_from(Secteur),
    company_size=st.integers(1, 500),
    contract=st.sampled_from(TypeContrat),
    mobility=st.sampled_from(Mobilite),
    mobility_date=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    net_monthly_salary=st.floats(0, 6000),
    gross_monthly_salary=st.floats(0, 8000),
    monthly_resources=st.none(),
    rent=st.floats(100, 2500),
    move_km=st.floats(0, 800),
    trip_minutes=st.floats(0, 300),
    double_rent=st.booleans(),
    student=st.booleans(),
    scholarship=st.booleans(),
    job_seeking=st.booleans(),
    move_in_date=st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    zone_loyer=st.sampled_from(ZoneLoyer),
)


@settings(max_examples=300, deadline=None)
@given(case=_cases, masked=st.sets(st.sampled_from(_MASKABLE)))
def test_an_unknown_fact_never_decides(case, masked):
    """Forgetting facts can only turn an answer into "à vérifier", never into another answer."""
    full = check_aids(case)
    partial = check_aids(replace(case, **dict.fromkeys(masked)))
    for known, unknown in zip(full, partial, strict=True):
        assert unknown.verdict in {known.verdict, Verdict.A_VERIFIER}, (known, unknown)
        if unknown.verdict is Verdict.A_VERIFIER:
            assert unknown.to_ask or known.verdict is Verdict.A_VERIFIER
