"""First-quartile thresholds: entered by a supervisor, used by the ranking of a unit's EPCI."""

from __future__ import annotations

from datetime import date

import pytest

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.rules.groups import QuartileStatus
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import local_session
from housingmatch.services.matching import rank_unit
from housingmatch.services.reference import quartile_thresholds, set_quartile_threshold
from tests.builders import BEAUNE, SUPERVISOR, make_request, make_unit

ON = date(2026, 6, 15)
DIJON_METROPOLE = "242100410"
BEAUNE_EPCI = "200006682"


def test_a_supervisor_enters_a_threshold_an_advisor_may_not(fresh_store) -> None:
    advisor = Session("camille", Role.CONSEILLER)
    with pytest.raises(PermissionDenied, match="saisir des données de référence"):
        set_quartile_threshold(fresh_store, advisor, DIJON_METROPOLE, 2026, 10500)
    assert quartile_thresholds(fresh_store, SUPERVISOR) == []
    supervisor = Session("dominique", Role.SUPERVISEUR)
    entry = set_quartile_threshold(fresh_store, supervisor, DIJON_METROPOLE, 2026, 10500)
    assert (entry.epci_name, entry.amount, entry.updated_by) == (
        "Dijon Métropole",
        10500,
        "dominique",
    )
    set_quartile_threshold(fresh_store, supervisor, DIJON_METROPOLE, 2026, 10800)
    assert [e.amount for e in quartile_thresholds(fresh_store, SUPERVISOR)] == [10800]
    assert fresh_store.audit.entries(entity="reference")[-1].details["seuil"] == [10500, 10800]


@pytest.mark.parametrize(
    ("epci", "year", "amount", "message"),
    [
        ("24210041", 2026, 10000, "9 chiffres"),
        ("999999999", 2026, 10000, "aucun EPCI"),
        (DIJON_METROPOLE, 1990, 10000, "pas plausible"),
        (DIJON_METROPOLE, 2026, 0, "montant positif"),
    ],
)
def test_bad_thresholds_are_refused_in_french(fresh_store, epci, year, amount, message) -> None:
    with pytest.raises(UserError, match=message):
        set_quartile_threshold(fresh_store, local_session(), epci, year, amount)


def test_the_status_uses_the_epci_of_the_units_commune_and_warns_by_name(fresh_store) -> None:
    # Works in Dijon, the unit is in Beaune: the threshold of Beaune's EPCI decides.
    request = make_request("DEM-Q", monthly_income=800.0)  # 9 600 € per UC
    fresh_store.requests.save(request, "t")
    fresh_store.units.save(make_unit("LOG-B", commune=BEAUNE), "t")
    set_quartile_threshold(fresh_store, local_session(), DIJON_METROPOLE, 2026, 20000)
    ranking = rank_unit(fresh_store, SUPERVISOR, "LOG-B", ON)
    assert ranking.ranked[0].first_quartile is QuartileStatus.INCONNU
    warning = next(w for w in ranking.warnings if "premier quartile" in w)
    assert "CA Beaune, Côte et Sud" in warning and BEAUNE_EPCI not in warning
    set_quartile_threshold(fresh_store, local_session(), BEAUNE_EPCI, 2026, 9600)
    ranking = rank_unit(fresh_store, SUPERVISOR, "LOG-B", ON)
    assert ranking.ranked[0].first_quartile is QuartileStatus.PREMIER_QUARTILE
    assert not any("premier quartile" in w for w in ranking.warnings)
