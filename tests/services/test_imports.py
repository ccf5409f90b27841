import csv
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from housingmatch.domain.model import RequestStatus
from housingmatch.errors import JobCancelled, UserError
from housingmatch.services.imports import import_file, preview_import
from tests.builders import SUPERVISOR

TODAY = date(2026, 11, 29)


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def write_rows(path: Path, rows: list[list[str]], encoding="utf-8", delimiter=";") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


@pytest.fixture
def requests_file(data_dir, tmp_path) -> Path:
    return Path(shutil.copy(data_dir / "demandes_modele.csv", tmp_path / "demandes.csv"))


def with_cell(path: Path, row: int, column: str, value: str) -> Path:
    rows = rows_of(path)
    rows[row][rows[0].index(column)] = value
    return write_rows(path, rows)


def test_sample_files_import_cleanly(fresh_store, data_dir):
    report = import_file(
        fresh_store,
        SUPERVISOR,
        "demandes",
        data_dir / "demandes_modele.csv",
        today=TODAY,
    )
    assert report.written and report.errors == []
    assert report.created == ["EXEMPLE-001", "EXEMPLE-002"]
    units = import_file(
        fresh_store,
        SUPERVISOR,
        "logements",
        data_dir / "logements_modele.csv",
        today=TODAY,
    )
    assert units.created == ["EXEMPLE-L-001", "EXEMPLE-L-002"]
    first = fresh_store.requests.get("EXEMPLE-001")
    assert first.housing.commune == "21054"  # Beaune
    assert first.wishes.communes == ("21231", "21355", "21166")  # Dijon, Longvic, Chenôve
    assert first.filing_date == date(2026, 3, 15)
    unit = fresh_store.units.get("EXEMPLE-L-002")
    assert unit.qpv == "Grésilles" and unit.typology == 4 and unit.rent == 398


def test_reimporting_the_same_file_creates_nothing(fresh_store, requests_file):
    import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    entries = fresh_store.audit.count()
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert report.created == [] and report.updated == []
    assert report.unchanged == ["EXEMPLE-001", "EXEMPLE-002"]
    assert fresh_store.requests.count() == 2
    assert fresh_store.audit.count() == entries


def test_a_changed_row_updates_the_record_and_is_audited(fresh_store, requests_file):
    import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    with_cell(requests_file, 2, "loyer_max", "800")
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert report.updated == ["EXEMPLE-002"]
    assert fresh_store.requests.get("EXEMPLE-002").wishes.max_rent == 800
    entry = fresh_store.audit.entries(entity_ref="EXEMPLE-002")[-1]
    assert entry.details["changes"] == {"loyer_max": [750.0, 800.0]}
    assert "demandes.csv" in entry.details["source"]


BAD_VALUES = [
    ("date_depot", "32/13/2026", "date invalide"),
    ("revenu_fiscal_reference", "beaucoup", "montant invalide"),
    ("handicap", "peut-être", "oui/non"),
    ("situation_logement", "CARAVANE", "code inconnu"),
    ("typologie_min", "T9", "T1 à T6"),
    ("commune_travail", "Dijjjjjon-sur-Mer", "Commune inconnue"),
    ("siret", "73282932000075", "clé de contrôle"),
    ("nb_personnes_a_charge", "4", "moins nombreuses"),
    ("nom", "", "obligatoire"),
    ("nb_personnes", "deux", "entier"),
    ("email", "camille@", "électronique"),
    ("motifs", "HEBERGE|VOYAGE", "code inconnu"),
]


@pytest.mark.parametrize(("column", "value", "message"), BAD_VALUES, ids=[b[0] for b in BAD_VALUES])
def test_each_bad_value_is_reported_and_nothing_written(
    fresh_store, requests_file, column, value, message
):
    with_cell(requests_file, 1, column, value)
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert not report.written
    assert fresh_store.requests.count() == 0
    (error,) = [e for e in report.errors if e.column == column]
    assert error.line == 2
    assert error.value == value
    assert message in error.message
    assert "Import refusé" in report.summary()


def test_ambiguous_commune_names_the_candidates(fresh_store, requests_file):
    with_cell(requests_file, 1, "commune_travail", "21200")  # Beaune and its neighbours
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    (error,) = report.errors
    assert "Beaune" in error.message


def test_duplicate_reference_in_a_file(fresh_store, requests_file):
    rows = rows_of(requests_file)
    rows.append(rows[1])
    write_rows(requests_file, rows)
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert [(e.line, e.column) for e in report.errors] == [(4, "ref_demande")]
    assert "déjà ligne 2" in report.errors[0].message


def test_missing_required_column_is_refused_before_reading_rows(fresh_store, tmp_path):
    path = write_rows(tmp_path / "x.csv", [["ref_demande", "nom"], ["A", "B"]])
    with pytest.raises(UserError, match=r"Colonnes obligatoires absentes.*date_depot"):
        import_file(fresh_store, SUPERVISOR, "demandes", path, today=TODAY)
    preview = preview_import(fresh_store, SUPERVISOR, "demandes", path, today=TODAY)
    assert not preview.can_import and "employeur" in preview.missing_columns


def test_partial_import_writes_good_rows_and_saves_rejected_ones(fresh_store, requests_file):
    with_cell(requests_file, 1, "date_naissance", "2001-13-45")
    report = import_file(
        fresh_store, SUPERVISOR, "demandes", requests_file, partial=True, today=TODAY
    )
    assert report.written and report.created == ["EXEMPLE-002"]
    assert report.rejects_path == requests_file.with_name("demandes.rejets.csv")
    with report.rejects_path.open(encoding="utf-8-sig", newline="") as handle:
        rejected = list(csv.reader(handle, delimiter=";"))
    assert rejected[0][-1] == "erreurs"
    assert rejected[1][0] == "EXEMPLE-001"
    assert "date_naissance" in rejected[1][-1]
    # The corrected rejects file imports on its own, the extra column being ignored.
    rejected[1][rejected[0].index("date_naissance")] = "2001-07-12"
    corrected = write_rows(requests_file.with_name("corrige.csv"), rejected)
    again = import_file(fresh_store, SUPERVISOR, "demandes", corrected, today=TODAY)
    assert again.created == ["EXEMPLE-001"] and again.errors == []


def test_windows_1252_with_commas(fresh_store, requests_file, tmp_path):
    rows = rows_of(requests_file)
    path = write_rows(tmp_path / "ansi.csv", rows, encoding="cp1252", delimiter=",")
    report = import_file(fresh_store, SUPERVISOR, "demandes", path, today=TODAY)
    assert report.created == ["EXEMPLE-001", "EXEMPLE-002"], report.errors
    assert fresh_store.requests.get("EXEMPLE-001").wishes.communes[-1] == "21166"  # Chenôve


def test_xlsx_with_real_dates_and_numbers(fresh_store, data_dir, tmp_path):
    rows = rows_of(data_dir / "logements_modele.csv")
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for row in rows[1:]:
        values = list(row)
        values[rows[0].index("surface_m2")] = float(
            values[rows[0].index("surface_m2")].replace(",", ".")
        )
        values[rows[0].index("date_disponibilite")] = date.fromisoformat(
            values[rows[0].index("date_disponibilite")]
        )
        values[rows[0].index("etage")] = int(values[rows[0].index("etage")])
        sheet.append(values)
    path = tmp_path / "logements.xlsx"
    book.save(path)
    report = import_file(fresh_store, SUPERVISOR, "logements", path, today=TODAY)
    assert report.created == ["EXEMPLE-L-001", "EXEMPLE-L-002"], report.errors
    assert fresh_store.units.get("EXEMPLE-L-001").available_on == date(2027, 1, 15)


def test_unknown_format_and_missing_file(fresh_store, tmp_path):
    with pytest.raises(UserError, match="introuvable"):
        import_file(fresh_store, SUPERVISOR, "demandes", tmp_path / "absent.csv")
    odt = tmp_path / "x.ods"
    odt.write_text("x")
    with pytest.raises(UserError, match="CSV ou XLSX"):
        import_file(fresh_store, SUPERVISOR, "demandes", odt)


def test_cancelled_import_writes_nothing(fresh_store, requests_file):
    with pytest.raises(JobCancelled):
        import_file(
            fresh_store,
            SUPERVISOR,
            "demandes",
            requests_file,
            cancelled=lambda: True,
            today=TODAY,
        )
    assert fresh_store.requests.count() == 0
    assert fresh_store.audit.entries(entity="demande") == []


def test_preview_shows_mapping_and_errors_without_writing(fresh_store, requests_file):
    with_cell(requests_file, 2, "dalo", "bof")
    preview = preview_import(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert preview.total_rows == 2 and preview.valid_rows == 1
    assert preview.errors[0].column == "dalo"
    assert len(preview.mapping) == 40
    assert fresh_store.requests.count() == 0


def test_export_imports_back_unchanged(fresh_store, data_dir, tmp_path):
    from housingmatch.services.imports import export_file
    from housingmatch.store import Store

    import_file(fresh_store, SUPERVISOR, "demandes", data_dir / "demandes_modele.csv", today=TODAY)
    import_file(
        fresh_store,
        SUPERVISOR,
        "logements",
        data_dir / "logements_modele.csv",
        today=TODAY,
    )
    assert export_file(fresh_store, SUPERVISOR, "demandes", tmp_path / "d.csv") == 2
    assert export_file(fresh_store, SUPERVISOR, "logements", tmp_path / "l.csv") == 2
    # Into the same base: nothing changes.
    again = import_file(fresh_store, SUPERVISOR, "demandes", tmp_path / "d.csv", today=TODAY)
    assert again.unchanged == ["EXEMPLE-001", "EXEMPLE-002"] and not again.updated
    # Into another base: the same records.
    with Store.memory() as other:
        import_file(other, SUPERVISOR, "demandes", tmp_path / "d.csv", today=TODAY)
        import_file(other, SUPERVISOR, "logements", tmp_path / "l.csv", today=TODAY)

        # Each base gives the records it creates their own identity (UUID, issue 13).
        def requests(store):
            return [replace(r, id=None, tie_breaker=None, uuid=None) for r in store.requests.all()]

        assert requests(other) == requests(fresh_store)
        assert [replace(u, id=None, uuid=None) for u in other.units.all()] == [
            replace(u, id=None, uuid=None) for u in fresh_store.units.all()
        ]


def test_export_refuses_a_non_csv_name(fresh_store, tmp_path):
    from housingmatch.services.imports import export_file

    with pytest.raises(UserError, match=r"\.csv"):
        export_file(fresh_store, SUPERVISOR, "demandes", tmp_path / "d.xlsx")


def test_a_typo_in_a_commune_is_read_and_said(fresh_store, requests_file):
    with_cell(requests_file, 1, "commune_travail", "Dijn")
    preview = preview_import(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert not preview.errors
    assert preview.readings == ["« Dijn » lu comme Dijon (21231, 21)"]
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert report.written and not report.errors
    assert "communes lues approximativement : « Dijn » lu comme Dijon" in report.summary()


def test_new_income_columns_import_and_a_file_without_them_still_imports(
    fresh_store, requests_file, tmp_path
):
    report = import_file(fresh_store, SUPERVISOR, "demandes", requests_file, today=TODAY)
    assert report.written and report.errors == []
    household = fresh_store.requests.get("EXEMPLE-002").household
    assert (household.recent_income, household.own_income, household.children_under_14) == (
        29000.0,
        None,
        2,
    )
    old = [row[:-3] for row in rows_of(requests_file)]  # the 37 columns of older files
    old_file = write_rows(tmp_path / "ancien.csv", old)
    other = import_file(fresh_store, SUPERVISOR, "demandes", old_file, today=TODAY)
    assert other.written and other.errors == []
    assert fresh_store.requests.get("EXEMPLE-002").household.recent_income is None


def test_a_closed_request_and_a_formula_like_name_survive_the_round_trip(
    fresh_store, data_dir, tmp_path
):
    from housingmatch.services.imports import export_file
    from housingmatch.services.records import close_request, get_request, save_request
    from housingmatch.store import Store

    import_file(fresh_store, SUPERVISOR, "demandes", data_dir / "demandes_modele.csv", today=TODAY)
    request = get_request(fresh_store, SUPERVISOR, "EXEMPLE-001")
    hostile = replace(request, applicant=replace(request.applicant, last_name="=HYPERLINK(1)"))
    save_request(fresh_store, SUPERVISOR, hostile, today=TODAY, original_ref="EXEMPLE-001")
    close_request(
        fresh_store, SUPERVISOR, "EXEMPLE-002", "Relogé par ses propres moyens", date(2026, 6, 1)
    )
    export_file(fresh_store, SUPERVISOR, "demandes", tmp_path / "d.csv")
    cells = [
        row[rows_of(tmp_path / "d.csv")[0].index("nom")] for row in rows_of(tmp_path / "d.csv")
    ]
    assert "'=HYPERLINK(1)" in cells  # a spreadsheet shows it as text
    with Store.memory() as other:
        report = import_file(other, SUPERVISOR, "demandes", tmp_path / "d.csv", today=TODAY)
        assert report.errors == []
        back = {r.ref: r for r in other.requests.all()}
        assert back["EXEMPLE-001"].applicant.last_name == "=HYPERLINK(1)"
        closed = back["EXEMPLE-002"]
        assert (closed.status, closed.closed_on, closed.close_reason) == (
            RequestStatus.CLOSE,
            date(2026, 6, 1),
            "Relogé par ses propres moyens",
        )


def test_rejects_cannot_overwrite_the_database(tmp_path, requests_file):
    from housingmatch.store import Store

    db = tmp_path / "base.sqlite"
    bad = with_cell(requests_file, 1, "date_depot", "15/15/2026")
    with Store.open(db) as store:
        for target in (db, tmp_path / "base.sqlite-wal", bad):
            with pytest.raises(UserError, match="choisissez un autre fichier"):
                import_file(
                    store,
                    SUPERVISOR,
                    "demandes",
                    bad,
                    partial=True,
                    rejects_path=target,
                    today=TODAY,
                )
        assert store.requests.count() == 0
        assert store.integrity_problems() == []


def test_export_cannot_overwrite_the_database(tmp_path):
    from housingmatch.services.imports import export_file
    from housingmatch.store import Store

    db = tmp_path / "base.csv"  # a database whose name ends like an export
    with Store.open(db) as store:
        with pytest.raises(UserError, match="base de données ouverte"):
            export_file(store, SUPERVISOR, "demandes", db)
        assert store.integrity_problems() == []


def test_rejects_neutralise_formulas(fresh_store, requests_file, tmp_path):
    bad = with_cell(requests_file, 1, "date_depot", "=1+1")
    report = import_file(
        fresh_store,
        SUPERVISOR,
        "demandes",
        bad,
        partial=True,
        rejects_path=tmp_path / "r.csv",
        today=TODAY,
    )
    assert report.errors
    assert all(not c.startswith("=") for row in rows_of(tmp_path / "r.csv") for c in row)
