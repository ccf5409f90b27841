"""Write report tables to an XLSX workbook an analyst can filter (openpyxl)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from housingmatch.reports.observatory import ObservatoryTable

#: What a suppressed count reads in the workbook.
SECRET = "s"


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]
    base, n = name, 2
    while name in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


def observatory_workbook(
    tables: Sequence[ObservatoryTable], title: str, period: str, made_on: date
) -> Workbook:
    """Return a workbook: a notice sheet, then one sheet per table, suppressed counts as "s"."""
    book = Workbook()
    notice = book.active
    notice.title = "Notice"
    lines = [
        title,
        f"Période : {period}",
        f"Établi le {made_on:%d/%m/%Y} par HousingMatch.",
        "Données agrégées, sans donnée personnelle (convention Grand Dijon – Action Logement, art. 2.2).",
        f"« {SECRET} » : effectif non diffusé (secret statistique) : moins de 5 ménages, ou masqué "
        "pour qu'aucun effectif de moins de 5 ne puisse être retrouvé à partir des totaux.",
    ]
    for row, text in enumerate(lines, start=1):
        notice.cell(row=row, column=1, value=text)
    notice["A1"].font = Font(bold=True, size=13)
    notice.column_dimensions["A"].width = 110
    used = {"Notice"}
    for item in tables:
        sheet = book.create_sheet(_sheet_name(item.title, used))
        table = item.table
        sheet.cell(row=1, column=1, value=item.title).font = Font(bold=True)
        header = ["Commune", *table.columns, "Total"]
        for col, text in enumerate(header, start=1):
            sheet.cell(row=3, column=col, value=text).font = Font(bold=True)
        for r, name in enumerate(table.rows):
            values = [*table.cells[r], table.row_totals[r]]
            sheet.cell(row=4 + r, column=1, value=name)
            for c, value in enumerate(values, start=2):
                sheet.cell(row=4 + r, column=c, value=SECRET if value is None else value)
        last = 4 + len(table.rows)
        sheet.cell(row=last, column=1, value="Total").font = Font(bold=True)
        for c, value in enumerate([*table.column_totals, table.total], start=2):
            sheet.cell(row=last, column=c, value=SECRET if value is None else value)
        sheet.auto_filter.ref = f"A3:{get_column_letter(len(header))}{last - 1}"
        sheet.freeze_panes = "B4"
        sheet.column_dimensions["A"].width = 28
        for c in range(2, len(header) + 1):
            sheet.column_dimensions[get_column_letter(c)].width = 16
    return book


def save_workbook(book: Workbook, path: Path) -> None:
    """Save through a temporary file renamed at the end (no half-written file on failure)."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        book.save(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
