"""Rule sets under approval: a supervisor imports a draft, another approves it with a date.

Drafts never rank anybody. Approving needs a second supervisor when there is one (the
caller passes the supervisors' names: the accounts module knows them); the approval names
the day the rule set comes into force, and rankings use the rule set in force on their date.
``rules import`` and ``rules activate`` (services/rules.py) keep working for scripts: they
import and approve in one step (see README).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet
from housingmatch.services.matching import active_ruleset
from housingmatch.services.rules import read_ruleset_file
from housingmatch.store import Store
from housingmatch.store.rulesets import APPROVED, DRAFT, RulesetState

STATE_LABELS = {DRAFT: "brouillon", APPROVED: "approuvé"}


@dataclass(frozen=True, slots=True)
class RulesetLine:
    """A rule set as ``rules list`` shows it."""

    state: RulesetState
    in_force_today: bool  # in force on the day asked for
    on: date

    @property
    def label(self) -> str:
        """Return the French state, with 'en vigueur' or 'à venir' for approved ones."""
        s = self.state
        if s.state == DRAFT:
            return "brouillon"
        if self.in_force_today:
            return "en vigueur"
        if s.in_force_from and s.in_force_from > self.on:
            return f"approuvé, en vigueur le {s.in_force_from.isoformat()}"
        return "approuvé, remplacé"


def import_draft(store: Store, session: Session, path: str | Path) -> RuleSet:
    """Check a rule-set file and store it as a draft (it ranks nobody until approved)."""
    require(session, Action.RULESET_IMPORT)
    rules = read_ruleset_file(path)
    if store.rulesets.get(rules.content_hash) is not None:
        raise UserError(f"Ces règles sont déjà enregistrées (empreinte {rules.content_hash[:12]}).")
    store.rulesets.add(
        rules.name,
        rules.version,
        rules.effective_date,
        rules.content_hash,
        rules.text,
        actor=session.user,
        activate=False,
    )
    return rules


def _find(store: Store, hash_prefix: str) -> RulesetState:
    prefix = hash_prefix.strip().lower()
    found = [
        s for s in store.rulesets.states() if prefix and s.ruleset.content_hash.startswith(prefix)
    ]
    if not found:
        raise UserError(f"Aucune règle enregistrée n'a une empreinte commençant par « {prefix} ».")
    if len(found) > 1:
        raise UserError(f"L'empreinte « {prefix} » est ambiguë : donnez plus de caractères.")
    return found[0]


def approve(
    store: Store,
    session: Session,
    hash_prefix: str,
    in_force_from: date | None = None,
    supervisors: Collection[str] | None = None,
) -> RulesetState:
    """Approve a draft, in force from a day (its own effective date by default); audited.

    ``supervisors`` are the active supervisor accounts (the database's, by default): when one
    other than the importer exists, the importer may not approve their own draft (four eyes).
    """
    require(session, Action.RULESET_APPROVE)
    if supervisors is None:
        supervisors = [
            a.name for a in store.accounts.all() if a.active and a.role is Role.SUPERVISEUR
        ]
    found = _find(store, hash_prefix)
    if found.state != DRAFT:
        raise UserError(
            f"Les règles « {found.ruleset.name} » {found.ruleset.version} sont déjà approuvées."
        )
    others = {s for s in supervisors if s != found.imported_by}
    if session.authenticated and found.imported_by == session.user and others:
        raise UserError(
            "Ces règles doivent être approuvées par un autre superviseur que celui qui les a "
            f"importées ({', '.join(sorted(others))})."
        )
    day = in_force_from or found.ruleset.effective_date
    store.rulesets.approve(found.ruleset.content_hash, session.user, day)
    return next(s for s in store.rulesets.states() if s.ruleset.id == found.ruleset.id)


def ruleset_lines(store: Store, session: Session, on: date | None = None) -> list[RulesetLine]:
    """Return every stored rule set with its state and whether it is in force on a day."""
    require(session, Action.READ)
    on = on or date.today()
    in_force = active_ruleset(store, on).content_hash
    return [RulesetLine(s, s.ruleset.content_hash == in_force, on) for s in store.rulesets.states()]
