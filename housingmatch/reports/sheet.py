"""The *fiche de proposition*: one A4 PDF per unit for the landlord's commission (CALEOL).

It holds only what the commission needs: the unit, the ordered candidates with their
household, resources against the ceiling, priority groups and legal priorities, estimated
commute and seniority, and the reasons for any deviation from the ranking. No internal note.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


@dataclass(frozen=True, slots=True)
class SheetCandidate:
    """One candidate as the commission reads it."""

    position: int
    ref: str
    name: str
    household: str
    category: str
    resources: float
    ceiling: float | None
    groups: tuple[str, ...]
    legal: tuple[str, ...]
    commute_minutes: float | None
    seniority_months: int
    engine_rank: int | None


@dataclass(frozen=True, slots=True)
class SheetData:
    """Everything printed on one sheet."""

    proposal_id: int
    unit_ref: str
    unit_lines: tuple[tuple[str, str], ...]
    candidates: tuple[SheetCandidate, ...]
    commission_date: date | None
    sent_on: date | None
    ranking_date: date
    ruleset: str
    deviations: tuple[str, ...] = field(default_factory=tuple)


def _money(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f} €".replace(",", "\u202f")


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "—"


def write_sheet(data: SheetData, path: Path) -> None:
    """Write the sheet of one proposal as an A4 PDF."""
    styles = getSampleStyleSheet()
    base = ParagraphStyle(
        "base", parent=styles["Normal"], fontName="Helvetica", fontSize=9, leading=11
    )
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, alignment=TA_LEFT)
    head = ParagraphStyle(
        "head",
        parent=base,
        fontName="Helvetica-Bold",
        fontSize=8,
        leading=10,
        textColor=colors.white,
    )
    title = ParagraphStyle("title", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=15)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold", fontSize=11,
                        spaceBefore=8, spaceAfter=4)  # fmt: skip

    def footer(canvas: object, doc: object) -> None:
        c = canvas  # reportlab's canvas
        c.saveState()  # type: ignore[attr-defined]
        c.setFont("Helvetica", 7)  # type: ignore[attr-defined]
        c.drawString(  # type: ignore[attr-defined]
            15 * mm, 10 * mm,
            f"Proposition n° {data.proposal_id} — classement du {_day(data.ranking_date)} — "
            f"règles {data.ruleset}",
        )  # fmt: skip
        c.drawRightString(A4[0] - 15 * mm, 10 * mm, f"page {doc.page}")  # type: ignore[attr-defined]
        c.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title=f"Fiche de proposition {data.unit_ref}",
        author="Action Logement Services", subject="Proposition de candidats à la CALEOL",
    )  # fmt: skip
    story: list[object] = [
        Paragraph("Fiche de proposition de candidats", title),
        Paragraph(
            f"Réservataire : Action Logement Services — commission d'attribution (CALEOL) du "
            f"<b>{_day(data.commission_date)}</b> — envoyée le {_day(data.sent_on)}",
            base,
        ),
        Spacer(1, 4 * mm),
        Paragraph(f"Logement {data.unit_ref}", h2),
    ]
    unit_rows = [[Paragraph(f"<b>{k}</b>", small), Paragraph(v, small)] for k, v in data.unit_lines]
    unit_table = Table(unit_rows, colWidths=[45 * mm, 135 * mm])
    unit_table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
    )  # fmt: skip
    story += [unit_table, Paragraph("Candidats proposés, par ordre de priorité", h2)]
    header = [
        "Rang",
        "Candidat et ménage",
        "Ressources / plafond",
        "Priorités",
        "Trajet",
        "Ancienneté",
    ]
    rows: list[list[object]] = [[Paragraph(h, head) for h in header]]
    for c in data.candidates:
        ratio = f" ({c.resources / c.ceiling:.0%})" if c.ceiling else ""
        priorities = list(c.groups) + list(c.legal)
        rows.append([
            Paragraph(f"<b>{c.position}</b><br/>classé {c.engine_rank or '—'}", small),
            Paragraph(f"<b>{c.name}</b><br/>{c.ref}<br/>{c.household}<br/>{c.category}", small),
            Paragraph(f"{_money(c.resources)}<br/>plafond {_money(c.ceiling)}{ratio}", small),
            Paragraph("<br/>".join(priorities) or "—", small),
            Paragraph(f"{c.commute_minutes:.0f} min" if c.commute_minutes is not None else "—", small),
            Paragraph(f"{c.seniority_months} mois", small),
        ])  # fmt: skip
    table = Table(
        rows, colWidths=[15 * mm, 52 * mm, 33 * mm, 44 * mm, 14 * mm, 22 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
        ])
    )  # fmt: skip
    story += [table, Paragraph("Écarts au classement et exceptions", h2)]
    if data.deviations:
        story += [Paragraph(f"• {line}", base) for line in data.deviations]
    else:
        story.append(Paragraph("Aucun : les candidats suivent l'ordre du classement.", base))
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            "Classement établi selon les règles indiquées en pied de page ; la commission "
            "d'attribution décide (CCH R441-3). Ressources : revenu fiscal de référence du "
            "ménage ; plafond du financement du logement pour sa catégorie.",
            small,
        ),
    ]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def write_proposals_xlsx(rows: Sequence[dict[str, object]], path: Path) -> None:
    """Write a list of proposals (one row per candidate) as an XLSX workbook."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Propositions"
    headers = list(rows[0]) if rows else ["proposition"]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for row in rows:
        sheet.append([row.get(h) for h in headers])  # type: ignore[misc]
    for i, h in enumerate(headers, start=1):
        width = max([len(str(h))] + [len(str(r.get(h) or "")) for r in rows])
        sheet.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 45)
    sheet.freeze_panes = "A2"
    book.save(path)
