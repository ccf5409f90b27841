"""The supervisor's review (``controle list|show|signoff``): flags, the ranking of the day, sign-off."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from housingmatch.cli.audit import read_password
from housingmatch.cli.data import parse_day
from housingmatch.domain.review import ReviewFilter, ReviewFlag, Verdict
from housingmatch.domain.session import Session

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def parse_flag(text: str) -> ReviewFlag:
    """Parse a flag name (``RANG_SAUTE``, ``rang-saute``)."""
    try:
        return ReviewFlag(text.strip().upper().replace("-", "_"))
    except ValueError:
        names = ", ".join(f.value for f in ReviewFlag)
        raise argparse.ArgumentTypeError(f"écart inconnu « {text} » (parmi : {names})") from None


def parse_verdict(text: str) -> Verdict:
    """Parse ``validee`` or ``a-revoir``."""
    try:
        return Verdict(text.strip().upper().replace("-", "_").replace("É", "E"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"avis inconnu « {text} » (attendu validee ou a-revoir)"
        ) from None


def _day(d: Any) -> str:
    return d.strftime("%d/%m/%Y") if d else "—"


def _list(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import review

    filt = ReviewFilter(
        start=args.start, end=args.end, advisor=args.advisor, landlord=args.landlord,
        commune=args.commune, flag=args.flag, priority_group=args.group,
    )  # fmt: skip
    rows = review.review_rows(store, session, filt)
    if args.json:
        _print_json([review.row_to_dict(r) for r in rows])
        return 0
    if not rows:
        print("Aucune proposition ne correspond.")
        return 0
    for r in rows:
        verdict = r.sign_off.verdict.label if r.sign_off else "non contrôlée"
        flags = ", ".join(f.kind.label.lower() for f in r.flags) or "aucun écart"
        print(f"n° {r.proposal_id:<5} {r.unit_ref:16} {r.advisor:12} créée le "
              f"{_day(r.created_on)}  {r.state:32} {verdict:14} {flags}")  # fmt: skip
    flagged = sum(1 for r in rows if r.flags)
    print(f"{len(rows)} proposition(s), dont {flagged} avec au moins un écart.")
    return 0


def _show(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import review

    detail = review.review_detail(store, session, args.id)
    if args.json:
        _print_json(review.detail_to_dict(detail))
        return 0
    row = detail.row
    print(f"Proposition n° {row.proposal_id} — logement {row.unit_ref} ({row.landlord}, "
          f"{review.commune_name(row.commune)}) — {row.state}")  # fmt: skip
    print(f"Conseiller : {row.advisor} ; créée le {_day(row.created_on)} ; envoyée le "
          f"{_day(row.sent_on)} ; classement du {_day(detail.ranking_date)}")  # fmt: skip
    print("Écarts :" if row.flags else "Écarts : aucun.")
    for f in row.flags:
        print(f"  - {f.kind.label} : {f.detail}")
    print("Classement du jour :")
    for line in detail.ranking:
        mark = f"proposé n° {line.position}" if line.chosen else "non proposé"
        note = f" — {line.note}" if line.note else ""
        print(f"  {line.rank:3}. {line.request_ref:18} {line.score:7.1f} pts  {mark}{note}")
    for sentence in detail.above_chosen:
        print(f"  • {sentence}")
    if detail.replay is not None:
        print("Rejeu du reçu : " + ("identique." if detail.replay.identical else "différent :"))
        for d in detail.replay.differences:
            print(f"  {d}")
    print("Chronologie :")
    for e in detail.timeline:
        print(f"  {_day(e.on)}  {e.actor:12} {e.summary}")
    for s in detail.sign_offs:
        print(f"Contrôle {s.verdict.label} par {s.by} le {s.at:%d/%m/%Y %H:%M} : {s.comment}")
    return 0


def _signoff(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import review

    password = read_password(f"Mot de passe de la clé de signature de {session.user} : ")
    made = review.sign_off(store, session, args.id, args.verdict, args.comment, password)
    print(f"Proposition n° {made.proposal_id} {made.verdict.label} par {made.by} ; point de "
          f"contrôle {made.checkpoint_hash[:16]}….")  # fmt: skip
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the review commands."""
    p = sub.add_parser("controle", help="contrôle des propositions par un superviseur")
    actions = p.add_subparsers(dest="controle_action", metavar="ACTION", required=True)
    q = actions.add_parser("list", help="lister les propositions d'une période et leurs écarts")
    q.add_argument("--from", dest="start", type=parse_day, default=None, metavar="AAAA-MM-JJ")
    q.add_argument("--to", dest="end", type=parse_day, default=None, metavar="AAAA-MM-JJ")
    q.add_argument("--advisor", default=None, metavar="COMPTE", help="conseiller")
    q.add_argument("--landlord", default=None, metavar="BAILLEUR")
    q.add_argument("--commune", default=None, metavar="COMMUNE", help="nom ou code INSEE")
    q.add_argument("--flag", type=parse_flag, default=None, metavar="ÉCART",
                   help="RANG_SAUTE, MOINS_DE_TROIS, ENVOI_TARDIF, DELAI_REPONSE_COURT, "
                   "CANDIDAT_SUSPENDU_OU_RETIRE, REGLES_HORS_VIGUEUR, RECU_NON_REJOUABLE")  # fmt: skip
    q.add_argument("--group", default=None, metavar="GROUPE", help="groupe prioritaire")
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_list)
    q = actions.add_parser("show", help="une proposition : classement du jour, rejeu, historique")
    q.add_argument("id", type=int)
    q.add_argument("--json", action="store_true")
    q.set_defaults(handler=_show)
    q = actions.add_parser("signoff", help="valider ou mettre « à revoir » (mot de passe demandé)")
    q.add_argument("id", type=int)
    q.add_argument("--verdict", type=parse_verdict, required=True, metavar="validee|a-revoir")
    q.add_argument("--comment", default="", metavar="TEXTE")
    q.set_defaults(handler=_signoff)
