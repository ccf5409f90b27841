from housingmatch.exchange.templates import REQUEST_COLUMNS, UNIT_COLUMNS, map_headers


def test_exact_template_headers_map_one_to_one():
    headers = [c.name for c in REQUEST_COLUMNS]
    mapping = map_headers(headers, REQUEST_COLUMNS)
    assert [m.column for m in mapping.matches] == headers
    assert mapping.unknown_headers == [] and mapping.missing_columns == []


def test_headers_with_accents_case_spaces_and_typos_are_understood():
    headers = [
        "Réf Logement",
        "BAILLEUR",
        "Commune ",
        "typologie",
        "Surface (m²)",
        "Financment",
        "loyer hors charges",
        "Remarques",
    ]
    mapping = map_headers(headers, UNIT_COLUMNS)
    found = {m.header: m.column for m in mapping.matches}
    assert found["Réf Logement"] == "ref_logement"
    assert found["Financment"] == "financement"
    assert found["Surface (m²)"] == "surface_m2"
    assert mapping.unknown_headers == ["Remarques"]
    assert mapping.missing_columns == []


def test_missing_required_columns_are_listed():
    mapping = map_headers(["ref_logement", "commune"], UNIT_COLUMNS)
    assert "bailleur" in mapping.missing_columns
    assert "financement" in mapping.missing_columns


def test_a_column_takes_only_its_best_header():
    mapping = map_headers(["nom", "Nom"], REQUEST_COLUMNS)
    assert [m.column for m in mapping.matches] == ["nom"]
    assert mapping.unknown_headers == ["Nom"]
