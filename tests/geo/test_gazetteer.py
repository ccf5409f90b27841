"""Tests of the offline gazetteer (resources/geo only, no network)."""

from __future__ import annotations

import csv
import pickle
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.geo import (
    AmbiguousCommune,
    CodeKind,
    Commune,
    CommuneLookupError,
    CommuneNotFound,
    Gazetteer,
    default_gazetteer,
    normalize_name,
)
from housingmatch.paths import resource

DIJON = "21231"
CHENOVE = "21166"
NEUILLY_CRIMOLOIS = "21452"
SAINT_JULIEN_21 = "21555"
SAINT_JULIEN_22 = "22307"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


# --------------------------------------------------------------------------- loading


def test_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_counts(gazetteer: Gazetteer) -> None:
    assert len(gazetteer) == 34_969
    assert len(gazetteer.communes("21")) == 698
    assert len(gazetteer.dijon_metropole()) == 23
    assert sum(c.population for c in gazetteer.dijon_metropole()) == 261_178


def test_commune_record(gazetteer: Gazetteer) -> None:
    dijon = gazetteer.get(DIJON)
    assert dijon == Commune(
        code_insee="21231",
        nom="Dijon",
        code_departement="21",
        code_epci="242100410",
        codes_postaux=("21000",),
        population=161_830,
        latitude=47.32283,
        longitude=5.03742,
        latitude_mairie=47.32103,
        longitude_mairie=5.04127,
    )
    assert dijon.point == (47.32103, 5.04127)
    assert dijon.label == "Dijon (21231, 21)"
    with pytest.raises(AttributeError):
        dijon.nom = "Autre"  # type: ignore[misc]


def test_leading_zeros_and_corsica_are_kept(gazetteer: Gazetteer) -> None:
    commune = gazetteer.get("01001")
    assert commune is not None
    assert commune.nom == "L'Abergement-Clémenciat"
    assert commune.code_departement == "01"
    assert commune.codes_postaux == ("01400",)
    ajaccio = gazetteer.get("2a004")
    assert ajaccio is not None
    assert ajaccio.nom == "Ajaccio"
    assert ajaccio.code_departement == "2A"
    assert gazetteer.get("99999") is None


def test_point_falls_back_to_centroid(gazetteer: Gazetteer) -> None:
    no_mairie = gazetteer.get("52349")  # Neuilly-sur-Suize: no town-hall point
    assert no_mairie is not None
    assert no_mairie.latitude_mairie is None
    assert no_mairie.point == (no_mairie.latitude, no_mairie.longitude)
    no_coordinates = gazetteer.get("98411")  # TAAF: no polygon, no point
    assert no_coordinates is not None
    assert no_coordinates.point is None
    assert no_coordinates.population == 0


def test_loads_from_an_explicit_directory() -> None:
    other = Gazetteer(resource("geo"))
    assert other.resolve("Dijon").code_insee == DIJON


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "text",
    [
        "chenove",
        "CHENOVE",
        "Chenôve",
        "Chenove ",
        "  chenôve  ",
        "CHENÔVE",
        "Chenove (21)",
        "Chenove 21",
        "Chenove, 21",
        "21300 Chenove",
        "Chenôve (21300)",
        "Chenôve Cedex",
    ],
)
def test_accents_case_and_blanks(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.resolve(text).code_insee == CHENOVE


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("St Apollinaire", "21540"),
        ("ST-APOLLINAIRE", "21540"),
        ("saint apollinaire", "21540"),
        ("Chevigny St Sauveur", "21171"),
        ("Chevigny-St-Sauveur", "21171"),
        ("Fontaine les Dijon", "21278"),
        ("fontaine-lès-dijon", "21278"),
        ("Bressey s/ Tille", "21105"),
        ("Bressey-sur-Tille", "21105"),
        ("Perrigny lès Dijon", "21481"),
        ("Rochepot", "21527"),  # La Rochepot, article left out
        ("L’Abergement-Clémenciat", "01001"),  # typographic apostrophe
        ("Nuits St Georges", "21464"),
    ],
)
def test_punctuation_abbreviations_and_articles(gazetteer: Gazetteer, text: str, code: str) -> None:
    assert gazetteer.resolve(text).code_insee == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Dijn", DIJON),
        ("Dijonn", DIJON),
        ("Chenov", CHENOVE),
        ("Talent", "21617"),
        ("Quetigy", "21515"),
        ("Longvik", "21355"),
        ("Marsanay la cote", "21390"),
        ("Perigny les Dijon", "21481"),
        ("Fontaine Dijon", "21278"),
        ("Sennecey les Dijonn", "21605"),
        ("Neuilly sur Seinne", "92051"),  # outside Côte-d'Or, found France-wide
    ],
)
def test_small_typos(gazetteer: Gazetteer, text: str, code: str) -> None:
    assert gazetteer.resolve(text).code_insee == code


@pytest.mark.parametrize(
    "text",
    ["Crimolois", "CRIMOLOIS", "Neuilly-lès-Dijon", "Neuilly les Dijon", "neuilly-les-dijon"],
)
def test_former_communes(gazetteer: Gazetteer, text: str) -> None:
    commune = gazetteer.resolve(text)
    assert commune.code_insee == NEUILLY_CRIMOLOIS
    assert commune.nom == "Neuilly-Crimolois"


def test_every_cote_dor_commune_resolves_to_itself(gazetteer: Gazetteer) -> None:
    for commune in gazetteer.communes("21"):
        assert gazetteer.resolve(commune.nom).code_insee == commune.code_insee
        plain = normalize_name(commune.nom).upper()
        assert gazetteer.resolve(plain).code_insee == commune.code_insee
        try:
            by_code = gazetteer.resolve(commune.code_insee)
        except AmbiguousCommune as error:  # the code is also somebody's postal code
            by_code = error.suggestions[0]
            assert gazetteer.communes_for_postal_code(commune.code_insee)
        assert by_code.code_insee == commune.code_insee


def test_french_communes_resolve_in_their_department(gazetteer: Gazetteer) -> None:
    for commune in gazetteer.communes()[::7]:
        found = gazetteer.resolve(commune.nom, department=commune.code_departement)
        assert found.code_insee == commune.code_insee


def test_unique_names_elsewhere_in_france(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Paris").code_insee == "75056"
    assert gazetteer.resolve("Neuilly-sur-Seine").code_insee == "92051"
    assert gazetteer.resolve("Ajaccio").code_insee == "2A004"


# --------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("21231", DIJON),
        (" 21 231 ", DIJON),
        ("01001", "01001"),
        ("1001", "01001"),  # leading zero lost by a spreadsheet
        ("2A004", "2A004"),
        ("2a004", "2A004"),
        ("21213", NEUILLY_CRIMOLOIS),  # INSEE code of the former commune Crimolois
    ],
)
def test_insee_codes(gazetteer: Gazetteer, text: str, code: str) -> None:
    assert gazetteer.resolve(text).code_insee == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("21000", DIJON),
        ("21850", "21540"),  # Saint-Apollinaire
        ("21000 Dijon", DIJON),
        ("Dijon (21000)", DIJON),
        ("21300 Chenôve", CHENOVE),
        ("Chenove 21300", CHENOVE),
    ],
)
def test_postal_codes(gazetteer: Gazetteer, text: str, code: str) -> None:
    assert gazetteer.resolve(text).code_insee == code


def test_shared_postal_code_is_ambiguous(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve("21800")
    error = caught.value
    assert error.query == "21800"
    assert {c.code_insee for c in error.suggestions} == {"21171", "21452", "21515", "21605"}
    message = str(error)
    assert "« 21800 »" in message
    for name in ("Chevigny-Saint-Sauveur", "Neuilly-Crimolois", "Quetigny", "Sennecey-lès-Dijon"):
        assert name in message


def test_name_narrows_a_shared_postal_code(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("21800 Quetigny").code_insee == "21515"
    assert gazetteer.resolve("Crimolois (21800)").code_insee == NEUILLY_CRIMOLOIS


def test_wrong_postal_code_falls_back_to_the_name(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("21000 Chenove").code_insee == CHENOVE


@pytest.mark.parametrize(
    ("code", "postal_commune"),
    [
        ("21121", "21003"),  # INSEE of Bussy-la-Pesle, postal code of Ahuy, Daix, ...
        ("21300", CHENOVE),  # INSEE of Gissey-sur-Ouche, postal code of Chenôve
    ],
)
def test_code_both_insee_and_postal_is_ambiguous(
    gazetteer: Gazetteer, code: str, postal_commune: str
) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve(code)
    suggestions = [c.code_insee for c in caught.value.suggestions]
    assert suggestions[0] == code
    assert postal_commune in suggestions
    assert "code INSEE" in str(caught.value)
    assert "code postal" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "code_kind", "code"),
    [
        ("21300", "postal", CHENOVE),
        ("21300", "insee", "21300"),  # Gissey-sur-Ouche
        ("21240", "postal", "21617"),  # Talant
        ("21213", "insee", NEUILLY_CRIMOLOIS),  # former commune Crimolois
        ("Chenôve", "insee", CHENOVE),  # names are not affected
    ],
)
def test_code_kind_picks_one_reading(
    gazetteer: Gazetteer, text: str, code_kind: CodeKind, code: str
) -> None:
    assert gazetteer.resolve(text, code_kind=code_kind).code_insee == code


def test_code_kind_errors(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousCommune):
        gazetteer.resolve("21800", code_kind="postal")
    with pytest.raises(CommuneNotFound, match="Code INSEE inconnu"):
        gazetteer.resolve("21000", code_kind="insee")
    with pytest.raises(CommuneNotFound, match="Code postal inconnu"):
        gazetteer.resolve("21231", code_kind="postal")
    results = gazetteer.resolve_many(["21300", "21000"], code_kind="postal")
    assert [r.code_insee for r in results if isinstance(r, Commune)] == [CHENOVE, DIJON]


def test_long_postal_lists_are_shortened_in_the_message(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve("21110")
    assert len(caught.value.suggestions) == 26
    assert "et 19 autres communes" in str(caught.value)


def test_unknown_code(gazetteer: Gazetteer) -> None:
    with pytest.raises(CommuneNotFound) as caught:
        gazetteer.resolve("99999")
    assert "« 99999 »" in str(caught.value)
    assert caught.value.suggestions == []


# --------------------------------------------------------------------------- failures


def test_unknown_name_lists_the_closest_commune(gazetteer: Gazetteer) -> None:
    with pytest.raises(CommuneNotFound) as caught:
        gazetteer.resolve("Dijjjon")
    error = caught.value
    assert error.query == "Dijjjon"
    assert error.suggestions[0].code_insee == DIJON
    assert str(error) == ("Commune inconnue : « Dijjjon ». Vouliez-vous dire : Dijon (21231, 21) ?")


def test_gibberish_is_not_found(gazetteer: Gazetteer) -> None:
    with pytest.raises(CommuneNotFound) as caught:
        gazetteer.resolve("Xqzwvk Bbbrrr")
    assert str(caught.value).startswith("Commune inconnue : « Xqzwvk Bbbrrr ».")


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_empty_text(gazetteer: Gazetteer, text: str) -> None:
    with pytest.raises(CommuneNotFound) as caught:
        gazetteer.resolve(text)
    assert "non renseignée" in str(caught.value)


def test_exact_homonyms_without_department_are_ambiguous(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve("Saint-Julien", department=None)
    error = caught.value
    codes = [c.code_insee for c in error.suggestions]
    assert codes[:2] == [SAINT_JULIEN_21, SAINT_JULIEN_22]
    assert len(codes) == 6
    assert str(error).startswith(
        "Commune ambiguë : « Saint-Julien » désigne plusieurs communes : "
        "Saint-Julien (21555, 21), Saint-Julien (22307, 22), "
    )
    assert str(error).endswith("; précisez le code INSEE ou le code postal.")


@pytest.mark.parametrize(("text", "count"), [("Verrières", 8), ("verrieres", 8), ("Le Pin", 9)])
def test_homonyms_outside_the_hinted_department_are_ambiguous(
    gazetteer: Gazetteer, text: str, count: int
) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve(text)  # none of them in Côte-d'Or
    assert len(caught.value.suggestions) == count
    assert "…" in str(caught.value)  # only the first six are listed


def test_hinted_homonym_wins(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Verrières", department="10").code_insee == "10406"


@pytest.mark.parametrize(
    ("text", "department", "code"),
    [
        ("Saint-Julien", "21", SAINT_JULIEN_21),
        ("Saint-Julien", "22", SAINT_JULIEN_22),
        ("Saint-Julien (22)", "21", SAINT_JULIEN_22),
        ("Saint-Julien 69", "21", "69215"),
        ("Saint-Julien, 83", None, "83113"),
        ("Saint-Julien (21)", None, SAINT_JULIEN_21),
        ("Plombières (88)", "21", "88351"),
    ],
)
def test_department_disambiguation(
    gazetteer: Gazetteer, text: str, department: str | None, code: str
) -> None:
    assert gazetteer.resolve(text, department=department).code_insee == code


def test_explicit_department_is_a_filter(gazetteer: Gazetteer) -> None:
    with pytest.raises(CommuneNotFound) as caught:
        gazetteer.resolve("Dijon (12)")
    assert caught.value.suggestions[0].code_insee == DIJON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marsannay", {"21390", "21391"}),
        ("Chevigny", {"21171", "21170", "39141"}),  # Chevigny (Jura) exists too
        ("Nuits", {"21464", "89280"}),  # Nuits (Yonne) exists too
        ("Baune", {"21054", "49307"}),  # typo for Beaune, former commune in Maine-et-Loire
        ("Lagnes", {"21336", "84062"}),  # typo for Laignes, a commune of Vaucluse
        ("Quincy", {"21517", "21518", "18190"}),
    ],
)
def test_local_rivals_of_an_exact_match_elsewhere(
    gazetteer: Gazetteer, text: str, expected: set[str]
) -> None:
    with pytest.raises(AmbiguousCommune) as caught:
        gazetteer.resolve(text)
    codes = [c.code_insee for c in caught.value.suggestions]
    assert expected <= set(codes)
    assert caught.value.suggestions[0].code_departement == "21"


@pytest.mark.parametrize(
    ("text", "department", "code"),
    [
        ("Agen", "21", "47001"),  # préfecture, far more populous than Agey (21)
        ("Baune", None, "49307"),  # no department preference: the former commune
        ("Chevigny", None, "39141"),
        ("Chevigny", "39", "39141"),
    ],
)
def test_exact_match_elsewhere_without_local_rival(
    gazetteer: Gazetteer, text: str, department: str | None, code: str
) -> None:
    assert gazetteer.resolve(text, department=department).code_insee == code


def test_shortened_name_unique_in_the_department(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Plombières").code_insee == "21485"
    assert gazetteer.resolve("Sennecey").code_insee == "21605"


def test_errors_are_value_errors_and_pickle(gazetteer: Gazetteer) -> None:
    with pytest.raises(ValueError) as caught:
        gazetteer.resolve("Saint-Julien", department=None)
    error = caught.value
    assert isinstance(error, CommuneLookupError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is AmbiguousCommune
    assert str(copy) == str(error)
    assert copy.suggestions == error.suggestions  # type: ignore[attr-defined]


def test_cached_errors_are_fresh_exceptions(gazetteer: Gazetteer) -> None:
    errors = []
    for _ in range(2):
        with pytest.raises(CommuneNotFound) as caught:
            gazetteer.resolve("Dijjjon")
        errors.append(caught.value)
    assert errors[0] is not errors[1]
    assert str(errors[0]) == str(errors[1])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_resolve_never_fails_otherwise(text: str) -> None:
    gazetteer = default_gazetteer()
    try:
        assert isinstance(gazetteer.resolve(text), Commune)
    except CommuneLookupError as error:
        assert str(error)


# --------------------------------------------------------------------------- bulk


def test_resolve_many_keeps_order_and_returns_errors(gazetteer: Gazetteer) -> None:
    results = gazetteer.resolve_many(["Dijon", "Dijjjon", "21800", "Crimolois", ""])
    assert isinstance(results[0], Commune)
    assert results[0].code_insee == DIJON
    assert isinstance(results[1], CommuneNotFound)
    assert isinstance(results[2], AmbiguousCommune)
    assert isinstance(results[3], Commune)
    assert results[3].code_insee == NEUILLY_CRIMOLOIS
    assert isinstance(results[4], CommuneNotFound)


def test_resolve_many_is_fast_on_repeated_names() -> None:
    gazetteer = Gazetteer()
    names = [c.nom.upper() for c in gazetteer.dijon_metropole()] + ["Dijn", "21000", "Crimolois"]
    texts = [names[i % len(names)] for i in range(10_000)]
    started = time.perf_counter()
    results = gazetteer.resolve_many(texts)
    elapsed = time.perf_counter() - started
    assert all(isinstance(r, Commune) for r in results)
    assert elapsed < 2.0  # about 0.02 s in practice; generous for loaded CI machines


# --------------------------------------------------------------------------- type-ahead


def test_search_prefix(gazetteer: Gazetteer) -> None:
    results = gazetteer.search("dij")
    assert results[0].code_insee == DIJON
    assert "21278" in [c.code_insee for c in results]  # Fontaine-lès-Dijon: later word


@pytest.mark.parametrize(
    ("prefix", "first"),
    [
        ("Dijon", DIJON),
        ("st ap", "21540"),
        ("SAINT-APO", "21540"),
        ("chen", CHENOVE),
        ("neuilly", NEUILLY_CRIMOLOIS),  # Côte-d'Or before Neuilly-sur-Seine
        ("crim", NEUILLY_CRIMOLOIS),  # former commune
        ("2a00", "2A004"),
        ("21300", CHENOVE),
    ],
)
def test_search_first_result(gazetteer: Gazetteer, prefix: str, first: str) -> None:
    assert gazetteer.search(prefix)[0].code_insee == first


def test_search_orders_department_then_population(gazetteer: Gazetteer) -> None:
    results = gazetteer.search("saint", limit=50)
    assert len(results) == 50
    in_21 = [c for c in results if c.code_departement == "21"]
    assert results[: len(in_21)] == in_21
    populations = [c.population for c in in_21]
    assert populations == sorted(populations, reverse=True)


def test_search_limits_and_empty(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.search("s", limit=5)) == 5
    assert gazetteer.search("") == []
    assert gazetteer.search("  - ") == []
    assert gazetteer.search("dijon", limit=0) == []
    assert gazetteer.search("zzzzzz") == []


# --------------------------------------------------------------------------- zoning, EPCI


@pytest.mark.parametrize(
    ("code", "zone"),
    [
        (DIJON, "B1"),
        ("21270", "C"),  # Flavignerot
        ("21106", "B2"),  # Bretenière
        ("21003", "B1"),  # Ahuy, reclassified July 2024
        ("21192", "C"),  # Corcelles-les-Monts
        ("21263", "B2"),  # Fénay
        (NEUILLY_CRIMOLOIS, "B1"),
        ("21054", "B2"),  # Beaune: outside the metropole, national zoning
        ("69266", "A"),  # Villeurbanne
        ("75056", "A_bis"),  # Paris
        ("97501", None),  # Saint-Pierre-et-Miquelon: not in the zoning
    ],
)
def test_zone_abc(gazetteer: Gazetteer, code: str, zone: str | None) -> None:
    assert gazetteer.zone_abc(code) == zone


def test_national_zoning_file_covers_the_communes_of_france() -> None:
    gazetteer = default_gazetteer()
    path = resource("geo", "zonage_abc_communes.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "code_insee",
        "nom",
        "code_departement",
        "zone_abc",
        "reclasse_juillet_2024",
    ]
    assert len(rows) > 34000
    assert {row["zone_abc"] for row in rows} == {"Abis", "A", "B1", "B2", "C"}
    zoned = {row["code_insee"] for row in rows}
    assert {c.code_insee for c in gazetteer.dijon_metropole()} <= zoned
    missing = [c for c in gazetteer if c.code_insee not in zoned]
    assert len(missing) < 150  # communes created since July 2024 and overseas collectivities


def test_epci_names_are_known_for_cote_d_or_only() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.epci_name("242100410") == "Dijon Métropole"
    assert gazetteer.epci_name("200006682") is not None  # CA Beaune
    assert gazetteer.epci_name("200046977") is None  # Métropole de Lyon: not shipped


def test_metropole_and_epci(gazetteer: Gazetteer) -> None:
    assert gazetteer.in_dijon_metropole(DIJON)
    assert gazetteer.in_dijon_metropole(NEUILLY_CRIMOLOIS)
    assert not gazetteer.in_dijon_metropole("21054")
    assert gazetteer.epci(DIJON) == "242100410"
    assert gazetteer.epci("98411") is None
    assert gazetteer.epci("00000") is None
    assert all(c.code_epci == "242100410" for c in gazetteer.dijon_metropole())
    assert gazetteer.dijon_metropole()[0].code_insee == DIJON


# --------------------------------------------------------------------------- QPV


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gresilles", ("Grésilles", DIJON)),
        ("Les Grésilles", ("Grésilles", DIJON)),
        ("GRESILLES", ("Grésilles", DIJON)),
        ("Gresille", ("Grésilles", DIJON)),
        ("le mail", ("Le Mail", CHENOVE)),
        ("Mail", ("Le Mail", CHENOVE)),
        ("Fontaine d’Ouche", ("Fontaine d'Ouche", DIJON)),
        ("fontaine-d-ouche", ("Fontaine d'Ouche", DIJON)),
        ("Belvedere", ("Le Belvédère", "21617")),
        ("Bief du Moulin (Longvic)", ("Le Bief du Moulin", "21355")),
        ("Quetigny-Centre", ("Quetigny Centre", "21515")),
        ("Toison d'Or", None),
        ("", None),
    ],
)
def test_resolve_qpv(gazetteer: Gazetteer, text: str, expected: tuple[str, str] | None) -> None:
    assert gazetteer.resolve_qpv(text) == expected


def test_qpv_geographies(gazetteer: Gazetteer) -> None:
    assert gazetteer.qpv_names(DIJON) == ["Fontaine d'Ouche", "Grésilles"]
    assert gazetteer.qpv_names("21515") == ["Quetigny Centre"]
    assert gazetteer.qpv_names("21515", geography=2015) == []
    assert gazetteer.qpv_names("21003") == []
    assert gazetteer.resolve_qpv("Quetigny Centre", geography=2015) is None
    assert gazetteer.resolve_qpv("Le Mail", geography=2015) == ("Le Mail", CHENOVE)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Chenôve", "chenove"),
        ("  ST-APOLLINAIRE ", "saint apollinaire"),
        ("Ste Marie sur Ouche", "sainte marie sur ouche"),
        ("L’Haÿ-les-Roses", "l hay les roses"),
        ("Œuilly", "oeuilly"),
        ("Bressey s/Tille", "bressey sur tille"),
        ("Saint\u00a0Julien", "saint julien"),
    ],
)
def test_normalize_name(text: str, key: str) -> None:
    assert normalize_name(text) == key


@given(st.text(max_size=30))
def test_normalize_name_is_idempotent(text: str) -> None:
    key = normalize_name(text)
    assert normalize_name(key) == key


def test_an_approximate_name_says_how_it_was_read():
    gaz = default_gazetteer()
    assert gaz.reading_note("Dijn", gaz.resolve("Dijn")) == "« Dijn » lu comme Dijon (21231, 21)"
    assert "ancienne commune" in gaz.reading_note("Crimolois", gaz.resolve("Crimolois"))
    for exact in ("dijon", "DIJON", "21231", "21000", "Chenove", "Fontaine les Dijon"):
        assert gaz.reading_note(exact, gaz.resolve(exact)) is None, exact
