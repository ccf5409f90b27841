"""The indicators as an XLSX workbook (openpyxl) and a French PDF report with charts (reportlab)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from housingmatch.reports.indicators import Chart, Indicators, Table, charts, tables

#: The colours of the series, shared by the PDF and the window.
SERIES_COLOURS = ("#1f4e79", "#e07b39", "#4a9a5b", "#8e5ea2", "#c0392b")
NOT_APPLICABLE = "—"


def _sheet_name(name: str, used: set[str]) -> str:
    clean = "".join(ch for ch in name if ch not in "[]:*?/\\")[:31]
    base, n = clean, 2
    while clean in used:
        clean = f"{base[:27]} ({n})"
        n += 1
    used.add(clean)
    return clean


def indicators_workbook(ind: Indicators, made_on: date, extra: Sequence[Table] = ()) -> Workbook:
    """Return a workbook: a notice, then one sheet per table with a filter on its rows."""
    book = Workbook()
    notice = book.active
    assert notice is not None
    notice.title = "Notice"
    lines = [
        "Indicateurs de la convention (art. 4)",
        f"Période : {ind.period}",
        f"Établi le {made_on:%d/%m/%Y} par HousingMatch.",
        "Délais en jours ; trajets domicile-travail estimés (distance à vol d'oiseau × détour ÷ "
        "vitesse du mode), avant : depuis la commune du logement actuel, après : depuis le "
        "logement attribué.",
        "« — » : sans objet (les demandes n'ont pas de bailleur) ; case vide : aucune valeur.",
    ]
    for row, text in enumerate(lines, start=1):
        notice.cell(row=row, column=1, value=text)
    notice["A1"].font = Font(bold=True, size=13)
    notice.column_dimensions["A"].width = 110
    used = {"Notice"}
    for table in [*tables(ind), *extra]:
        sheet = book.create_sheet(_sheet_name(table.name, used))
        sheet.cell(row=1, column=1, value=table.title).font = Font(bold=True)
        for col, text in enumerate(table.columns, start=1):
            cell = sheet.cell(row=3, column=col, value=text)
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F4E79")
        for r, values in enumerate(table.rows, start=4):
            for c, value in enumerate(values, start=1):
                sheet.cell(row=r, column=c, value=NOT_APPLICABLE if _na(table, c, value) else value)
        last = 3 + max(len(table.rows), 1)
        sheet.auto_filter.ref = f"A3:{get_column_letter(len(table.columns))}{last}"
        sheet.freeze_panes = "B4"
        sheet.column_dimensions["A"].width = 40
        for c in range(2, len(table.columns) + 1):
            sheet.column_dimensions[get_column_letter(c)].width = 18
    return book


def _na(table: Table, column: int, value: object) -> bool:
    """Return whether a missing request count reads "sans objet" (by landlord)."""
    return value is None and table.columns[column - 1].startswith("Demandes")


def cell_text(value: object) -> str:
    """Return a cell as the PDF and the window print it (French decimals)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


# -- PDF ----------------------------------------------------------------------------------------
def _chart_drawing(chart: Chart, width: float, height: float) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    drawing.add(String(0, height - 12, chart.title, fontName="Helvetica-Bold", fontSize=10))
    if chart.empty:
        drawing.add(String(0, height - 30, "Aucune donnée sur la période.", fontSize=9))
        return drawing
    horizontal = chart.horizontal
    bars: Any = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 170 if horizontal else 35
    bars.x, bars.y = left, 45 if not horizontal else 20
    bars.width = width - left - 10
    bars.height = height - (95 if not horizontal else 55)
    bars.data = [list(values) for _, values in chart.series]
    bars.categoryAxis.categoryNames = [
        name if len(name) <= 34 else name[:33] + "…" for name in chart.categories
    ]
    bars.categoryAxis.labels.fontSize = 7
    if not horizontal and len(chart.categories) > 4:
        bars.categoryAxis.labels.angle = 30
        bars.categoryAxis.labels.boxAnchor = "ne"
    bars.valueAxis.valueMin = 0
    bars.valueAxis.labels.fontSize = 7
    top = max(max(values, default=0) for _, values in chart.series)
    bars.valueAxis.valueMax = max(1.0, top * 1.15)
    if not chart.unit:  # counts: whole steps
        bars.valueAxis.valueStep = max(1, math.ceil(top / 5))
    for i in range(len(chart.series)):
        bars.bars[i].fillColor = colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = left, height - 22
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 120
        legend.fontSize = 8
        legend.colorNamePairs = [
            (colors.HexColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]), name)
            for i, (name, _) in enumerate(chart.series)
        ]
        drawing.add(legend)
    return drawing


def write_indicators_pdf(
    ind: Indicators, path: Path, made_on: date, extra: Sequence[Table] = ()
) -> None:
    """Write the report: period, every table and every chart, dated and paginated (A4)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as PdfTable

    page = landscape(A4)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=16 * mm,
        title="Indicateurs de la convention",
        author="HousingMatch",
    )
    styles = getSampleStyleSheet()
    h1, h2, base = styles["Title"], styles["Heading2"], styles["BodyText"]
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            14 * mm, 9 * mm, f"Indicateurs {ind.period} — établi le {made_on:%d/%m/%Y}"
        )
        canvas.drawRightString(page[0] - 14 * mm, 9 * mm, f"Page {document.page}")
        canvas.restoreState()

    story: list[Any] = [
        Paragraph("Indicateurs de la convention (art. 4)", h1),
        Paragraph(f"Période {ind.period}. Établi le {made_on:%d/%m/%Y} par HousingMatch.", base),
        Paragraph(
            "Délais en jours. Trajets domicile-travail estimés hors réseau : avant, depuis la "
            "commune du logement actuel ; après, depuis le logement attribué. « — » : sans objet.",
            base,
        ),
        Spacer(1, 4 * mm),
    ]
    width = page[0] - 28 * mm
    for table in [*tables(ind), *extra]:
        header = [Paragraph(f"<b>{c}</b>", small) for c in table.columns]
        body = [
            [
                Paragraph(NOT_APPLICABLE if _na(table, i + 1, v) else cell_text(v), small)
                for i, v in enumerate(row)
            ]
            for row in table.rows
        ] or [[Paragraph("Aucune donnée sur la période.", small)] + [""] * (len(table.columns) - 1)]
        first = min(55 * mm, width / 3) if len(table.columns) > 2 else width / 2
        rest = (width - first) / max(len(table.columns) - 1, 1)
        grid = PdfTable(
            [header, *body], colWidths=[first] + [rest] * (len(table.columns) - 1), repeatRows=1
        )
        grid.setStyle(
            TableStyle([
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f1")),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9aa7b5")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
            ])
        )  # fmt: skip
        story += [Paragraph(table.title, h2), grid, Spacer(1, 4 * mm)]
    for n, chart in enumerate(charts(ind)):
        height = 230 if not chart.horizontal else max(120, 40 + 16 * len(chart.categories))
        heading = [Paragraph("Graphiques", h2)] if n == 0 else []
        story.append(
            KeepTogether([*heading, _chart_drawing(chart, width, height), Spacer(1, 5 * mm)])
        )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
