import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from housingmatch.errors import UserError
from housingmatch.exchange import tables
from housingmatch.exchange.tables import read_table


def write(tmp_path: Path, data: bytes, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_utf8_is_read_as_utf8(tmp_path):
    table = read_table(write(tmp_path, "nom;prenom\nDupont;Cédric\n".encode()))
    assert table.encoding == "utf-8" and table.rows[0][1] == ["Dupont", "Cédric"]


def test_a_whole_windows_1252_file_is_read_as_such(tmp_path):
    table = read_table(write(tmp_path, "nom;prenom\nDupont;Cédric\n".encode("cp1252")))
    assert table.encoding == "windows-1252" and table.rows[0][1][1] == "Cédric"


def test_one_stray_byte_in_a_utf8_file_is_an_error_naming_its_line(tmp_path):
    data = "nom;prenom\nDupont;Cédric\nMartin;Zoé\n".encode() + "Petit;Hélène\n".encode("cp1252")
    with pytest.raises(UserError, match=r"mélange des encodages.*ligne 4"):
        read_table(write(tmp_path, data))


def test_utf16_with_a_bom_is_read(tmp_path):
    table = read_table(write(tmp_path, "nom;prenom\nDupont;Cédric\n".encode("utf-16")))
    assert table.encoding == "utf-16" and table.rows[0][1] == ["Dupont", "Cédric"]


def test_a_header_only_file_says_nothing_was_read(tmp_path):
    with pytest.raises(UserError, match="aucune ligne n'a été lue"):
        read_table(write(tmp_path, b"nom;prenom\n"))


def test_a_huge_cell_is_refused_in_french(tmp_path):
    data = b'nom;prenom\n"' + b"x" * 200_000 + b'";y\n'
    with pytest.raises(UserError) as info:
        read_table(write(tmp_path, data))
    assert "field" not in str(info.value) and "cellule" in str(info.value)


def test_a_csv_that_is_not_a_zip_is_refused_as_xlsx_in_french(tmp_path):
    with pytest.raises(UserError) as info:
        read_table(write(tmp_path, b"nom;prenom\n", "f.xlsx"))
    assert "zip" not in str(info.value) and "classeur XLSX valide" in str(info.value)


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = tmp_path / "f.xlsx"
    wb.save(path)
    return path


def _rewrite_part(path: Path, part: str, change) -> None:
    with zipfile.ZipFile(path) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    names = [i.filename for i, _ in items]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            out.writestr(info.filename, change(data) if info.filename == part else data)
        if part not in names:
            out.writestr(part, change(b""))


def test_a_declared_full_sheet_dimension_is_not_trusted(tmp_path):
    path = _workbook(tmp_path, [["nom", "prenom"], ["Dupont", "Cédric"]])
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: d.replace(b'<dimension ref="A1:B2" />', b'<dimension ref="A1:XFD1048576" />'),
    )
    assert b"XFD1048576" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    table = read_table(path)
    assert table.headers == ["nom", "prenom"] and table.rows == [(2, ["Dupont", "Cédric"])]


def test_a_sheet_reaching_the_last_row_is_refused(tmp_path):
    path = _workbook(tmp_path, [["nom", "prenom"], ["Dupont", "Cédric"]])
    _rewrite_part(
        path,
        "xl/worksheets/sheet1.xml",
        lambda d: (
            d.replace(b'<row r="2"', b'<row r="1048576"')
            .replace(b'r="A2"', b'r="A1048576"')
            .replace(b'r="B2"', b'r="B1048576"')
        ),
    )
    with pytest.raises(UserError, match="plus de 200000 lignes"):
        read_table(path)


def test_a_shared_strings_bomb_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_XLSX_PART", 1_000_000)
    path = _workbook(tmp_path, [["nom", "prenom"], ["Dupont", "Cédric"]])
    _rewrite_part(
        path,
        "xl/sharedStrings.xml",
        lambda d: b"<sst><si><t>" + b"x" * 2_000_000 + b"</t></si></sst>",
    )
    assert path.stat().st_size < 100_000
    with pytest.raises(UserError, match="se décompresse en plus de"):
        read_table(path)


def test_a_formula_without_cached_value_is_named(tmp_path):
    path = _workbook(tmp_path, [["nom", "revenu"], ["Dupont", "=1+2"]])
    with pytest.raises(UserError, match=r"cellule B2 .*formule sans valeur calculée"):
        read_table(path)


def test_too_many_columns_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "MAX_COLUMNS", 5)
    path = _workbook(tmp_path, [["a"] * 10, ["b"] * 10])
    with pytest.raises(UserError, match="plus de 5 colonnes"):
        read_table(path)
