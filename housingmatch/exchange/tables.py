"""Read a spreadsheet (CSV in UTF-8 or Windows-1252 with ``;`` or ``,``, or XLSX) as text rows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from housingmatch.errors import UserError
from housingmatch.exchange.cells import restore

# Hard limits of what an import reads: beyond them the file is refused, in seconds.
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_XLSX_PART = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawTable:
    """The header and the data rows of a file, each row with its line number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None
    path: Path | None = None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_bytes(data: bytes, name: str = "fichier") -> tuple[str, str]:
    """Decode a CSV file on evidence: UTF-16/UTF-8 by their BOM, strict UTF-8, else Windows-1252.

    Windows-1252 is chosen only when the file holds non-ASCII bytes and no valid UTF-8
    sequence at all; a file mixing both is refused with the first line that is not UTF-8.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise UserError(
                f"Le fichier « {name} » annonce l'encodage UTF-16 mais n'est pas lisible ainsi."
            ) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        bom = True
    else:
        bom = False
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = _line_of(data, exc.start)
    if bom or _has_utf8_sequence(data):
        raise UserError(
            f"Le fichier « {name} » mélange des encodages : il est en UTF-8 mais la ligne "
            f"{first_bad} ne l'est pas. Enregistrez-le entièrement en UTF-8 et réessayez."
        )
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Le fichier « {name} » n'est ni en UTF-8 ni en Windows-1252 "
            f"(ligne {_line_of(data, exc.start)}) : enregistrez-le en UTF-8 et réessayez."
        ) from None


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _has_utf8_sequence(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _check_row(path: Path, line: int, cells: list[str]) -> None:
    if len(cells) > MAX_COLUMNS and any(c.strip() for c in cells[MAX_COLUMNS:]):
        raise UserError(
            f"Le fichier « {path.name} » a plus de {MAX_COLUMNS} colonnes (ligne {line}) : "
            "ce n'est pas un fichier d'import HousingMatch."
        )
    for cell in cells:
        if len(cell) > MAX_CELL_CHARS:
            raise UserError(
                f"Le fichier « {path.name} » a une cellule de plus de {MAX_CELL_CHARS} "
                f"caractères (ligne {line}) : ce n'est pas un fichier d'import HousingMatch."
            )


def _too_many_rows(path: Path) -> UserError:
    return UserError(
        f"Le fichier « {path.name} » a plus de {MAX_ROWS} lignes : découpez-le en plusieurs "
        "fichiers."
    )


def read_csv(path: Path) -> RawTable:
    """Read a CSV file, deciding its encoding on evidence and guessing its separator."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError(
            f"Le fichier « {path.name} » dépasse {MAX_FILE_BYTES // (1024 * 1024)} Mo : "
            "découpez-le en plusieurs fichiers."
        )
    text, encoding = decode_bytes(path.read_bytes(), path.name)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise UserError(f"Le fichier « {path.name} » est vide.")
    if "\x00" in text:
        raise UserError(
            f"Le fichier « {path.name} » contient des octets nuls : ce n'est pas un fichier "
            "texte CSV."
        )
    delimiter = _sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            _check_row(path, line, cells)
            if headers is None:
                if any(c.strip() for c in cells):
                    headers = [restore(c.strip()) for c in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise _too_many_rows(path)
            rows.append((line, [restore(c) for c in cells]))
    except csv.Error as exc:
        if "field limit" in str(exc):
            reason = f"une cellule dépasse la taille permise (ligne {start})"
        else:
            reason = f"sa structure est invalide vers la ligne {start} (guillemet non fermé ?)"
        raise UserError(f"Le fichier « {path.name} » n'est pas un CSV lisible : {reason}.") from exc
    return RawTable(headers or [], rows, encoding, delimiter, path)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value).strip()


def _check_zip(path: Path) -> None:
    """Refuse a file that is not a zip, or whose parts would inflate beyond the limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(
            f"Le fichier « {path.name} » n'est pas un classeur XLSX valide "
            "(ce n'est pas une archive Excel) : enregistrez-le au format .xlsx ou en CSV."
        ) from exc
    total = sum(i.file_size for i in infos)
    biggest = max((i.file_size for i in infos), default=0)
    if total > MAX_XLSX_UNCOMPRESSED or biggest > MAX_XLSX_PART:
        raise UserError(
            f"Le classeur « {path.name} » se décompresse en plus de "
            f"{max(total, biggest) // (1024 * 1024)} Mo : il est refusé (fichier anormal ou "
            "trop grand ; enregistrez-le en CSV)."
        )


def _formula_cells(path: Path) -> set[tuple[int, int]]:
    """Return (row, column) of formula cells, read without their cached values."""
    from openpyxl import load_workbook

    found: set[tuple[int, int]] = set()
    # Our own handle, closed whatever happens (openpyxl leaves its file open when it fails).
    with path.open("rb") as handle:
        return _formula_cells_in(load_workbook(handle, read_only=True, data_only=False), found)


def _formula_cells_in(workbook: Any, found: set[tuple[int, int]]) -> set[tuple[int, int]]:
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # type: ignore[union-attr]
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS, max_row=MAX_ROWS + 1, values_only=True), start=1
        ):
            for col, value in enumerate(values, start=1):
                if isinstance(value, str) and value.startswith("="):
                    found.add((number, col))
    finally:
        workbook.close()
    return found


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                with archive.open(info) as part:
                    while chunk := part.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk:
                            return True
    return False


def read_xlsx(path: Path) -> RawTable:
    """Read the first sheet of an XLSX workbook, streaming, within hard limits."""
    _check_zip(path)
    # Our own handle, closed whatever happens (openpyxl leaves its file open when it fails).
    with path.open("rb") as handle:
        return _read_xlsx(path, handle)


def _read_xlsx(path: Path, handle: Any) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(
            f"Le classeur « {path.name} » est illisible (structure Excel invalide) : "
            "enregistrez-le de nouveau au format .xlsx ou en CSV."
        ) from exc
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    empty_cells: list[tuple[int, int]] = []
    try:
        if not workbook.worksheets:
            raise UserError(f"Le classeur « {path.name} » n'a aucune feuille.")
        sheet = workbook.worksheets[0]
        # The declared dimension (A1:XFD1048576 in a hostile file) is not trusted.
        sheet.reset_dimensions()  # type: ignore[union-attr]
        try:
            for number, values in enumerate(
                sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1
            ):
                if number > MAX_ROWS + 1:
                    raise _too_many_rows(path)
                cells = [_cell_text(v) for v in values]
                _check_row(path, number, cells)
                cells = [restore(c) for c in cells[:MAX_COLUMNS]]
                while cells and not cells[-1]:
                    cells.pop()
                if not any(cells):
                    continue
                if headers is None:
                    headers = cells
                    continue
                empty_cells += [
                    (number, c)
                    for c in range(1, len(headers) + 1)
                    if c > len(cells) or not cells[c - 1]
                ]
                rows.append((number, cells))
        except UserError:
            raise
        except Exception as exc:
            raise UserError(
                f"Le classeur « {path.name} » est illisible (feuille invalide) : "
                "enregistrez-le de nouveau au format .xlsx ou en CSV."
            ) from exc
    finally:
        workbook.close()
    while headers and not headers[-1]:
        headers.pop()
    if empty_cells and _has_formulas(path):
        formulas = _formula_cells(path).intersection(empty_cells)
        if formulas:
            row, col = min(formulas)
            from openpyxl.utils import get_column_letter

            raise UserError(
                f"La cellule {get_column_letter(col)}{row} du classeur « {path.name} » contient "
                "une formule sans valeur calculée : ouvrez le classeur dans Excel ou LibreOffice, "
                "enregistrez-le, puis importez-le de nouveau."
            )
    return RawTable(headers or [], rows, path=path)


def read_table(path: str | Path) -> RawTable:
    """Read a CSV or XLSX file by its extension."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"Le fichier « {path} » est introuvable.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = read_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv", ""):
        table = read_csv(path)
    else:
        raise UserError(
            f"Format non pris en charge pour « {path.name} » : utilisez un fichier CSV ou XLSX."
        )
    if not table.headers:
        raise UserError(f"Le fichier « {path.name} » n'a pas de ligne d'en-tête.")
    if not table.rows:
        raise UserError(
            f"Le fichier « {path.name} » n'a que sa ligne d'en-tête : aucune ligne n'a été lue, "
            "rien n'a été importé."
        )
    return table
