"""Proposal commands: ``proposal create|contact|send|adjourn|decide|answer|lease|show|list|reasons``
and ``replay``; each prints French text, or JSON with ``--json``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from housingmatch.cli.data import parse_day
from housingmatch.domain.proposal import (
    ContactOutcome,
    Decision,
    DeviationCode,
    ExceptionCode,
    NonAttributionCode,
    Proposal,
    ProposalState,
    RefusalReason,
    WithdrawalCode,
)
from housingmatch.domain.session import Session
from housingmatch.errors import UserError

E = TypeVar("E", bound=StrEnum)


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _code(enum: type[E], value: str | None, what: str) -> E | None:
    """Return the member of a coded list, or a French error naming the accepted codes."""
    if value is None:
        return None
    try:
        return enum(value.upper())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise UserError(f"Code {what} inconnu « {value} » (codes admis : {allowed}).") from None


def _today(args: argparse.Namespace) -> date:
    return args.date or date.today()


def _done(args: argparse.Namespace, store: Any, proposal: Proposal, message: str) -> int:
    from housingmatch.services import proposals as svc

    if args.json:
        _print_json(svc.proposal_to_dict(proposal, svc.next_action(store, proposal, _today(args))))
    else:
        print(message)
        print(
            f"État : {proposal.state.label}. Suite : {svc.next_action(store, proposal, _today(args))}"
        )
    return 0


def _create(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    refs = [r.strip() for r in args.candidates.split(",") if r.strip()]
    proposal = svc.create_proposal(
        store,
        session,
        args.unit,
        refs,
        on=args.date,
        exception=_code(ExceptionCode, args.exception, "d'exception"),
        deviation_code=_code(DeviationCode, args.reason_code, "de motif d'écart"),
        deviation_text=args.reason,
    )
    if args.json:
        _print_json(svc.proposal_to_dict(proposal))
    else:
        print(proposal.id)
    return 0


def _contact(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    outcome = _code(ContactOutcome, args.outcome, "de contact")
    assert outcome is not None
    p = svc.record_contact(
        store, session, args.id, args.ref, outcome,
        _code(WithdrawalCode, args.reason_code, "de désistement"), on=args.date,
    )  # fmt: skip
    return _done(args, store, p, f"Contact de {args.ref} enregistré : {outcome.label.lower()}.")


def _send(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc
    from housingmatch.services.sheets import write_proposal_pdf

    p = svc.send_proposal(store, session, args.id, args.commission_date, on=args.date)
    if args.pdf is not None:
        from housingmatch.services.sheets import write_proposal_pdf

        write_proposal_pdf(store, session, p.id or 0, args.pdf, on=_today(args))
    return _done(args, store, p, f"Proposition {p.id} envoyée à la CALEOL.")


def _adjourn(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    p = svc.adjourn_proposal(store, session, args.id, on=args.date, text=args.reason)
    return _done(args, store, p, f"Proposition {p.id} ajournée.")


def _decide(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    decision = _code(Decision, args.decision, "de décision")
    assert decision is not None
    p = svc.record_decision(
        store, session, args.id, args.candidate, decision, args.rank,
        _code(NonAttributionCode, args.reason_code, "de non-attribution"), on=args.date,
    )  # fmt: skip
    return _done(args, store, p, f"Décision pour {args.candidate} : {decision.label.lower()}.")


def _answer(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    p = svc.record_answer(
        store, session, args.id, args.candidate, args.accept,
        _code(RefusalReason, args.reason_code, "de refus"), on=args.date, park=args.park,
    )  # fmt: skip
    verb = "accepte" if args.accept else "refuse"
    return _done(args, store, p, f"{args.candidate} {verb} l'offre.")


def _lease(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    p = svc.record_lease(store, session, args.id, args.candidate, on=args.date)
    return _done(
        args, store, p, f"Bail signé par {args.candidate} : logement {p.unit_ref} attribué."
    )


def _show(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    p = svc.get_proposal(store, session, args.id)
    data = svc.proposal_to_dict(p, svc.next_action(store, p, _today(args)))
    if args.json:
        _print_json(data)
        return 0
    print(f"Proposition {p.id} — logement {p.unit_ref} — {p.state.label}")
    print(f"Suite : {data['next_action']}")
    if p.flag:
        print(f"À revoir : {p.flag}")
    for c in data["candidates"]:
        pos = c["position"] or "—"
        bits = [f"rang moteur {c['engine_rank']}"]
        for key in ("contact", "decision", "answer", "released"):
            if c[key]:
                bits.append(str(c[key]).lower())
        if c["answer_deadline"] and not c["answer"]:
            bits.append(f"réponse avant le {c['answer_deadline']}")
        print(f"  {pos}. {c['ref_demande']} : {', '.join(bits)}")
    for e in p.events:
        print(f"  {e.on:%d/%m/%Y} {e.kind.label} — {e.summary} ({e.actor})")
    return 0


def _list(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    state = _code(ProposalState, args.state, "d'état")
    found = svc.list_proposals(store, session, state)
    today = _today(args)
    if args.json:
        _print_json([svc.proposal_to_dict(p, svc.next_action(store, p, today)) for p in found])
        return 0
    for p in found:
        print(f"{p.id}\t{p.unit_ref}\t{p.state.label}\t{svc.next_action(store, p, today)}")
    return 0


def _reasons(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services import proposals as svc

    data = svc.reasons_catalogue()
    if args.json:
        _print_json(data)
        return 0
    for name, codes in data.items():
        print(f"[{name}]")
        for code, label in codes.items():
            if isinstance(label, dict):
                extra = f" ({label['cote']}" + (
                    f", {label['attribut']})" if label["attribut"] else ")"
                )
                label = label["libelle"] + extra
            print(f"  {code} : {label}")
    return 0


def _replay(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.services.replay import replay_proposal

    report = replay_proposal(store, session, args.id, args.against_current)
    if args.json:
        _print_json(report.to_dict())
    elif report.identical:
        print("identique")
    else:
        for line in report.differences:
            print(line)
        if report.causes:
            print("Pourquoi :")
            for line in report.causes:
                print(f"  {line}")
    return 0 if report.identical else 1


def _command(
    sub: Any, name: str, help_text: str, handler: Callable[[argparse.Namespace, Any, Session], int]
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_text)
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--date", type=parse_day, default=None, help="date de l'action (AAAA-MM-JJ)")
    p.set_defaults(handler=handler)
    return p


def register(subparsers: Any) -> None:
    """Add the ``proposal`` and ``replay`` commands."""
    top = subparsers.add_parser(
        "proposal", help="propositions à la CALEOL : préparer, envoyer, décider"
    )
    sub = top.add_subparsers(dest="proposal_command", metavar="ACTION", required=True)

    p = _command(sub, "create", "préparer une proposition pour un logement", _create)
    p.add_argument("unit", help="référence du logement")
    p.add_argument(
        "--candidates", required=True, help="références des demandes, dans l'ordre : A,B,C"
    )
    p.add_argument("--reason-code", default=None, help="motif codé d'écart au classement")
    p.add_argument("--reason", default=None, help="texte du motif d'écart")
    p.add_argument("--exception", default=None, help="INSUFFISANCE, DALO_PREFET ou PLAI_ADAPTE")

    p = _command(sub, "contact", "enregistrer le contact d'un candidat", _contact)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("ref", help="référence de la demande")
    p.add_argument("--outcome", required=True, help="JOINT, INJOIGNABLE ou DESISTE")
    p.add_argument("--reason-code", default=None, help="motif codé du désistement")

    p = _command(sub, "send", "envoyer la proposition à la CALEOL", _send)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("--commission-date", type=parse_day, required=True, help="date de la commission")
    p.add_argument("--pdf", type=Path, default=None, help="écrire la fiche de proposition (PDF)")

    p = _command(sub, "adjourn", "enregistrer l'ajournement par la CALEOL", _adjourn)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("--reason", default=None, help="motif de l'ajournement")

    p = _command(sub, "decide", "enregistrer la décision de la CALEOL pour un candidat", _decide)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("--candidate", required=True, help="référence de la demande")
    p.add_argument(
        "--decision",
        required=True,
        help="ATTRIBUE, ATTRIBUE_SOUS_CONDITION, NON_ATTRIBUE, IRRECEVABLE",
    )
    p.add_argument("--rank", type=int, default=None, help="rang donné par la CALEOL")
    p.add_argument("--reason-code", default=None, help="motif codé de non-attribution")

    p = _command(sub, "answer", "enregistrer la réponse du candidat à l'offre", _answer)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("--candidate", required=True, help="référence de la demande")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accept", action="store_true", help="le candidat accepte")
    group.add_argument(
        "--refuse", action="store_true", help="le candidat refuse (ou n'a pas répondu)"
    )
    p.add_argument("--reason-code", default=None, help="motif codé du refus")
    p.add_argument(
        "--park", action="store_true", help="mettre la demande en attente (durée des règles)"
    )

    p = _command(sub, "lease", "enregistrer le bail signé", _lease)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument("--candidate", required=True, help="référence de la demande")

    p = _command(sub, "show", "afficher une proposition et son historique", _show)
    p.add_argument("id", type=int, help="numéro de la proposition")

    p = _command(sub, "list", "lister les propositions", _list)
    p.add_argument("--state", default=None, help="état (PREPARATION, ENVOYEE, DECIDEE, …)")

    _command(sub, "reasons", "les listes de motifs codés", _reasons)

    p = _command(subparsers, "replay", "rejouer le classement d'une proposition", _replay)
    p.add_argument("id", type=int, help="numéro de la proposition")
    p.add_argument(
        "--against-current",
        action="store_true",
        help="comparer avec les données et règles actuelles",
    )
