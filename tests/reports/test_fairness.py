"""Fairness figures on a constructed year."""

import ast
from pathlib import Path

from housingmatch.reports import fairness as fairness_module
from housingmatch.reports.fairness import Subject, age_band, fairness, household_type, warnings


def subject(
    publics=(),
    *,
    pool=True,
    proposed=False,
    attributed=False,
    wait=None,
    offers=0,
    refusals=0,
    age=40,
    kind="personne seule",
):
    return Subject(
        frozenset(publics), age_band(age), kind, pool, proposed, attributed, wait, offers, refusals
    )


def by_group(rows):
    return {(r.dimension, r.group): r for r in rows}


def test_a_public_served_below_its_weight_is_flagged():
    # 10 of 40 in the pool are DALO (25 %) but 1 of 10 attributions (10 %): flagged.
    dalo = [subject(["DALO"]) for _ in range(9)] + [
        subject(["DALO"], proposed=True, attributed=True, wait=400)
    ]
    others = [subject(proposed=True, attributed=n < 9, wait=200 + n) for n in range(30)]
    rows = by_group(fairness(dalo + others))
    row = rows[("public", "DALO")]
    assert (row.pool, row.attributed) == (10, 1)
    assert row.pool_share == 0.25 and row.attribution_share == 0.1
    assert row.under_served
    assert warnings(fairness(dalo + others)) == [
        "DALO : 10 % des attributions pour 25 % des demandes éligibles"
    ]
    assert row.median_wait_days == 400


def test_within_the_margin_is_not_flagged():
    jeune = [subject(["JEUNE"], attributed=n < 2) for n in range(10)]
    others = [subject(attributed=n < 8) for n in range(30)]
    row = by_group(fairness(jeune + others))[("public", "JEUNE")]
    assert row.pool_share == 0.25 and row.attribution_share == 0.2
    assert not row.under_served


def test_refusal_rate_and_a_household_in_two_publics():
    people = [
        subject(["JEUNE", "MOBILITE"], offers=2, refusals=1),
        subject(["JEUNE"], offers=2, refusals=0),
    ]
    rows = by_group(fairness(people))
    assert rows[("public", "JEUNE")].pool == 2 and rows[("public", "MOBILITE")].pool == 1
    assert rows[("public", "JEUNE")].refusal_rate == 0.25


def test_bands_and_household_types():
    assert [age_band(a) for a in (24, 25, 29, 30, 49, 50)] == [
        "moins de 25 ans",
        "25 à 29 ans",
        "25 à 29 ans",
        "30 à 39 ans",
        "40 à 49 ans",
        "50 ans et plus",
    ]
    assert household_type(1, 0) == "personne seule"
    assert household_type(3, 2) == "parent seul avec enfant(s)"
    assert household_type(4, 2) == "couple avec enfant(s)"
    assert household_type(2, 0) == "couple sans enfant"


def test_no_protected_ground_is_ever_computed():
    source = Path(fairness_module.__file__).read_text(encoding="utf-8")
    names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
    names |= {n.attr for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Attribute)}
    assert not names & {
        "sex",
        "sexe",
        "gender",
        "nationality",
        "nationalite",
        "origin",
        "origine",
        "religion",
    }
    fields = set(Subject.__dataclass_fields__)
    assert fields == {
        "publics",
        "age_band",
        "household_type",
        "in_pool",
        "proposed",
        "attributed",
        "wait_days",
        "offers",
        "refusals",
    }
