"""The observatory export: no count under 5 anywhere, totals that give nothing back."""

import random

from openpyxl import load_workbook

from housingmatch.reports.observatory import CountedHousehold, observatory_tables
from housingmatch.reports.suppression import exposed_values
from housingmatch.reports.workbook import SECRET, observatory_workbook, save_workbook

TYPOLOGIES = ("T1", "T2", "T3", "T4", "T5+")
BANDS = ("≤ PLAI", "PLAI–PLUS", "PLUS–PLS", "> PLS")
PUBLICS = ("JEUNE", "MOBILITE", "DIFFICULTE", "DALO", "PRIORITAIRE_L441")
COMMUNES = ("Dijon", "Chenôve", "Talant", "Longvic", "Quetigny", "Ahuy", "Daix")


def households(n: int, seed: int = 3) -> list[CountedHousehold]:
    rng = random.Random(seed)
    weights = [60, 10, 8, 8, 6, 1, 1]  # a small commune gives small cells
    return [
        CountedHousehold(
            commune=rng.choices(COMMUNES, weights)[0],
            typology=rng.choice(TYPOLOGIES),
            income_band=rng.choice(BANDS),
            publics=frozenset(p for p in PUBLICS if rng.random() < 0.25),
        )
        for _ in range(n)
    ]


def test_every_table_is_safe_and_adds_up():
    data = households(600)
    tables = observatory_tables("Demande", data, TYPOLOGIES, BANDS, PUBLICS)
    assert len(tables) == 2 + len(PUBLICS)
    for item in tables:
        table = item.table
        assert all(v >= 5 for v in table.published_values()), item.title
        assert exposed_values(table, item.counts) == [], item.title
        assert table.total in (None, len(data))
    assert tables[0].table.suppressed_count > 0  # Ahuy and Daix are small


def test_a_commune_total_hidden_in_one_table_is_hidden_in_all():
    # Ahuy's 7 households fill no typology cell of 5, so its total would be the only key to
    # them in one table; another table showing the same total would give it back.
    data = households(600, seed=5)
    tables = observatory_tables("Demande", data, TYPOLOGIES, BANDS, PUBLICS)
    for commune in {h.commune for h in data}:
        shown = {item.table.row_totals[item.table.rows.index(commune)] for item in tables}
        assert len(shown) == 1, (commune, shown)
    assert len({item.table.total for item in tables}) == 1


def test_the_workbook_opens_and_shows_secrets_not_numbers(tmp_path):
    data = households(300)
    tables = observatory_tables("Attributions", data, TYPOLOGIES, BANDS, PUBLICS[:1])
    from datetime import date

    path = tmp_path / "observatoire.xlsx"
    save_workbook(
        observatory_workbook(tables, "Observatoire 2026", "année 2026", date(2026, 12, 1)), path
    )
    book = load_workbook(path, read_only=True)
    assert book.sheetnames[0] == "Notice"
    values = [
        v
        for ws in book.worksheets[1:]
        for row in ws.iter_rows(min_row=4, values_only=True)
        for v in row[1:]
    ]
    numbers = [v for v in values if isinstance(v, int)]
    assert numbers and min(numbers) >= 5
    assert SECRET in values
    assert not list(tmp_path.glob(".*.tmp"))
