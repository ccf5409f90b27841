"""Read a spreadsheet (CSV in UTF-8 or Windows-1252 with ``;`` or ``,``, or XLSX) as text rows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from housingmatch.errors import UserError


@dataclass(frozen=True, slots=True)
class RawTable:
    """The header and the data rows of a file, each row with its line number in the file."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str | None = None
    delimiter: str | None = None


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(path: Path) -> RawTable:
    """Read a CSV file, guessing its encoding and separator."""
    text, encoding = _decode(path.read_bytes())
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise UserError(f"Le fichier « {path.name} » est vide.")
    delimiter = _sniff_delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            line = start
            start = reader.line_num + 1
            if headers is None:
                if any(c.strip() for c in cells):
                    headers = [c.strip() for c in cells]
                continue
            if not any(c.strip() for c in cells):
                continue
            rows.append((line, cells))
    except csv.Error as exc:
        raise UserError(f"Le fichier « {path.name} » n'est pas un CSV lisible : {exc}.") from exc
    return RawTable(headers or [], rows, encoding, delimiter)


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


def read_xlsx(path: Path) -> RawTable:
    """Read the first sheet of an XLSX workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise UserError(f"Le classeur « {path.name} » est illisible : {exc}.") from exc
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] | None = None
        rows: list[tuple[int, list[str]]] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if not any(cells):
                continue
            if headers is None:
                headers = cells
                continue
            rows.append((number, cells))
    finally:
        workbook.close()
    while headers and not headers[-1]:
        headers.pop()
    return RawTable(headers or [], rows)


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
    return table
