"""What each role may do: one table, checked by the services (the GUI only hides buttons)."""

from __future__ import annotations

from enum import StrEnum

from housingmatch.domain.session import Role, Session
from housingmatch.errors import UserError


class Action(StrEnum):
    """A guarded service action."""

    READ = "read"  # see requests, units, rankings
    EDIT_RECORDS = "edit_records"  # create, edit, close, reopen requests and units
    IMPORT_DATA = "import_data"
    EXPORT_DATA = "export_data"  # export records with personal data
    RANK = "rank"
    PREPARE_PROPOSAL = "prepare_proposal"  # build, contact, send
    RECORD_OUTCOME = "record_outcome"  # CALEOL decision, candidate's answer, lease
    REVIEW_READ = "review_read"  # the Contrôle workspace: every proposal with its flags
    REVIEW_SIGN_OFF = "review_sign_off"
    RULESET_IMPORT = "ruleset_import"  # import a draft
    RULESET_APPROVE = "ruleset_approve"  # approve / activate
    REFERENCE_EDIT = "reference_edit"  # quartile thresholds and other reference data
    AUDIT_READ = "audit_read"
    AUDIT_CHECKPOINT = "audit_checkpoint"
    REPORTS = "reports"
    RETENTION_APPLY = "retention_apply"
    PERSON_EXPORT = "person_export"  # access request (RGPD art. 15)
    BACKUP = "backup"
    RESTORE = "restore"
    MANAGE_USERS = "manage_users"
    FORUM_PACKAGE = "forum_package"  # export a forum package, import and merge one


_C, _S, _A = Role.CONSEILLER, Role.SUPERVISEUR, Role.ADMINISTRATEUR

#: The one permission table. A supervisor can do an advisor's work too; the administrator
#: manages accounts and the file (backups), reads the audit, but takes no part in matching
#: decisions or rule approval (separation of duties). The administrator may import files: the
#: person who sets up a new database (its first account is an administrator) loads the
#: existing requests and units into it, or the demonstration data; every imported row is
#: audited under their name, and editing a record one by one stays an advisor's work.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.READ: frozenset({_C, _S, _A}),
    Action.EDIT_RECORDS: frozenset({_C, _S}),
    Action.IMPORT_DATA: frozenset({_C, _S, _A}),
    Action.EXPORT_DATA: frozenset({_C, _S}),
    Action.RANK: frozenset({_C, _S}),
    Action.PREPARE_PROPOSAL: frozenset({_C, _S}),
    Action.RECORD_OUTCOME: frozenset({_C, _S}),
    Action.REVIEW_READ: frozenset({_S}),
    Action.REVIEW_SIGN_OFF: frozenset({_S}),
    Action.RULESET_IMPORT: frozenset({_S}),
    Action.RULESET_APPROVE: frozenset({_S}),
    Action.REFERENCE_EDIT: frozenset({_S}),
    Action.AUDIT_READ: frozenset({_S, _A}),
    Action.AUDIT_CHECKPOINT: frozenset({_S}),
    Action.REPORTS: frozenset({_S}),
    Action.RETENTION_APPLY: frozenset({_S, _A}),
    Action.PERSON_EXPORT: frozenset({_S}),
    Action.BACKUP: frozenset({_C, _S, _A}),
    # Restoring discards the work done since the backup: a supervisor's or the administrator's call.
    Action.RESTORE: frozenset({_S, _A}),
    Action.MANAGE_USERS: frozenset({_A}),
    Action.FORUM_PACKAGE: frozenset({_C, _S}),
}

_ACTION_LABELS: dict[Action, str] = {
    Action.READ: "consulter les dossiers",
    Action.EDIT_RECORDS: "modifier les demandes et les logements",
    Action.IMPORT_DATA: "importer des fichiers",
    Action.EXPORT_DATA: "exporter des données nominatives",
    Action.RANK: "classer les candidats",
    Action.PREPARE_PROPOSAL: "préparer et envoyer une proposition",
    Action.RECORD_OUTCOME: "enregistrer une décision, une réponse ou un bail",
    Action.REVIEW_READ: "contrôler les propositions",
    Action.REVIEW_SIGN_OFF: "valider un contrôle",
    Action.RULESET_IMPORT: "importer un jeu de règles",
    Action.RULESET_APPROVE: "approuver ou activer un jeu de règles",
    Action.REFERENCE_EDIT: "saisir des données de référence",
    Action.AUDIT_READ: "consulter le journal d'audit",
    Action.AUDIT_CHECKPOINT: "signer un point de contrôle du journal",
    Action.REPORTS: "produire les bilans",
    Action.RETENTION_APPLY: "appliquer la durée de conservation",
    Action.PERSON_EXPORT: "exporter les données d'une personne",
    Action.BACKUP: "sauvegarder la base",
    Action.RESTORE: "restaurer une sauvegarde",
    Action.MANAGE_USERS: "gérer les comptes",
    Action.FORUM_PACKAGE: "échanger un paquet de forum",
}


class PermissionDenied(UserError):
    """The session's role may not do this; nothing was done."""


def allowed(session: Session, action: Action) -> bool:
    """Return whether the session may perform ``action``."""
    if not session.authenticated:
        return True  # a database without accounts: its one local user does everything
    return session.role in PERMISSIONS[action]


def require(session: Session, action: Action) -> None:
    """Raise PermissionDenied, in French, unless the session may perform ``action``."""
    if not allowed(session, action):
        raise PermissionDenied(
            f"Action refusée : le rôle {session.role.label.lower()} ne permet pas de "
            f"{_ACTION_LABELS[action]} ({session.user})."
        )
