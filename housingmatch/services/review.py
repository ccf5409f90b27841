"""The supervisor's review (*Contrôle*): every proposal with its flags, one in full, sign-offs.

The flags are decided by :mod:`housingmatch.rules.review`; this module gathers their facts
(the unit's deadline, the rule set in force on the ranking date, the replay of the receipt,
the requests' states) and the supervisor's sign-offs, each tied to an audit checkpoint.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from housingmatch import __version__
from housingmatch.domain.model import RequestStatus, Unit
from housingmatch.domain.proposal import Answer, Proposal
from housingmatch.domain.review import (
    ReviewDetail,
    ReviewFilter,
    ReviewFlag,
    ReviewRow,
    SignOff,
    Verdict,
)
from housingmatch.domain.session import Session
from housingmatch.errors import JobCancelled, UserError
from housingmatch.files import atomic_path, check_output_path
from housingmatch.matching.results import PART_LABELS, PART_ORDER
from housingmatch.reports.audit_report import (
    AuditReport,
    DeviationLine,
    ProposalLine,
    ReplayLine,
    SignOffLine,
    write_pdf,
    write_xlsx,
)
from housingmatch.rules import proposal_flow as flow
from housingmatch.rules import review as rules
from housingmatch.rules.groups import GROUP_LABELS, priority_groups
from housingmatch.rules.permissions import Action, allowed, require
from housingmatch.rules.ruleset import GroupRules
from housingmatch.services import matching
from housingmatch.services import proposals as svc
from housingmatch.services.audit import (
    AuditFilter,
    audit_rows,
    create_checkpoint,
    verify_database,
)
from housingmatch.services.replay import ReplayReport, replay_proposal
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@cache
def commune_name(code: str) -> str:
    """Return the name of a commune from its INSEE code (the code itself when unknown)."""
    from housingmatch.geo import default_gazetteer

    commune = default_gazetteer().get(code) if code else None
    return commune.nom if commune is not None else code


@dataclass
class _Context:
    """What every row of one listing shares (read once)."""

    units: dict[str, Unit]
    notices: dict[str, date]
    names: dict[str, str]
    delay_months: int
    min_candidates: int
    in_force: dict[date, str | None]
    groups: dict[date, GroupRules]

    @classmethod
    def read(cls, store: Store) -> _Context:
        """Read the units, notice dates, rule set names and the workflow's numbers."""
        proposal_rules = svc.proposal_rules(store)
        return cls(
            units={u.ref: u for u in store.units.all()},
            notices=store.proposals.unit_notice_dates(),
            names={r.content_hash: f"{r.name} {r.version}" for r in store.rulesets.all()},
            delay_months=proposal_rules.proposal_delay_months,
            min_candidates=rules.MIN_CANDIDATES,
            in_force={},
            groups={},
        )

    def in_force_on(self, store: Store, on: date) -> str | None:
        """Return the hash of the approved rule set in force on a day (None: none was)."""
        if on not in self.in_force:
            found = store.rulesets.in_force(on)
            self.in_force[on] = found[0] if found else None
        return self.in_force[on]

    def group_rules(self, store: Store, on: date) -> GroupRules:
        """Return the priority-group definitions of the rules used on a day."""
        if on not in self.groups:
            self.groups[on] = matching.active_ruleset(store, on).groups
        return self.groups[on]


def _replay(
    store: Store, session: Session, proposal_id: int, fresh: bool = False
) -> tuple[ReplayReport | None, str | None]:
    """Return the replay of a receipt, or the French reason it cannot be replayed.

    The result of the last replay of the same receipt bytes by the same version is reused
    unless ``fresh`` (the audit report and the detail replay afresh and refresh what is kept).
    """
    blob = store.proposals.receipt(proposal_id)
    digest = hashlib.sha256(blob).hexdigest() if blob else ""
    if blob and not fresh:
        kept = store.reviews.cached_replay(proposal_id, digest, __version__)
        if kept is not None:
            return ReplayReport(proposal_id, False, kept), None
    try:
        report = replay_proposal(store, session, proposal_id)
    except UserError as exc:
        return None, str(exc)
    except (ValueError, KeyError, TypeError, zlib.error) as exc:  # a damaged receipt
        name = type(exc).__name__
        return None, f"Le reçu de la proposition {proposal_id} est illisible ({name})."
    if blob:
        store.reviews.keep_replay(proposal_id, digest, __version__, report.differences)
    return report, None


def _unit_deadline(ctx: _Context, unit: Unit | None, p: Proposal) -> date | None:
    if unit is None:
        return None
    notice = ctx.notices.get(p.unit_ref)
    if notice is None:
        return unit.proposal_deadline
    return flow.unit_proposal_deadline(notice, unit.proposal_deadline, ctx.delay_months)


def _row(
    store: Store,
    session: Session,
    ctx: _Context,
    p: Proposal,
    sign_off: SignOff | None,
    replay: bool = True,
    fresh: bool = False,
) -> tuple[ReviewRow, ReplayReport | None]:
    unit = ctx.units.get(p.unit_ref)
    chosen = rules.sent_list(p)
    requests = store.requests.get_many(list(chosen))
    closed = {}
    for ref, request in requests.items():
        if request.status is not RequestStatus.CLOSE:
            continue
        if p.closed_on is None or request.closed_on is None or request.closed_on <= p.closed_on:
            closed[ref] = request.close_reason or "close"
    report, error = _replay(store, session, p.id or 0, fresh) if replay else (None, None)
    facts = rules.ReviewFacts(
        unit_deadline=_unit_deadline(ctx, unit, p),
        in_force_hash=ctx.in_force_on(store, p.ranking_date),
        ruleset_names=ctx.names,
        replay_differences=report.differences if report else None,
        replay_error=error,
        closed_requests=closed,
        min_candidates=ctx.min_candidates,
    )
    groups: list[str] = []
    group_rules = ctx.group_rules(store, p.ranking_date)
    for ref in chosen:
        found = requests.get(ref)
        if found is None:
            continue
        for g in priority_groups(found, p.ranking_date, group_rules):
            if GROUP_LABELS[g] not in groups:
                groups.append(GROUP_LABELS[g])
    row = ReviewRow(
        proposal_id=p.id or 0,
        unit_ref=p.unit_ref,
        landlord=unit.landlord if unit else "",
        commune=unit.commune if unit else "",
        advisor=p.advisor,
        created_on=p.created_on,
        sent_on=p.sent_on,
        state=p.state.label,
        candidates=len(chosen),
        flags=rules.review_flags(p, facts),
        priority_groups=tuple(groups),
        sign_off=sign_off,
        deviation=rules.deviation_reason(p) if p.deviation_code else "",
    )
    return row, report


def _in_period(p: Proposal, filt: ReviewFilter) -> bool:
    if filt.start is not None and p.created_on < filt.start:
        return False
    if filt.end is not None and p.created_on > filt.end:
        return False
    return not (filt.advisor and p.advisor != filt.advisor)


def _matches(row: ReviewRow, filt: ReviewFilter) -> bool:
    if filt.landlord and row.landlord != filt.landlord:
        return False
    if filt.commune and filt.commune not in (row.commune, commune_name(row.commune)):
        return False
    if filt.flag is not None and filt.flag not in row.flag_kinds:
        return False
    if filt.priority_group:
        wanted = {filt.priority_group}
        wanted |= {GROUP_LABELS[g] for g in GROUP_LABELS if g.value == filt.priority_group}
        if not wanted & set(row.priority_groups):
            return False
    return True


def review_rows(
    store: Store,
    session: Session,
    filt: ReviewFilter,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    replay: bool = True,
) -> list[ReviewRow]:
    """Return the proposals of a period matching a filter, with their flags, oldest first.

    ``replay`` replays every receipt (the *reçu non rejouable* flag); it is the slow part.
    """
    require(session, Action.REVIEW_READ)
    return [row for row, _, _ in _rows(store, session, filt, progress, cancelled, replay)]


def _rows(
    store: Store,
    session: Session,
    filt: ReviewFilter,
    progress: Progress | None,
    cancelled: Cancelled | None,
    replay: bool,
    fresh: bool = False,
) -> list[tuple[ReviewRow, ReplayReport | None, Proposal]]:
    ctx = _Context.read(store)
    chosen = [p for p in store.proposals.all() if _in_period(p, filt)]
    latest = {pid: items[-1] for pid, items in store.reviews.for_proposals(
        p.id or 0 for p in chosen).items()}  # fmt: skip
    out = []
    for done, p in enumerate(chosen):
        if cancelled is not None and cancelled():
            raise JobCancelled()
        if progress is not None:
            progress(done, len(chosen))
        row, report = _row(store, session, ctx, p, latest.get(p.id or 0), replay, fresh)
        if _matches(row, filt):
            out.append((row, report, p))
    if progress is not None:
        progress(len(chosen), len(chosen))
    return out


def review_detail(store: Store, session: Session, proposal_id: int) -> ReviewDetail:
    """Return one proposal in full: the ranking of the day beside the choice, replay, history."""
    require(session, Action.REVIEW_READ)
    p = svc.get_proposal(store, session, proposal_id)
    offs = store.reviews.for_proposals([proposal_id]).get(proposal_id, [])
    latest = offs[-1] if offs else None
    row, report = _row(store, session, _Context.read(store), p, latest, fresh=True)
    result = svc.result_of(store, p)
    lines: tuple = ()  # type: ignore[type-arg]
    if result is not None:
        labels = [PART_LABELS[part] for part in PART_ORDER]
        ranked = [(r[0], r[1], r[2], r[3]) for r in result.ranked]
        lines = rules.ranking_lines(p, ranked, labels)
    entries = audit_rows(store, session, AuditFilter(entity="proposition", ref=str(proposal_id)))
    return ReviewDetail(
        row=row,
        ranking=lines,
        above_chosen=rules.above_chosen(lines),
        replay=report,
        timeline=p.events,
        audit=tuple(reversed(entries)),
        sign_offs=tuple(offs),
        ranking_date=p.ranking_date,
        ruleset_hash=p.ruleset_hash,
    )


def sign_off(
    store: Store,
    session: Session,
    proposal_id: int,
    verdict: Verdict,
    comment: str,
    password: str,
) -> SignOff:
    """Record a supervisor's verdict on a proposal with an audit checkpoint signed with it.

    The checkpoint (the supervisor's password opens their signing key) and the sign-off are
    written in one transaction: a wrong password leaves nothing written.
    """
    require(session, Action.REVIEW_SIGN_OFF)
    svc.get_proposal(store, session, proposal_id)
    comment = (comment or "").strip()
    if verdict is Verdict.A_REVOIR and not comment:
        raise UserError("Une proposition « à revoir » demande un commentaire : dites quoi revoir.")
    with store.db.atomic():
        checkpoint = create_checkpoint(store, session, password)
        at = datetime.fromisoformat(checkpoint.at)
        made = SignOff(proposal_id, verdict, comment, session.user, at, checkpoint.head_hash)
        return store.reviews.add(made, checkpoint.id)


def sign_offs_for(
    store: Store, session: Session, proposal_ids: Iterable[int]
) -> dict[int, list[SignOff]]:
    """Return the sign-offs of proposals, oldest first; an advisor gets only their own proposals'."""
    require(session, Action.READ)
    found = store.reviews.for_proposals(proposal_ids)
    if allowed(session, Action.REVIEW_READ):
        return found
    mine = {}
    for pid, items in found.items():
        p = store.proposals.get(pid)
        if p is not None and p.advisor == session.user:
            mine[pid] = items
    return mine


def review_choices(store: Store, session: Session) -> dict[str, list[str]]:
    """Return the values the review's filters offer: advisors, landlords, communes, groups."""
    require(session, Action.REVIEW_READ)
    proposals = store.proposals.all()
    units = {u.ref: u for u in store.units.all()}
    mine = [units[p.unit_ref] for p in proposals if p.unit_ref in units]
    return {
        "advisors": sorted({p.advisor for p in proposals if p.advisor}),
        "landlords": sorted({u.landlord for u in mine if u.landlord}),
        "communes": sorted({u.commune for u in mine if u.commune}, key=commune_name),
        "priority_groups": list(GROUP_LABELS.values()),
        "flags": [f.value for f in ReviewFlag],
    }


# -- the audit report -------------------------------------------------------------------------
def _rulesets_of_period(store: Store, start: date, end: date, used: Counter[str]) -> list[str]:
    """Return, in French, the approved rule sets in force during a period and those used."""
    out = []
    in_force_at_start = store.rulesets.in_force(start)
    first = in_force_at_start[0] if in_force_at_start else None
    for state in store.rulesets.states():
        r = state.ruleset
        if state.in_force_from is None:
            continue
        if r.content_hash == first or start < state.in_force_from <= end:
            out.append(
                f"{r.name} {r.version} (empreinte {r.content_hash[:12]}), en vigueur depuis le "
                f"{state.in_force_from:%d/%m/%Y}"
            )
    names = {r.content_hash: f"{r.name} {r.version}" for r in store.rulesets.all()}
    for content_hash, n in used.most_common():
        out.append(
            f"Utilisées par {n} classement{'s' if n > 1 else ''} de la période : "
            f"{names.get(content_hash, 'règles inconnues')} (empreinte {content_hash[:12]})"
        )
    return out


def _replay_line(row: ReviewRow, report: ReplayReport | None) -> ReplayLine:
    if report is None:
        error = next((f.detail for f in row.flags if f.kind is ReviewFlag.RECU_NON_REJOUABLE), "")
        return ReplayLine(row.proposal_id, row.unit_ref, "impossible", error or "pas de reçu")
    if report.identical:
        return ReplayLine(row.proposal_id, row.unit_ref, "identique", "même classement")
    return ReplayLine(row.proposal_id, row.unit_ref, "différent", "; ".join(report.differences[:5]))


def audit_report(
    store: Store,
    session: Session,
    start: date,
    end: date,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AuditReport:
    """Gather the audit report of the proposals created in a period; write its PDF and XLSX."""
    require(session, Action.REVIEW_READ)
    if end < start:
        raise UserError(f"La période est inversée : le {end:%d/%m/%Y} précède le {start:%d/%m/%Y}.")
    for target in (xlsx, pdf):
        if target is not None:
            check_output_path(target, store.path)
    filt = ReviewFilter(start=start, end=end)
    found = _rows(store, session, filt, progress, cancelled, replay=True, fresh=True)
    ids = [row.proposal_id for row, _, _ in found]
    offs = store.reviews.for_proposals(ids)
    states: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    decisions: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    used: Counter[str] = Counter()
    deviations, replays, lines = [], [], []
    for row, report, p in found:
        states[row.state] += 1
        used[p.ruleset_hash] += 1
        verdict = row.sign_off.verdict.label if row.sign_off else ""
        for flag in row.flags:
            kinds[flag.kind.label] += 1
            deviations.append(DeviationLine(row.proposal_id, row.unit_ref, row.advisor,
                                            flag.kind.label, flag.detail, verdict))  # fmt: skip
        for c in p.candidates:
            if c.decision is not None:
                decisions[c.decision.label] += 1
            if c.answer is Answer.REFUSE and c.refusal_code is not None:
                info = c.refusal_code.info
                reasons[info.label] += 1
                tags[f"Refus du côté {info.side.value}"] += 1
                if info.attribute is not None:
                    tags[f"Porte sur : {info.attribute.value}"] += 1
        replays.append(_replay_line(row, report))
        lines.append(ProposalLine(
            row.proposal_id, row.unit_ref, row.landlord, commune_name(row.commune), row.advisor,
            row.created_on, row.sent_on, row.state, row.candidates,
            ", ".join(f.kind.label for f in row.flags), verdict,
        ))  # fmt: skip
    units = {row.proposal_id: row.unit_ref for row, _, _ in found}
    sign_offs = [
        SignOffLine(s.proposal_id, units[s.proposal_id], s.verdict.label, s.by, s.at, s.comment,
                    s.checkpoint_hash)
        for pid in ids for s in offs.get(pid, [])
    ]  # fmt: skip
    verified = verify_database(store, session, cancelled=cancelled)
    checkpoint = store.checkpoints.latest()
    report_out = AuditReport(
        start=start,
        end=end,
        made_at=datetime.now().replace(microsecond=0),
        made_by=session.label if session.authenticated else session.user,
        rulesets=tuple(_rulesets_of_period(store, start, end, used)),
        proposals=len(found),
        sent=sum(1 for _, _, p in found if p.sent_on is not None),
        by_state=tuple(states.most_common()),
        deviations_by_kind=tuple((f.label, kinds[f.label]) for f in ReviewFlag),
        decisions=tuple(decisions.most_common()),
        refusals_by_reason=tuple(reasons.most_common()),
        refusals_by_tag=tuple(sorted(tags.items(), key=lambda kv: (-kv[1], kv[0]))),
        deviations=tuple(deviations),
        replays=tuple(replays),
        sign_offs=tuple(sign_offs),
        verify_ok=verified.ok,
        verify_summary=verified.summary(),
        verify_findings=tuple(f.message for f in verified.findings),
        last_checkpoint_hash=checkpoint.head_hash if checkpoint else None,
        last_checkpoint=(
            f"entrée {checkpoint.entry_id} du journal, signé par {checkpoint.signer} le "
            f"{datetime.fromisoformat(checkpoint.at):%d/%m/%Y à %H:%M}"
            if checkpoint
            else ""
        ),
        lines=tuple(lines),
    )
    if xlsx is not None:
        with atomic_path(xlsx, database=store.path) as tmp:
            write_xlsx(report_out, tmp)
    if pdf is not None:
        with atomic_path(pdf, database=store.path) as tmp:
            write_pdf(report_out, tmp)
    return report_out


# -- JSON (the command line's --json) --------------------------------------------------------
def sign_off_to_dict(s: SignOff) -> dict[str, object]:
    """Return a sign-off as JSON."""
    return {
        "proposal": s.proposal_id,
        "verdict": s.verdict.value,
        "verdict_label": s.verdict.label,
        "comment": s.comment,
        "by": s.by,
        "at": s.at.isoformat(),
        "checkpoint": s.checkpoint_hash,
    }


def row_to_dict(row: ReviewRow) -> dict[str, object]:
    """Return a review row as the ``controle list --json`` object."""
    return {
        "proposal": row.proposal_id,
        "unit": row.unit_ref,
        "landlord": row.landlord,
        "commune": row.commune,
        "commune_name": commune_name(row.commune),
        "advisor": row.advisor,
        "created_on": row.created_on.isoformat(),
        "sent_on": row.sent_on.isoformat() if row.sent_on else None,
        "state": row.state,
        "candidates": row.candidates,
        "flags": [
            {"kind": f.kind.value, "label": f.kind.label, "detail": f.detail} for f in row.flags
        ],
        "priority_groups": list(row.priority_groups),
        "deviation": row.deviation or None,
        "sign_off": sign_off_to_dict(row.sign_off) if row.sign_off else None,
    }


def detail_to_dict(detail: ReviewDetail) -> dict[str, object]:
    """Return a proposal's review as the ``controle show --json`` object."""
    return {
        **row_to_dict(detail.row),
        "ranking_date": detail.ranking_date.isoformat() if detail.ranking_date else None,
        "ruleset_hash": detail.ruleset_hash,
        "ranking": [
            {
                "rank": x.rank,
                "ref_demande": x.request_ref,
                "score": x.score,
                "parts": dict(x.parts),
                "chosen": x.chosen,
                "position": x.position,
                "note": x.note or None,
            }
            for x in detail.ranking
        ],
        "above_chosen": list(detail.above_chosen),
        "replay": detail.replay.to_dict() if detail.replay else None,
        "timeline": [
            {"kind": e.kind.value, "on": e.on.isoformat(), "actor": e.actor, "summary": e.summary}
            for e in detail.timeline
        ],
        "audit": [
            {"id": a.id, "at": a.at, "actor": a.actor, "action": a.action, "summary": a.summary}
            for a in detail.audit
        ],
        "sign_offs": [sign_off_to_dict(s) for s in detail.sign_offs],
    }
