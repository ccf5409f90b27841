"""Rule sets: import a TOML file into the database, list them, switch the active one."""

from __future__ import annotations

from pathlib import Path

from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.rules.permissions import Action, require
from housingmatch.rules.ruleset import RuleSet, RuleSetError, parse_ruleset
from housingmatch.services.matching import active_ruleset
from housingmatch.store import Store, StoredRuleset


def read_ruleset_file(path: str | Path) -> RuleSet:
    """Read and check a rule-set file (refused with a French reason)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"Le fichier de règles « {path} » est introuvable.") from None
    except UnicodeDecodeError:
        raise UserError(f"Le fichier de règles « {path.name} » n'est pas en UTF-8.") from None
    try:
        rules = parse_ruleset(text)
    except RuleSetError as exc:
        raise UserError(f"Règles refusées ({path.name}) : {exc}") from None
    return rules


def import_ruleset(store: Store, session: Session, path: str | Path) -> RuleSet:
    """Check a rule-set file and make it the active rule set (import and approval at once).

    Kept for scripts: the rule set is approved in force from its effective date, or from
    today when that date is still to come. See services/ruleset_approval.py for drafts.
    """
    require(session, Action.RULESET_IMPORT)
    require(session, Action.RULESET_APPROVE)
    rules = read_ruleset_file(path)
    store.rulesets.add(
        rules.name,
        rules.version,
        rules.effective_date,
        rules.content_hash,
        rules.text,
        actor=session.user,
    )
    return rules


def list_rulesets(store: Store, session: Session) -> tuple[list[StoredRuleset], str]:
    """Return every stored rule set and the hash of the active one."""
    require(session, Action.READ)
    active = active_ruleset(store)
    return store.rulesets.all(), active.content_hash


def activate_ruleset(store: Store, session: Session, hash_prefix: str) -> StoredRuleset:
    """Make a stored rule set active again, found by (a prefix of) its hash."""
    require(session, Action.RULESET_APPROVE)
    prefix = hash_prefix.strip().lower()
    found = [r for r in store.rulesets.all() if prefix and r.content_hash.startswith(prefix)]
    if not found:
        raise UserError(f"Aucune règle enregistrée n'a une empreinte commençant par « {prefix} ».")
    if len(found) > 1:
        raise UserError(f"L'empreinte « {prefix} » est ambiguë : donnez plus de caractères.")
    store.rulesets.activate(found[0].content_hash, session.user)
    return found[0]
