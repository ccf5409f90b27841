"""The forum services: offers without personal data, filtered by wishes; aids through the CLI."""

import json
from dataclasses import fields

import pytest

from housingmatch.cli import main
from housingmatch.domain.model import Financement, UnitStatus
from housingmatch.errors import UserError
from housingmatch.services import forum, local_session
from housingmatch.store import Store
from tests.builders import make_unit


@pytest.fixture
def offers_store(fresh_store: Store) -> Store:
    units = [
        make_unit(
            "LOG-A",
            commune="21231",
            typology=2,
            rent=420.0,
            charges=60.0,
            financing=Financement.PLUS,
        ),
        make_unit("LOG-B", commune="21166", typology=3, rent=530.0, charges=70.0, qpv="Le Mail"),
        make_unit(
            "LOG-C",
            commune="21231",
            typology=4,
            rent=700.0,
            charges=90.0,
            financing=Financement.PLS,
        ),
        make_unit("LOG-D", commune="21231", typology=2, rent=300.0, status=UnitStatus.ATTRIBUE),
    ]
    for unit in units:
        fresh_store.units.save(unit, "test")
    return fresh_store


def test_only_open_units_cheapest_first(offers_store):
    offers = forum.current_offers(offers_store, local_session())
    assert [o.ref for o in offers] == ["LOG-A", "LOG-B", "LOG-C"]
    assert offers[0].commune == "Dijon" and offers[0].typology == "T2"
    assert offers[0].monthly_rent == 480.0
    assert offers[1].qpv is True


def test_filtered_by_what_the_person_wishes(offers_store):
    dijon = forum.resolve_communes(["dijon"])
    offers = forum.current_offers(
        offers_store, local_session(), communes=dijon, typology_min=2, max_rent=500.0
    )
    assert [o.ref for o in offers] == ["LOG-A"]
    pls = forum.current_offers(offers_store, local_session(), financings=(Financement.PLS,))
    assert [o.ref for o in pls] == ["LOG-C"]


def test_an_offer_carries_no_personal_or_internal_field():
    names = {f.name for f in fields(forum.Offer)}
    assert not names & {"reserved_employer", "address", "latitude", "longitude", "id"}


def test_an_unknown_commune_is_a_french_error():
    with pytest.raises(UserError, match="Zzyzx"):
        forum.resolve_communes(["Zzyzx-sur-Mer"])


def test_aids_command_json(capsys):
    code = main(
        [
            "aides",
            "--date",
            "2026-12-01",
            "--naissance",
            "2001-02-03",
            "--loyer",
            "600",
            "--salaire-net",
            "1500",
            "--json",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    answers = {a["aide"]: a for a in json.loads(out)["aides"]}
    assert answers["visale"]["verdict"] == "ELIGIBLE"
    assert answers["mobili_jeune"]["verdict"] == "A_VERIFIER"
    assert "le contrat de travail" in answers["mobili_jeune"]["a_demander"]


def test_aids_command_speaks_french(capsys):
    code = main(
        ["aides", "--date", "2026-12-01", "--naissance", "1980-01-01", "--secteur", "public"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "Visale (garantie de loyer gratuite) : " in out
    assert "Non éligible" in out and "46 ans : plus de 30 ans" in out


def test_offers_command(capsys, db_path):
    with Store.open(db_path) as store:
        store.units.save(make_unit("LOG-A", commune="21231", typology=2, rent=420.0), "test")
    code = main(["--db", str(db_path), "offres", "--commune", "Dijon", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    assert [o["ref_logement"] for o in json.loads(out)] == ["LOG-A"]
    code = main(["--db", str(db_path), "offres", "--commune", "Chenôve"])
    assert "Aucun logement ouvert" in capsys.readouterr().out
