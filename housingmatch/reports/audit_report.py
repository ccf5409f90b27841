"""The audit report of the matching: a PDF a director can sign and an XLSX an analyst can filter.

It holds, for a period, the counts (proposals, deviations by kind, decisions, refusals by coded
reason and by tag), the list of deviations with their reasons, the replay of every receipt,
the supervisors' sign-offs, the result of the audit log's verification and the hash of the last
signed checkpoint. The figures are gathered by ``services.review.audit_report``; this module
only lays them out (French, dated, paginated "page 2 / 5").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

Count = tuple[str, int]


@dataclass(frozen=True, slots=True)
class DeviationLine:
    """One flag raised on a proposal of the period, with its reason."""

    proposal_id: int
    unit_ref: str
    advisor: str
    kind: str  # the flag's French label
    detail: str
    verdict: str = ""  # the latest sign-off's verdict label, "" when not signed off


@dataclass(frozen=True, slots=True)
class ReplayLine:
    """The replay of one proposal's receipt."""

    proposal_id: int
    unit_ref: str
    result: str  # "identique", "différent", "impossible"
    detail: str


@dataclass(frozen=True, slots=True)
class SignOffLine:
    """One supervisor's sign-off of the period."""

    proposal_id: int
    unit_ref: str
    verdict: str
    by: str
    at: datetime
    comment: str
    checkpoint_hash: str


@dataclass(frozen=True, slots=True)
class ProposalLine:
    """One proposal of the period, as the XLSX lists it."""

    proposal_id: int
    unit_ref: str
    landlord: str
    commune: str
    advisor: str
    created_on: date
    sent_on: date | None
    state: str
    candidates: int
    flags: str
    verdict: str


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The figures of the audit report of a period (creation dates of the proposals)."""

    start: date
    end: date
    made_at: datetime
    made_by: str
    rulesets: tuple[str, ...]
    proposals: int
    sent: int
    by_state: tuple[Count, ...]
    deviations_by_kind: tuple[Count, ...]
    decisions: tuple[Count, ...]
    refusals_by_reason: tuple[Count, ...]
    refusals_by_tag: tuple[Count, ...]
    deviations: tuple[DeviationLine, ...]
    replays: tuple[ReplayLine, ...]
    sign_offs: tuple[SignOffLine, ...]
    verify_ok: bool
    verify_summary: str
    verify_findings: tuple[str, ...] = ()
    last_checkpoint_hash: str | None = None
    last_checkpoint: str = ""
    lines: tuple[ProposalLine, ...] = field(default_factory=tuple)

    @property
    def flagged(self) -> int:
        """Return how many proposals carry at least one flag."""
        return len({d.proposal_id for d in self.deviations})

    @property
    def replays_identical(self) -> int:
        """Return how many receipts replayed to the ranking they kept."""
        return sum(1 for r in self.replays if r.result == "identique")

    def to_dict(self) -> dict[str, Any]:
        """Return the report as the ``audit report --json`` object."""
        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "made_at": self.made_at.isoformat(),
            "made_by": self.made_by,
            "rulesets": list(self.rulesets),
            "proposals": self.proposals,
            "sent": self.sent,
            "flagged": self.flagged,
            "by_state": dict(self.by_state),
            "deviations_by_kind": dict(self.deviations_by_kind),
            "decisions": dict(self.decisions),
            "refusals_by_reason": dict(self.refusals_by_reason),
            "refusals_by_tag": dict(self.refusals_by_tag),
            "deviations": [
                {"proposal": d.proposal_id, "unit": d.unit_ref, "advisor": d.advisor,
                 "kind": d.kind, "detail": d.detail, "verdict": d.verdict}
                for d in self.deviations
            ],
            "replays": [
                {"proposal": r.proposal_id, "unit": r.unit_ref, "result": r.result,
                 "detail": r.detail}
                for r in self.replays
            ],
            "sign_offs": [
                {"proposal": s.proposal_id, "unit": s.unit_ref, "verdict": s.verdict,
                 "by": s.by, "at": s.at.isoformat(), "comment": s.comment,
                 "checkpoint": s.checkpoint_hash}
                for s in self.sign_offs
            ],
            "verification": {
                "ok": self.verify_ok,
                "summary": self.verify_summary,
                "findings": list(self.verify_findings),
            },
            "last_checkpoint": {"hash": self.last_checkpoint_hash, "text": self.last_checkpoint},
        }  # fmt: skip


def _day(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


def _local(d: datetime) -> datetime:
    """Return a time in local time without its zone (what a spreadsheet cell holds)."""
    return d.astimezone().replace(tzinfo=None) if d.tzinfo is not None else d


def _stamp(d: datetime) -> str:
    """Return a time as users read it: local time (a sign-off is stored in UTC)."""
    if d.tzinfo is not None:
        d = d.astimezone()
    return d.strftime("%d/%m/%Y %H:%M")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- PDF --------------------------------------------------------------------------------------
class _NumberedCanvas(pdf_canvas.Canvas):
    """A canvas that writes "page n / total" once the total is known (two passes)."""

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        """Keep the page's state instead of emitting it (emitted in :meth:`save`)."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Emit every page with its "page n / total" footer."""
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont("Helvetica", 7)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(15 * mm, 10 * mm, self.footer_left)
            self.drawRightString(A4[0] - 15 * mm, 10 * mm, f"page {self._pageNumber} / {total}")
            super().showPage()
        super().save()


def _styles() -> dict[str, ParagraphStyle]:
    sample = getSampleStyleSheet()
    base = ParagraphStyle("base", parent=sample["Normal"], fontName="Helvetica", fontSize=9,
                          leading=11.5)  # fmt: skip
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "head": ParagraphStyle("head", parent=base, fontName="Helvetica-Bold", fontSize=7.5,
                               leading=9.5, textColor=colors.white),
        "title": ParagraphStyle("title", parent=sample["Title"], fontName="Helvetica-Bold",
                                fontSize=16, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=sample["Heading2"], fontName="Helvetica-Bold",
                             fontSize=11, spaceBefore=9, spaceAfter=4,
                             textColor=colors.HexColor("#1f4e79"), keepWithNext=1),
    }  # fmt: skip


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], st: Any
) -> Table:
    data = [[Paragraph(_esc(h), st["head"]) for h in header]]
    data += [[Paragraph(_esc(str(v)), st["small"]) for v in row] for row in rows]
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7fa")]),
        ])
    )  # fmt: skip
    return table


def _counts(title: str, counts: Sequence[Count], st: Any, empty: str) -> list[Flowable]:
    """Return a titled table of counts, half the page wide (two side by side)."""
    out: list[Flowable] = [Paragraph(title, st["h2"])]
    if not counts:
        return [*out, Paragraph(empty, st["base"])]
    return [*out, _table(["Libellé", "Nombre"], [(k, str(v)) for k, v in counts], [70, 17], st)]


def _side_by_side(left: list[Flowable], right: list[Flowable]) -> Table:
    """Return two columns of flowables on one row."""
    table = Table([[left, right]], colWidths=[90 * mm, 90 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm)]))  # fmt: skip
    return table


def _signature_block(st: Any) -> Flowable:
    cell = Paragraph(
        "Fait à ........................................, le ......../......../............<br/><br/>"
        "Nom et qualité du signataire :<br/><br/><br/>Signature :<br/><br/><br/><br/>",
        st["base"],
    )
    table = Table([[Paragraph("<b>Visa de la direction</b>", st["base"])], [cell]],
                  colWidths=[100 * mm], hAlign="RIGHT")  # fmt: skip
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.3, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7"))]))  # fmt: skip
    return KeepTogether([Spacer(1, 8 * mm), table])


def write_pdf(report: AuditReport, path: Path) -> None:
    """Write the report as an A4 PDF (French, dated, "page n / total", a signature block)."""
    st = _styles()
    period = f"du {_day(report.start)} au {_day(report.end)}"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title=f"Rapport d'audit du rapprochement {period}",
        author="Action Logement Services", subject="Rapport d'audit du rapprochement",
    )  # fmt: skip
    story: list[Flowable] = [
        Paragraph("Rapport d'audit du rapprochement", st["title"]),
        Paragraph(
            f"Propositions créées <b>{period}</b> — établi le {_stamp(report.made_at)} par "
            f"{_esc(report.made_by)}",
            st["base"],
        ),
        Paragraph("Règles de classement en vigueur sur la période", st["h2"]),
    ]
    story += [Paragraph(f"• {_esc(r)}", st["base"]) for r in report.rulesets] or [
        Paragraph("Aucun jeu de règles approuvé.", st["base"])
    ]
    story.append(Paragraph("Synthèse", st["h2"]))
    summary = [
        ("Propositions de la période", str(report.proposals)),
        ("Propositions envoyées à la CALEOL", str(report.sent)),
        ("Propositions signalées (au moins un écart)", str(report.flagged)),
        ("Reçus rejoués à l'identique", f"{report.replays_identical} / {len(report.replays)}"),
        ("Contrôles signés (validée / à revoir)", str(len(report.sign_offs))),
        ("Vérification du journal d'audit", "conforme" if report.verify_ok else "ANOMALIES"),
    ]
    story.append(_table(["Indicateur", "Valeur"], summary, [150, 30], st))
    story.append(_side_by_side(
        _counts("Propositions par état", report.by_state, st, "Aucune proposition."),
        _counts("Écarts par nature", report.deviations_by_kind, st, "Aucun écart relevé."),
    ))  # fmt: skip
    story.append(_side_by_side(
        _counts("Décisions de la CALEOL", report.decisions, st, "Aucune décision saisie."),
        _counts("Refus par étiquette", report.refusals_by_tag, st, "Aucun refus."),
    ))  # fmt: skip
    story += _counts("Refus par motif codé", report.refusals_by_reason, st, "Aucun refus.")
    story.append(Paragraph("Écarts relevés et leurs motifs", st["h2"]))
    if report.deviations:
        rows = [(f"n° {d.proposal_id}", d.unit_ref, d.advisor, d.kind, d.detail, d.verdict or "—")
                for d in report.deviations]  # fmt: skip
        story.append(_table(["Prop.", "Logement", "Conseiller", "Écart", "Motif et détail",
                             "Contrôle"], rows, [12, 28, 18, 30, 74, 18], st))  # fmt: skip
    else:
        story.append(Paragraph("Aucun écart relevé sur la période.", st["base"]))
    story.append(Paragraph("Rejeu des reçus de classement", st["h2"]))
    differing = [r for r in report.replays if r.result != "identique"]
    story.append(Paragraph(
        f"{len(report.replays)} reçu(s) rejoué(s) : {report.replays_identical} redonnent à "
        f"l'identique le classement conservé"
        + (" ; les autres sont listés ci-dessous (le classeur XLSX détaille chaque rejeu)."
           if differing else "."),
        st["base"],
    ))  # fmt: skip
    if differing:
        replays = [(f"n° {r.proposal_id}", r.unit_ref, r.result, r.detail) for r in differing]
        story.append(_table(["Prop.", "Logement", "Résultat", "Détail"], replays,
                            [12, 28, 20, 120], st))  # fmt: skip
    story.append(Paragraph("Contrôles des superviseurs", st["h2"]))
    if report.sign_offs:
        offs = [(f"n° {s.proposal_id}", s.unit_ref, s.verdict, s.by, _stamp(s.at), s.comment,
                 s.checkpoint_hash[:16]) for s in report.sign_offs]  # fmt: skip
        story.append(_table(["Prop.", "Logement", "Avis", "Par", "Le", "Commentaire",
                             "Point de contrôle"], offs, [12, 28, 15, 20, 25, 52, 28], st))  # fmt: skip
    else:
        story.append(Paragraph("Aucun contrôle signé sur la période.", st["base"]))
    story.append(Paragraph("Intégrité du journal d'audit", st["h2"]))
    story.append(Paragraph(_esc(report.verify_summary), st["base"]))
    story += [Paragraph(f"• {_esc(f)}", st["small"]) for f in report.verify_findings[:50]]
    checkpoint = (
        f"Dernier point de contrôle signé : {_esc(report.last_checkpoint)}<br/>"
        f"Empreinte : <font name='Courier'>{report.last_checkpoint_hash}</font>"
        if report.last_checkpoint_hash
        else "Aucun point de contrôle n'a été signé."
    )
    story += [Spacer(1, 2 * mm), Paragraph(checkpoint, st["base"]), _signature_block(st)]

    footer = f"Rapport d'audit du rapprochement {period} — établi le {_stamp(report.made_at)}"

    class Canvas(_NumberedCanvas):
        footer_left = footer

    doc.build(story, canvasmaker=Canvas)


# -- XLSX -------------------------------------------------------------------------------------
def write_xlsx(report: AuditReport, path: Path) -> None:
    """Write the report as a workbook: one sheet per table, each with an autofilter."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)

    def sheet(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        ws = book.create_sheet(title)
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = PatternFill("solid", fgColor="1F4E79")
        for row in rows:
            ws.append(list(row))
            for cell, value in zip(ws[ws.max_row], row, strict=False):
                if isinstance(value, datetime):
                    cell.number_format = "DD/MM/YYYY HH:MM"
                elif isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 2)}"
        ws.freeze_panes = "A2"
        for i, h in enumerate(header, start=1):
            width = max([len(str(h))] + [len(str(r[i - 1] or "")) for r in rows])
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)

    period = f"{_day(report.start)} – {_day(report.end)}"
    sheet("Synthèse", ["Indicateur", "Valeur"], [
        ("Période (création des propositions)", period),
        ("Établi le", _stamp(report.made_at)),
        ("Établi par", report.made_by),
        ("Propositions", report.proposals),
        ("Envoyées à la CALEOL", report.sent),
        ("Signalées", report.flagged),
        ("Reçus rejoués à l'identique", report.replays_identical),
        ("Reçus rejoués", len(report.replays)),
        ("Contrôles signés", len(report.sign_offs)),
        ("Journal d'audit", report.verify_summary),
        ("Dernier point de contrôle", report.last_checkpoint_hash or "aucun"),
        *(("Règles en vigueur", r) for r in report.rulesets),
    ])  # fmt: skip
    counts = [("État", k, v) for k, v in report.by_state]
    counts += [("Écart", k, v) for k, v in report.deviations_by_kind]
    counts += [("Décision", k, v) for k, v in report.decisions]
    counts += [("Refus par motif", k, v) for k, v in report.refusals_by_reason]
    counts += [("Refus par étiquette", k, v) for k, v in report.refusals_by_tag]
    sheet("Décomptes", ["Tableau", "Libellé", "Nombre"], counts)
    sheet("Propositions", ["Proposition", "Logement", "Bailleur", "Commune", "Conseiller",
                           "Créée le", "Envoyée le", "État", "Candidats", "Écarts", "Contrôle"],
          [(x.proposal_id, x.unit_ref, x.landlord, x.commune, x.advisor, x.created_on,
            x.sent_on, x.state, x.candidates, x.flags, x.verdict) for x in report.lines])  # fmt: skip
    sheet("Écarts", ["Proposition", "Logement", "Conseiller", "Écart", "Motif et détail",
                     "Contrôle"],
          [(d.proposal_id, d.unit_ref, d.advisor, d.kind, d.detail, d.verdict)
           for d in report.deviations])  # fmt: skip
    sheet("Rejeux", ["Proposition", "Logement", "Résultat", "Détail"],
          [(r.proposal_id, r.unit_ref, r.result, r.detail) for r in report.replays])  # fmt: skip
    sheet("Contrôles", ["Proposition", "Logement", "Avis", "Par", "Le", "Commentaire",
                        "Point de contrôle"],
          [(s.proposal_id, s.unit_ref, s.verdict, s.by, _local(s.at), s.comment,
            s.checkpoint_hash) for s in report.sign_offs])  # fmt: skip
    sheet("Vérification", ["Constat"], [(f,) for f in report.verify_findings] or
          [(report.verify_summary,)])  # fmt: skip
    book.save(path)
