"""The audit trail as users see it: verify the database, sign and check checkpoints, browse.

``verify_database`` does three things: SQLite's own integrity checks; the hash chain of the
log; and a rebuild of every request and unit from the values the log recorded, compared with
the tables. The rebuild is what catches a change made outside the application (an income
edited in SQL, a DALO flag flipped, a deleted request): the table no longer matches the last
values the application wrote. Messages name records by reference and fields by column name,
never a personal value.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from housingmatch.domain.fields import Scalar, request_fields, unit_fields
from housingmatch.domain.session import Session
from housingmatch.domain.text import fold
from housingmatch.errors import JobCancelled, UserError
from housingmatch.rules.permissions import Action, require
from housingmatch.services.files import write_text_safely
from housingmatch.store import AuditEntry, Checkpoint, Store
from housingmatch.store.audit import SEALED

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

#: Actions after which a record no longer exists.
DELETE_ACTIONS = frozenset({"delete"})
ANONYMISE_ACTION = "anonymise"
_ENTITY_LABELS = {"demande": "La demande", "logement": "Le logement"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by verify, in French, without personal values."""

    kind: str  # "intégrité", "chaîne", "enregistrement", "point de contrôle"
    message: str
    entry_id: int | None = None
    entity: str | None = None
    ref: str | None = None
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """What verify found."""

    entries: int
    head_id: int
    head_hash: str
    requests_checked: int
    units_checked: int
    findings: list[Finding] = field(default_factory=list)
    checkpoint: Checkpoint | None = None

    @property
    def ok(self) -> bool:
        """Tell whether nothing is wrong."""
        return not self.findings

    @property
    def first_broken_link(self) -> int | None:
        """Return the first entry of the chain found broken, if any."""
        ids = [f.entry_id for f in self.findings if f.kind == "chaîne" and f.entry_id]
        return min(ids) if ids else None

    def summary(self) -> str:
        """Return one French sentence for the status line."""
        if self.ok:
            anchored = (
                f" ; conforme au point de contrôle signé par {self.checkpoint.signer} "
                f"(entrée {self.checkpoint.entry_id})"
                if self.checkpoint
                else ""
            )
            return (
                f"Base intègre ; journal d'audit intact ({self.entries} entrées) ; "
                f"{self.requests_checked} demandes et {self.units_checked} logements "
                f"conformes au journal{anchored}."
            )
        return f"{len(self.findings)} problème(s) détecté(s)."


# -- rebuilding records from the log ---------------------------------------------------------
_NO_VALUES = "no-values"
_DELETED = "deleted"
_UNREADABLE = "unreadable"


def _rebuild(entries: Iterable[AuditEntry]) -> tuple[dict[str, Any], set[str]]:
    """Return the last recorded state of each record (values or a marker), and the anonymised."""
    state: dict[str, Any] = {}
    anonymised: set[str] = set()
    for entry in entries:
        ref = entry.entity_ref
        if not ref:
            continue
        if entry.action in DELETE_ACTIONS:
            state[ref] = _DELETED
        elif "after" in entry.details:
            state[ref] = entry.details["after"]
            if entry.action == ANONYMISE_ACTION:
                anonymised.add(ref)
        elif SEALED in entry.details:
            state[ref] = _UNREADABLE
        elif ref not in state:
            state[ref] = _NO_VALUES  # an entry written before migration 0005
    return state, anonymised


def _same(name: str, logged: Scalar, actual: Scalar) -> bool:
    if name == "employeur" and isinstance(logged, str) and isinstance(actual, str):
        return fold(logged) == fold(actual)  # one employer row per folded name
    return logged == actual


def _compare(
    entity: str, table: dict[str, dict[str, Scalar]], state: dict[str, Any]
) -> list[Finding]:
    label = _ENTITY_LABELS[entity]
    out = []
    for ref, actual in table.items():
        logged = state.get(ref)
        if logged is None:
            message = (
                f"{label} « {ref} » n'a aucune entrée au journal : créée hors de l'application."
            )
            out.append(Finding("enregistrement", message, entity=entity, ref=ref))
        elif logged == _NO_VALUES:
            message = f"{label} « {ref} » n'a aucune valeur enregistrée au journal (entrée de référence absente)."
            out.append(Finding("enregistrement", message, entity=entity, ref=ref))
        elif logged == _UNREADABLE:
            message = (
                f"Les valeurs de {label.lower()} « {ref} » au journal sont illisibles : la clé "
                "de la personne a été supprimée ou remplacée hors de l'application."
            )
            out.append(Finding("enregistrement", message, entity=entity, ref=ref))
        elif logged == _DELETED:
            message = f"{label} « {ref} » est supprimée selon le journal mais figure dans la table."
            out.append(Finding("enregistrement", message, entity=entity, ref=ref))
        elif logged != actual:  # the common case, equal, costs one dict comparison
            names = sorted(set(actual) | set(logged))
            differ = tuple(n for n in names if not _same(n, logged.get(n), actual.get(n)))
            if differ:
                message = (
                    f"{label} « {ref} » diffère du journal (modification hors de l'application) : "
                    f"{', '.join(differ)}."
                )
                out.append(
                    Finding("enregistrement", message, entity=entity, ref=ref, fields=differ)
                )
    for ref, logged in state.items():
        if ref not in table and logged not in (_DELETED,):
            message = f"{label} « {ref} » figure au journal mais a disparu de la table (suppression hors de l'application)."
            out.append(Finding("enregistrement", message, entity=entity, ref=ref))
    return out


def record_findings(store: Store) -> tuple[list[Finding], int, int]:
    """Rebuild every request and unit from the log; return findings and the counts checked."""
    requests = {r.ref: request_fields(r) for r in store.requests.all()}
    units = {u.ref: unit_fields(u) for u in store.units.all()}
    req_state, _ = _rebuild(store.audit.entries(entity="demande"))
    unit_state, _ = _rebuild(store.audit.entries(entity="logement"))
    findings = _compare("demande", requests, req_state) + _compare("logement", units, unit_state)
    return findings, len(requests), len(units)


# -- checkpoints -----------------------------------------------------------------------------
def checkpoint_findings(store: Store, checkpoint: Checkpoint) -> list[Finding]:
    """Check the log against a signed checkpoint: nothing up to its entry was rewritten."""
    kind = "point de contrôle"
    if not checkpoint.authentic():
        return [Finding(kind, "Le point de contrôle n'est pas authentique (signature invalide).")]
    out = []
    known = store.checkpoints.public_key(checkpoint.signer)
    if known is not None and known != checkpoint.public_key:
        out.append(
            Finding(
                kind,
                f"La clé de signature de « {checkpoint.signer} » dans la base n'est pas celle "
                "du point de contrôle : la clé a été remplacée dans la base.",
            )
        )
    head_id, _ = store.audit.head()
    stored = store.audit.hash_of(checkpoint.entry_id)
    if stored is None:
        out.append(
            Finding(
                kind,
                f"Le journal s'arrête à l'entrée {head_id}, avant l'entrée "
                f"{checkpoint.entry_id} du point de contrôle du {checkpoint.at} : des entrées "
                "signées ont été supprimées.",
                entry_id=checkpoint.entry_id,
            )
        )
    elif stored != checkpoint.head_hash:
        out.append(
            Finding(
                kind,
                f"L'entrée {checkpoint.entry_id} n'a plus l'empreinte signée le {checkpoint.at} "
                f"par {checkpoint.signer} : le journal a été réécrit jusqu'à cette entrée "
                "(empreintes recalculées).",
                entry_id=checkpoint.entry_id,
            )
        )
    return out


def read_checkpoint_file(path: str | Path) -> Checkpoint:
    """Read an exported checkpoint file (refused with a French sentence)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"Le fichier de point de contrôle « {path} » est introuvable.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise UserError(f"« {path.name} » n'est pas un point de contrôle lisible.") from None
    return Checkpoint.from_json(data)


def create_checkpoint(
    store: Store, session: Session, password: str, out: str | Path | None = None
) -> Checkpoint:
    """Sign the head of the log with the session user's key (created at first use); audited.

    The chain is verified first: a checkpoint never vouches for a broken log. With ``out``,
    the checkpoint is also written to that file (keep it outside the database's folder).
    """
    require(session, Action.AUDIT_CHECKPOINT)
    broken = store.audit.broken_links()
    if broken:
        raise UserError(f"Point de contrôle refusé : le journal est rompu ({broken[0][1]})")
    checkpoint = store.checkpoints.sign(session.user, password)
    if out is not None:
        export_checkpoint(store, session, out, checkpoint)
    return checkpoint


def export_checkpoint(
    store: Store, session: Session, out: str | Path, checkpoint: Checkpoint | None = None
) -> Path:
    """Write a checkpoint (the newest one by default) to a file."""
    require(session, Action.AUDIT_READ)
    checkpoint = checkpoint or store.checkpoints.latest()
    if checkpoint is None:
        raise UserError("Aucun point de contrôle n'a encore été signé.")
    text = json.dumps(checkpoint.to_json(), ensure_ascii=False, indent=2) + "\n"
    return write_text_safely(store, out, text)


def list_checkpoints(store: Store, session: Session) -> list[Checkpoint]:
    """Return the checkpoints kept in the database, oldest first."""
    require(session, Action.AUDIT_READ)
    return store.checkpoints.all()


# -- verify ----------------------------------------------------------------------------------
def verify_database(
    store: Store,
    session: Session,
    checkpoint: Checkpoint | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> VerifyReport:
    """Check SQLite integrity, the chain, every record against the log, and a checkpoint."""
    require(session, Action.AUDIT_READ)
    steps = 4

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise JobCancelled()
        if progress is not None:
            progress(done, steps)

    step(0)
    findings = [Finding("intégrité", p) for p in store.integrity_problems()]
    step(1)
    findings += [Finding("chaîne", text, entry_id=i) for i, text in store.audit.broken_links()]
    step(2)
    records, n_requests, n_units = record_findings(store)
    findings += records
    step(3)
    if checkpoint is not None:
        findings += checkpoint_findings(store, checkpoint)
    step(4)
    head_id, head_hash = store.audit.head()
    return VerifyReport(
        entries=store.audit.count(),
        head_id=head_id,
        head_hash=head_hash,
        requests_checked=n_requests,
        units_checked=n_units,
        findings=findings,
        checkpoint=checkpoint,
    )


# -- browsing --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the audit screen filters on (None: any)."""

    actor: str | None = None
    entity: str | None = None
    ref: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One entry as the audit screen shows it."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    ref: str
    summary: str


def _summary(entry: AuditEntry) -> str:
    details = entry.details
    if "changes" in details:
        return "champs modifiés : " + ", ".join(sorted(details["changes"]))
    if SEALED in details:
        return "valeurs effacées (données anonymisées)"
    if "source" in details:
        return str(details["source"])
    return ", ".join(f"{k} : {v}" for k, v in sorted(details.items()) if k != "after")[:200]


def audit_rows(
    store: Store, session: Session, where: AuditFilter, limit: int = 50_000
) -> list[AuditRow]:
    """Return the entries matching a filter, newest first (field names, never values)."""
    require(session, Action.AUDIT_READ)
    until = (where.until + timedelta(days=1)).isoformat() if where.until else None
    entries = store.audit.entries(
        entity=where.entity or None,
        entity_ref=where.ref or None,
        actor=where.actor or None,
        action=where.action or None,
        since=where.since.isoformat() if where.since else None,
        until=until,
    )
    rows = [
        AuditRow(e.id, e.at, e.actor, e.action, e.entity, e.entity_ref or "", _summary(e))
        for e in reversed(entries[-limit:])
    ]
    return rows


def audit_choices(store: Store, session: Session) -> tuple[list[str], list[str]]:
    """Return the actors and the actions found in the log (the screen's filter lists)."""
    require(session, Action.AUDIT_READ)
    return store.audit.actors(), store.audit.actions()


# -- background work (run by the window's job runner; each opens its own store) -----------
def verify_work(
    db_path: Path,
    session: Session,
    checkpoint_path: Path | None,
    progress: Progress,
    cancelled: Cancelled,
) -> VerifyReport:
    """Verify the database at ``db_path`` (optionally against a checkpoint file)."""
    checkpoint = read_checkpoint_file(checkpoint_path) if checkpoint_path else None
    with Store.open(db_path, create=False) as store:
        return verify_database(store, session, checkpoint, progress, cancelled)


def audit_rows_work(
    db_path: Path, session: Session, where: AuditFilter, progress: Progress, cancelled: Cancelled
) -> list[AuditRow]:
    """Read the entries matching a filter from the database at ``db_path``."""
    progress(0, 1)
    with Store.open(db_path, create=False) as store:
        rows = audit_rows(store, session, where)
    if cancelled():
        raise JobCancelled()
    progress(1, 1)
    return rows
