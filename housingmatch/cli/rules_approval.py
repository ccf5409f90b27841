"""The approval side of ``rules``: draft, approve, and the list with the states."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from housingmatch.domain.session import Session
from housingmatch.errors import UserError

if TYPE_CHECKING:
    from housingmatch.services.database import Store


def run(args: argparse.Namespace, store: Store, session: Session) -> int:
    """Run ``rules draft|approve|list``."""
    from housingmatch.services import ruleset_approval

    if args.action == "draft":
        if args.file is None:
            raise UserError("Indiquez le fichier de règles à importer en brouillon.")
        rules = ruleset_approval.import_draft(store, session, args.file)
        print(
            f"Règles « {rules.name} » {rules.version} importées en brouillon "
            f"(empreinte {rules.content_hash[:12]}) : à approuver avec « rules approve "
            f"{rules.content_hash[:12]} --from AAAA-MM-JJ »."
        )
        return 0
    if args.action == "approve":
        if args.file is None:
            raise UserError("Indiquez l'empreinte des règles à approuver.")
        state = ruleset_approval.approve(store, session, str(args.file), args.from_date)
        print(
            f"Règles « {state.ruleset.name} » {state.ruleset.version} approuvées, en vigueur "
            f"le {state.in_force_from.isoformat() if state.in_force_from else '?'}."
        )
        return 0
    on = args.date or date.today()
    for line in ruleset_approval.ruleset_lines(store, session, on):
        s = line.state
        mark = "*" if line.in_force_today else " "
        print(
            f"{mark} {s.ruleset.content_hash[:12]}  {s.ruleset.version:10} "
            f"{s.ruleset.effective_date}  {line.label:38} {s.ruleset.name}"
        )
    return 0
