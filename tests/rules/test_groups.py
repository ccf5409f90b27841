"""Priority groups on a ranking date, and first-quartile status."""

from __future__ import annotations

from datetime import date

from housingmatch.domain.model import Mobilite, Motif, PrioriteL441, SituationLogement
from housingmatch.rules.groups import (
    Group,
    QuartileStatus,
    add_months,
    first_quartile_status,
    l441_is_automatic,
    legal_priorities,
    priority_groups,
)
from housingmatch.rules.ruleset import default_ruleset
from tests.matching.builders import make_request

RULES = default_ruleset().groups
ON = date(2026, 6, 15)


def test_jeune_until_the_day_before_the_30th_birthday() -> None:
    request = make_request(birth_date=date(1996, 6, 16))
    assert Group.JEUNE in priority_groups(request, ON, RULES)
    request = make_request(birth_date=date(1996, 6, 15))
    assert Group.JEUNE not in priority_groups(request, ON, RULES)


def test_mobility_window_is_three_months_ahead_and_six_months_back() -> None:
    def groups(event_date: date | None, event: Mobilite = Mobilite.EMBAUCHE) -> tuple[Group, ...]:
        return priority_groups(make_request(mobility=event, mobility_date=event_date), ON, RULES)

    assert (RULES.months_before_event, RULES.months_after_event) == (3, 6)
    assert Group.MOBILITE in groups(date(2025, 12, 15))
    assert Group.MOBILITE not in groups(date(2025, 12, 14))
    # A job promise 3 months ahead opens the group; 3 months and 1 day ahead does not.
    promise = Mobilite.PROMESSE_EMBAUCHE
    assert Group.MOBILITE in groups(date(2026, 9, 15), promise)
    assert Group.MOBILITE not in groups(date(2026, 9, 16), promise)
    assert Group.MOBILITE not in groups(date(2026, 12, 15))
    assert Group.MOBILITE not in groups(None)
    assert Group.MOBILITE not in groups(date(2026, 6, 1), Mobilite.AUCUNE)


def test_difficulty_by_situation_motif_or_current_rent_effort() -> None:
    hosted = make_request(situation=SituationLogement.HEBERGE_TIERS)
    eviction = make_request(motifs=(Motif.EXPULSION,))
    heavy_rent = make_request(current_rent=900.0, monthly_income=2000.0)  # 45 %
    ordinary = make_request(current_rent=600.0, monthly_income=2000.0)  # 30 %
    assert Group.DIFFICULTE in priority_groups(hosted, ON, RULES)
    assert Group.DIFFICULTE in priority_groups(eviction, ON, RULES)
    assert Group.DIFFICULTE in priority_groups(heavy_rent, ON, RULES)
    assert Group.DIFFICULTE not in priority_groups(ordinary, ON, RULES)


def test_legal_layers_and_several_groups_at_once() -> None:
    request = make_request(
        dalo=True,
        l441=(PrioriteL441.VIOLENCES_COUPLE,),
        birth_date=date(2000, 1, 1),
        motifs=(Motif.VIOLENCES,),
    )
    assert priority_groups(request, ON, RULES) == (
        Group.DALO,
        Group.PRIORITAIRE_L441,
        Group.JEUNE,
        Group.DIFFICULTE,
    )
    assert priority_groups(make_request(), ON, RULES) == ()


def test_a_disabled_single_is_an_l441_priority_public_code_a_automatically() -> None:
    single = make_request(persons=1, disability=True)
    assert legal_priorities(single) == (PrioriteL441.HANDICAP,)
    assert l441_is_automatic(single)
    assert Group.PRIORITAIRE_L441 in priority_groups(single, ON, RULES)
    ticked = make_request(disability=True, l441=(PrioriteL441.HANDICAP,))
    assert legal_priorities(ticked) == (PrioriteL441.HANDICAP,)
    assert not l441_is_automatic(ticked)
    assert Group.PRIORITAIRE_L441 not in priority_groups(make_request(), ON, RULES)


def test_first_quartile_status_is_unknown_without_threshold_or_resources() -> None:
    single = make_request(monthly_income=800.0)  # 9 600 € per UC
    assert first_quartile_status(single, None) is QuartileStatus.INCONNU
    assert first_quartile_status(single, 9600.0) is QuartileStatus.PREMIER_QUARTILE
    assert first_quartile_status(single, 9000.0) is QuartileStatus.AUTRES_QUARTILES
    assert first_quartile_status(make_request(monthly_income=None), 9000.0) is (
        QuartileStatus.INCONNU
    )


def test_first_quartile_divides_by_consumption_units() -> None:
    family = make_request(persons=4, dependants=2, monthly_income=2000.0)  # UC = 1 + 0.5 + 0.6
    assert first_quartile_status(family, 11500.0) is QuartileStatus.PREMIER_QUARTILE
    assert first_quartile_status(family, 11000.0) is QuartileStatus.AUTRES_QUARTILES


def test_add_months_clamps_to_the_end_of_month() -> None:
    assert add_months(date(2026, 8, 31), -6) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
