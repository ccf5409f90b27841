"""Forum package and merge commands: ``package export|import`` and ``merge list|link|…``."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.domain.merge import ImportPlan, MergePair
    from housingmatch.services.database import Store

# The services are imported by the handlers: building the parser must stay instant.
PASSPHRASE_VARIABLE = "HOUSINGMATCH_PACKAGE_PASSPHRASE"


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _passphrase(confirm: bool) -> str:
    """Return the package passphrase: from the environment, or prompted (twice to create)."""
    from_env = os.environ.get(PASSPHRASE_VARIABLE)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise UserError(
            f"Phrase de passe du paquet requise : définissez {PASSPHRASE_VARIABLE} (aucun "
            "terminal pour la saisir)."
        )
    first = getpass.getpass("Phrase de passe du paquet : ")
    if confirm and getpass.getpass("Confirmez la phrase de passe : ") != first:
        raise UserError("Les deux phrases de passe saisies diffèrent : aucun paquet n'a été écrit.")
    return first


def _export(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import merge

    summary = merge.export_package(store, session, args.out, _passphrase(confirm=True))
    if args.json:
        _print_json(dataclasses.asdict(summary))
        return 0
    since = f" depuis le paquet du {_when(summary.since)}" if summary.since else ""
    print(
        f"Paquet écrit : {summary.path} ({summary.requests} demande(s) créée(s) ou modifiée(s)"
        f"{since}, {summary.entries} entrée(s) du journal ; appareil {summary.device[:8]}, "
        f"lot {summary.batch})."
    )
    return 0


def _show_plan(plan: ImportPlan, done: bool) -> None:
    if plan.already_merged:
        print(f"Ce paquet (lot {plan.batch}) a déjà été fusionné : rien n'a changé.")
        return
    verb = "importée(s)" if done else "à importer"
    print(
        f"Paquet du {_when(plan.package_date)} (appareil {plan.device[:8]}, lot {plan.batch}) : "
        f"{len(plan.new_requests)} nouvelle(s) demande(s) {verb}, {len(plan.updates)} mise(s) "
        f"à jour, {len(plan.duplicates)} doublon(s) possible(s), {plan.unchanged} inchangée(s)."
    )
    for new in plan.new_requests:
        target = f" → {new.office_ref}" if new.office_ref else ""
        print(f"  nouvelle : {new.forum_ref}{target} ({new.name})")
    for update in plan.updates:
        print(f"  mise à jour : {update.office_ref} ({', '.join(update.fields)})")
    for pair in plan.duplicates:
        _show_pair(pair)
    for refused in plan.refused:
        print(f"  refusée : {refused.forum_ref} — {' ; '.join(refused.messages)}")
    if not done and not plan.refused:
        print("Rien n'a été écrit (--dry-run).")


def _show_pair(pair: MergePair) -> None:
    ident = f"#{pair.id} " if pair.id else ""
    print(
        f"  {ident}doublon possible {pair.office_ref} ({pair.office_name}) ~ {pair.forum_ref} "
        f"({pair.forum_name}) : score {pair.score:.2f}, {pair.state.label} — "
        f"{', '.join(pair.reasons)}"
    )
    for diff in pair.differing:
        print(
            f"      {diff.label} : bureau « {_text(diff.office)} », forum « {_text(diff.forum)} »"
        )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _when(iso: str) -> str:
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return moment.strftime("%d/%m/%Y à %H:%M")


def _import(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import merge

    passphrase = _passphrase(confirm=False)
    if args.dry_run:
        plan = merge.plan_import(store, session, args.file, passphrase)
    else:
        plan = merge.import_package(store, session, args.file, passphrase)
    if args.json:
        _print_json({"applied": not args.dry_run, **plan.to_json()})
    else:
        _show_plan(plan, done=not args.dry_run)
    return 1 if plan.refused else 0


def _list(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.domain.merge import MergeState
    from housingmatch.services import merge

    state = MergeState(args.state) if args.state else None
    pairs = merge.merge_pairs(store, session, state)
    if args.json:
        _print_json([p.to_json() for p in pairs])
        return 0
    if not pairs:
        print("Aucun doublon possible.")
    for pair in pairs:
        _show_pair(pair)
    return 0


def _link(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import merge

    fields = [f.strip() for f in args.fields.split(",") if f.strip()] if args.fields else None
    pair = merge.link(store, session, args.office, args.forum, fields)
    shown = ", ".join(pair.linked_fields) or "aucun champ différent"
    print(f"Liée : la demande {pair.office_ref} reprend de {pair.forum_ref} : {shown}.")
    return 0


def _unlink(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import merge

    pair = merge.unlink(store, session, args.office, args.forum)
    print(
        f"Déliée : la demande {pair.office_ref} retrouve ses valeurs d'avant la liaison ; "
        f"la paire avec {pair.forum_ref} est de nouveau en attente."
    )
    return 0


def _separate(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.services import merge

    pair = merge.separate(store, session, args.office, args.forum)
    print(f"Séparées : {pair.office_ref} et {pair.forum_ref} sont deux personnes distinctes.")
    return 0


def _apply(args: argparse.Namespace, store: Store, session: Session) -> int:
    from housingmatch.domain.merge import MergeState
    from housingmatch.services import merge

    done = merge.apply_merges(store, session)
    waiting = len(merge.merge_pairs(store, session, MergeState.EN_ATTENTE))
    if args.json:
        _print_json({"linked": [p.to_json() for p in done], "waiting": waiting})
        return 0
    print(
        f"{len(done)} paire(s) sûre(s) (même numéro unique) liée(s) ; {waiting} paire(s) "
        "attendent la décision d'un conseiller."
    )
    for pair in done:
        print(f"  {pair.office_ref} ← {pair.forum_ref} : {', '.join(pair.linked_fields) or '—'}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the package and merge commands."""
    p = sub.add_parser("package", help="paquet chiffré d'un portable de forum")
    psub = p.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    e = psub.add_parser("export", help="écrire ce qui a changé depuis le dernier paquet")
    e.add_argument("--out", type=Path, required=True, metavar="FICHIER")
    e.add_argument("--json", action="store_true", help="sortie JSON")
    e.set_defaults(handler=_export)
    i = psub.add_parser(
        "import",
        help="importer un paquet (tout ou rien) : nouvelles demandes, mises à jour, doublons "
        "possibles mis en attente",
    )
    i.add_argument("file", type=Path, metavar="FICHIER")
    i.add_argument(
        "--dry-run", action="store_true", help="seulement lister ce qui serait fait (rien écrit)"
    )
    i.add_argument("--json", action="store_true", help="sortie JSON")
    i.set_defaults(handler=_import)

    m = sub.add_parser("merge", help="doublons possibles venus des forums")
    msub = m.add_subparsers(dest="merge_command", metavar="ACTION", required=True)
    ls = msub.add_parser("list", help="les paires et leur score")
    ls.add_argument("--state", choices=("EN_ATTENTE", "LIEE", "SEPAREE"), default=None)
    ls.add_argument("--json", action="store_true", help="sortie JSON")
    ls.set_defaults(handler=_list)
    for name, handler, text in (
        ("link", _link, "lier : la fiche du forum complète la demande du bureau"),
        ("separate", _separate, "garder distinctes (la fiche devient une demande)"),
        ("unlink", _unlink, "défaire une liaison (valeurs d'avant rétablies)"),
    ):
        c = msub.add_parser(name, help=text)
        c.add_argument("office", metavar="DEMANDE_BUREAU")
        c.add_argument("forum", metavar="FICHE_FORUM")
        if name == "link":
            c.add_argument(
                "--fields",
                default=None,
                metavar="CHAMPS",
                help="colonnes reprises, séparées par des virgules (par défaut : toutes celles "
                "qui diffèrent)",
            )
        c.set_defaults(handler=handler)
    a = msub.add_parser("apply", help="lier les paires sûres (même numéro unique)")
    a.add_argument("--json", action="store_true", help="sortie JSON")
    a.set_defaults(handler=_apply)
