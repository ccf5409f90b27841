"""The proposal sheet (PDF, one per unit) and the XLSX list of proposals, from the store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from housingmatch.domain.model import label, typology_name
from housingmatch.domain.proposal import ProposalState
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.geo import default_gazetteer
from housingmatch.reports.sheet import SheetCandidate, SheetData, write_proposals_xlsx, write_sheet
from housingmatch.rules.dates import seniority_months
from housingmatch.rules.groups import GROUP_LABELS, priority_groups
from housingmatch.rules.household import household_category
from housingmatch.rules.permissions import Action, require
from housingmatch.services import matching
from housingmatch.services import proposals as svc
from housingmatch.store import Store


def _commune(code: str) -> str:
    found = default_gazetteer().get(code)
    return found.nom if found else code


def _eur(value: float) -> str:
    return f"{value:.2f} €".replace(".", ",")


def sheet_data(
    store: Store, session: Session, proposal_id: int, on: date | None = None
) -> SheetData:
    """Gather what the commission reads about one proposal (no internal note)."""
    require(session, Action.READ)
    p = svc.get_proposal(store, session, proposal_id)
    on = on or p.sent_on or date.today()
    unit = store.units.get(p.unit_ref)
    if unit is None:
        raise UserError(f"Aucun logement n'a la référence « {p.unit_ref} ».")
    rules = matching.active_ruleset(store)
    table = matching.matching_context(store, rules).ceilings
    zone = default_gazetteer().zone_abc(unit.commune)
    result = svc.result_of(store, p)
    commute = {r[0]: r[4] for r in result.ranked} if result else {}
    floor = (
        "rez-de-chaussée" if unit.floor == 0 else (f"{unit.floor}e étage" if unit.floor else "—")
    )
    unit_lines = [
        ("Bailleur", unit.landlord + (f" — {unit.programme}" if unit.programme else "")),
        ("Adresse", ", ".join(x for x in (unit.address, _commune(unit.commune)) if x)),
        ("Typologie", f"{typology_name(unit.typology)}, {unit.surface:g} m²".replace(".", ",")),
        ("Étage", f"{floor}, {'avec' if unit.lift else 'sans'} ascenseur"
                  + (", accessible PMR" if unit.accessible_pmr else "")),
        ("Financement", f"{unit.financing.value} (zone {zone or '—'})"),
        ("Loyer", f"{_eur(unit.rent)} + {_eur(unit.charges)} de charges = {_eur(unit.total_rent)}"),
        ("Disponible le", unit.available_on.strftime("%d/%m/%Y") if unit.available_on else "—"),
    ]  # fmt: skip
    if unit.qpv:
        unit_lines.append(("Quartier prioritaire", unit.qpv))
    candidates = []
    for c in p.listed:
        request = store.requests.get(c.request_ref)
        if request is None:
            continue
        h = request.household
        category = household_category(h, request.applicant.birth_date, on)
        try:
            ceiling: float | None = table.ceiling(
                on.year, unit.financing, category.category, category.extra_persons, zone
            ).amount
        except Exception:  # a missing ceiling is shown as unknown, never guessed
            ceiling = None
        legal = (["DALO"] if request.dalo else []) + [f"L441-1 : {label(x)}" for x in request.l441]
        candidates.append(
            SheetCandidate(
                position=c.position or 0,
                ref=request.ref,
                name=f"{request.applicant.last_name.upper()} {request.applicant.first_name}",
                household=f"{h.persons} personne(s), dont {h.dependants} à charge",
                category=category.label,
                resources=h.fiscal_income,
                ceiling=ceiling,
                groups=tuple(GROUP_LABELS[g] for g in priority_groups(request, on, rules.groups)),
                legal=tuple(legal),
                commute_minutes=commute.get(request.ref),
                seniority_months=seniority_months(request, on),
                engine_rank=c.engine_rank,
            )
        )
    deviations = []
    if p.exception is not None:
        deviations.append(f"Moins de trois candidats : {p.exception.label} (CCH R441-3).")
    for c in p.candidates:
        if c.listed:
            continue
        why = c.release_code.label if c.release_code else (c.contact.label if c.contact else "")
        if c.withdrawal_code is not None:
            why += f" : {c.withdrawal_code.label.lower()}"
        deviations.append(f"Candidat classé {c.engine_rank} non présenté — {why}.")
    if p.deviation_code is not None:
        deviations.append(f"{p.deviation_code.label} : {p.deviation_text}")
    return SheetData(
        proposal_id=p.id or 0,
        unit_ref=p.unit_ref,
        unit_lines=tuple(unit_lines),
        candidates=tuple(candidates),
        commission_date=p.commission_date,
        sent_on=p.sent_on,
        ranking_date=p.ranking_date,
        ruleset=f"{rules.name} {rules.version} ({p.ruleset_hash[:12]})",
        deviations=tuple(deviations),
    )


def write_proposal_pdf(
    store: Store, session: Session, proposal_id: int, path: Path, on: date | None = None
) -> Path:
    """Write the proposal sheet of one proposal (A4 PDF) and return its path."""
    write_sheet(sheet_data(store, session, proposal_id, on), Path(path))
    return Path(path)


def write_proposals_workbook(
    store: Store, session: Session, path: Path, state: ProposalState | None = None
) -> Path:
    """Write the proposals, one row per candidate, as an XLSX workbook."""
    rows: list[dict[str, object]] = []
    for p in svc.list_proposals(store, session, state):
        for c in sorted(p.candidates, key=lambda c: (c.position is None, c.position or 0)):
            rows.append({
                "proposition": p.id,
                "logement": p.unit_ref,
                "état": p.state.label,
                "conseiller": p.advisor,
                "envoyée le": p.sent_on,
                "commission": p.commission_date,
                "demande": c.request_ref,
                "position": c.position,
                "rang moteur": c.engine_rank,
                "contact": c.contact.label if c.contact else None,
                "décision": c.decision.label if c.decision else None,
                "rang CALEOL": c.caleol_rank,
                "réponse": c.answer.label if c.answer else None,
                "motif de refus": c.refusal_code.label if c.refusal_code else None,
                "réponse avant le": c.answer_deadline,
                "bail le": c.leased_on,
            })  # fmt: skip
    write_proposals_xlsx(rows, Path(path))
    return Path(path)
