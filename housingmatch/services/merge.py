"""Forum packages: written on a laptop, merged into the office database without duplicates.

On the laptop, :func:`export_package` seals everything created or changed since the last
package (the requests as import-template cells, with their UUID, and the audit entries that
changed them) with ``exchange.package``. At the office, :func:`plan_import` opens it, checks
every record with the import's own validation and says what would happen, writing nothing;
:func:`import_package` does it in one transaction. A record is matched by its UUID, never by
its reference: a record the office knows is updated, one it does not know is compared with
the office requests (``exchange.duplicates``, with blocking) and either becomes a new request
(under an office reference) or waits in the review queue as a possible duplicate. There an
advisor links it (:func:`link`: the forum's values complete the office request field by
field), keeps it separate (:func:`separate`: it becomes a request of its own), or undoes a
link (:func:`unlink`: the office values the link replaced come back). Every step is audited,
and every write of a record goes through the repositories, whose entries hold the values
after the change (``verify`` stays green).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from housingmatch.domain.fields import request_fields
from housingmatch.domain.labels import french_date
from housingmatch.domain.merge import (
    ExportSummary,
    ImportPlan,
    MergePair,
    MergeState,
    NewRequest,
    PlannedUpdate,
    RefusedRecord,
)
from housingmatch.domain.model import Request
from housingmatch.domain.session import Session
from housingmatch.errors import UserError
from housingmatch.exchange import package
from housingmatch.exchange.duplicates import ForumBlocks
from housingmatch.exchange.forum_records import (
    COLUMNS,
    IDENTITY_FIELDS,
    NOT_LINKED,
    PAYLOAD_FORMAT,
    PAYLOAD_VERSION,
    changed_fields,
    differing,
    laptop_fields,
    parse_one,
    parse_records,
    person,
    read_payload,
    template_cells,
)
from housingmatch.files import atomic_output
from housingmatch.rules.permissions import Action, require
from housingmatch.services.identity import ref_allocator
from housingmatch.store import Store
from housingmatch.store.audit import GENESIS, PendingEntry
from housingmatch.store.merge import DEVICE_ID, PairRow

PASSPHRASE_ENV = "HOUSINGMATCH_PACKAGE_PASSPHRASE"
EXACT_REASON = "même numéro unique"


# -- the laptop: writing a package ---------------------------------------------------------
def export_package(store: Store, session: Session, out: Path, passphrase: str) -> ExportSummary:
    """Seal what was created or changed since the last package into ``out``; audited."""
    require(session, Action.FORUM_PACKAGE)
    device = _device(store)
    last = store.merge.last_export()
    head = store.audit.last_hash()
    entries = store.audit.entries_after(last.last_hash if last else GENESIS)
    if entries is None:
        raise UserError(
            "Le journal ne contient plus l'entrée du dernier paquet : la base a été restaurée "
            "ou modifiée ; rien n'a été écrit."
        )
    entries = store.audit.unseal([e for e in entries if e.entity == "demande"])
    refs = sorted({e.entity_ref for e in entries if e.entity_ref})
    found = store.requests.get_many(refs)
    uuids = {ref: r.uuid for ref, r in found.items()}
    records = [
        {"uuid": r.uuid, "ref": r.ref, "cells": template_cells(r)}
        for r in sorted(found.values(), key=lambda r: r.ref)
    ]
    carried = [
        {
            "id": e.id,
            "at": e.at,
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "entity_ref": e.entity_ref,
            "uuid": e.details.get("uuid") or uuids.get(e.entity_ref or ""),
            "details": e.details,
            "hash": e.hash,
        }
        for e in entries
    ]
    batch = str(uuid4())
    created = datetime.now(UTC).replace(microsecond=0)
    payload = {
        "format": PAYLOAD_FORMAT,
        "version": PAYLOAD_VERSION,
        "device": device,
        "batch": batch,
        "created": created.isoformat(),
        "since": last.created_at if last else None,
        "requests": records,
        "entries": carried,
    }
    data = package.seal(
        json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8"),
        passphrase,
        device,
        batch,
        created,
        cost=(package.SCRYPT_N, package.SCRYPT_R, package.SCRYPT_P),
    )
    with atomic_output(out, database=store.path, binary=True) as handle:
        handle.write(data)
    # Recorded once the file exists: a failure here only makes the next package carry more.
    with store.db.atomic():
        store.merge.record_export(
            _export_row(batch, created.isoformat(), head, len(records), len(carried)), session.user
        )
        store.audit.append(
            session.user,
            [
                PendingEntry(
                    "package_export",
                    "paquet",
                    batch,
                    {
                        "device": device,
                        "created": created.isoformat(),
                        "requests": [r["ref"] for r in records],
                        "entries": len(carried),
                    },
                )
            ],
        )
    return ExportSummary(
        path=str(out),
        device=device,
        batch=batch,
        created=created.isoformat(),
        requests=len(records),
        entries=len(carried),
        since=last.created_at if last else None,
    )


def _export_row(batch: str, created: str, head: str, requests: int, entries: int) -> Any:
    from housingmatch.store.merge import ExportRow

    return ExportRow(batch, created, head, requests, entries)


def _device(store: Store) -> str:
    device = store.merge.setting(DEVICE_ID)
    assert device
    return device


# -- the office: planning and importing -----------------------------------------------------
@dataclass(slots=True)
class _Work:
    """A plan and what writing it takes."""

    plan: ImportPlan
    payload: dict[str, Any]
    new: list[tuple[NewRequest, Request]] = field(default_factory=list)
    updates: list[Request] = field(default_factory=list)
    pairs: list[tuple[str, str, str, float, tuple[str, ...], dict[str, str]]] = field(
        default_factory=list
    )  # office uuid, forum uuid, forum ref, score, reasons, cells
    refreshed: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _open(path: Path, passphrase: str) -> tuple[package.PackageHeader, dict[str, Any]]:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"Le paquet « {path} » n'existe pas.") from None
    return read_payload(data, passphrase)


def _shown_time(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{french_date(moment.date())} à {moment.astimezone().strftime('%H:%M')}"


def _plan(store: Store, header: package.PackageHeader, payload: dict[str, Any]) -> _Work:
    device, batch, created = header.device_id, header.batch_id, header.created.isoformat()
    if device == _device(store):
        raise UserError(
            "Ce paquet a été écrit par cette même base : il ne s'importe que dans une autre "
            "base (celle du bureau) ; rien n'a été importé."
        )
    empty = ImportPlan(created, device, batch, (), (), (), (), entries=len(payload["entries"]))
    if store.merge.imported(batch) is not None:
        return _Work(replace(empty, already_merged=True), payload)
    newest = store.merge.newest_import(device)
    if newest is not None and newest.created_at > created:
        raise UserError(
            f"Ce paquet du {_shown_time(created)} est plus ancien que le paquet du "
            f"{_shown_time(newest.created_at)} déjà fusionné depuis ce portable : il est refusé, "
            "rien n'a été importé."
        )
    records: list[dict[str, Any]] = payload["requests"]
    parsed = parse_records([r["cells"] for r in records])
    refused = tuple(
        RefusedRecord(records[i]["ref"], tuple(messages))
        for i, messages in sorted(parsed.errors.items())
    )
    work = _Work(empty, payload)
    known = store.requests.refs_by_uuid([r["uuid"] for r in records])
    pending: dict[str, list[PairRow]] = {}
    for pair in store.merge.pairs_of_forum([r["uuid"] for r in records if r["uuid"] not in known]):
        pending.setdefault(pair.forum_uuid, []).append(pair)
    touched_by_laptop = laptop_fields(payload["entries"])
    updates: list[PlannedUpdate] = []
    duplicates: list[MergePair] = []
    unchanged = 0
    unknown: list[tuple[int, Request]] = []
    for i, request in sorted(parsed.requests.items()):
        uuid, forum_ref, cells = records[i]["uuid"], records[i]["ref"], records[i]["cells"]
        if uuid in known:
            office = store.requests.get(known[uuid])
            assert office is not None
            # Only what the laptop changed (its entries say which fields): an office edit of
            # another field since the last package stays.
            touched = touched_by_laptop.get(uuid)
            changed = tuple(
                n for n in changed_fields(office, request) if touched is None or n in touched
            )
            if changed:
                merged = parse_one(
                    {**template_cells(office), **{n: cells.get(n, "") for n in changed}},
                    f"La fiche « {forum_ref} » mise à jour est invalide",
                )
                work.updates.append(replace(merged, ref=office.ref, uuid=uuid))
                updates.append(PlannedUpdate(office.ref, forum_ref, changed))
            else:
                unchanged += 1
        elif uuid in pending:
            update, refreshed = _pending_update(store, pending[uuid], cells, request)
            if update is not None:
                work.updates.append(update)
                updates.append(PlannedUpdate(update.ref, forum_ref, _changed_fields(store, update)))
            work.refreshed += refreshed
            if update is None and not refreshed:
                unchanged += 1
        else:
            unknown.append((i, request))
    if unknown:
        blocks = ForumBlocks([person(records[i]["uuid"], r) for i, r in unknown])
        found = blocks.scan(store.merge.dedup_rows())
        wanted = store.requests.refs_by_uuid([m.office_key for ms in found.values() for m in ms])
        offices = {
            r.uuid or "": r for r in store.requests.get_many(sorted(set(wanted.values()))).values()
        }
        for i, request in unknown:
            uuid, forum_ref, cells = records[i]["uuid"], records[i]["ref"], records[i]["cells"]
            matches = found.get(uuid, [])
            if not matches:
                work.new.append(
                    (NewRequest(forum_ref, uuid, request.display_name), replace(request, uuid=uuid))
                )
                continue
            for m in matches:
                office = offices[m.office_key]
                work.pairs.append((m.office_key, uuid, forum_ref, m.score, m.reasons, cells))
                duplicates.append(
                    MergePair(
                        0,
                        office.ref,
                        forum_ref,
                        m.score,
                        m.reasons,
                        differing(office, request),
                        MergeState.EN_ATTENTE,
                        office.display_name,
                        request.display_name,
                    )
                )
    work.plan = replace(
        empty,
        new_requests=tuple(n for n, _ in work.new),
        updates=tuple(updates),
        duplicates=tuple(duplicates),
        refused=refused,
        unchanged=unchanged,
    )
    return work


def _changed_fields(store: Store, update: Request) -> tuple[str, ...]:
    office = store.requests.get(update.ref)
    return changed_fields(office, update) if office is not None else ()


def _pending_update(
    store: Store, pairs: list[PairRow], cells: dict[str, str], request: Request
) -> tuple[Request | None, list[tuple[int, dict[str, str]]]]:
    """A record already waiting or linked comes again: refresh it, carry its changes if linked."""
    refreshed = [(p.id, cells) for p in pairs if p.forum_record != cells]
    linked = [p for p in pairs if p.state == MergeState.LIEE]
    if not linked or not refreshed:
        return None, refreshed
    pair = linked[0]
    previous = parse_one(pair.forum_record, "Fiche du forum")
    office = store.requests.get_by_uuid(pair.office_uuid)
    if office is None:
        return None, refreshed
    was, now = request_fields(previous), request_fields(request)
    moved = [n for n in COLUMNS if n not in NOT_LINKED and was.get(n) != now.get(n)]
    if not moved:
        return None, refreshed
    merged = parse_one(
        {**template_cells(office), **{n: cells.get(n, "") for n in moved}},
        "Mise à jour d'une fiche liée",
    )
    return replace(merged, ref=office.ref, uuid=office.uuid), refreshed


def plan_import(store: Store, session: Session, path: Path, passphrase: str) -> ImportPlan:
    """Open a package and say what importing it would do; nothing is written."""
    require(session, Action.FORUM_PACKAGE)
    header, payload = _open(path, passphrase)
    return _plan(store, header, payload).plan


def import_package(store: Store, session: Session, path: Path, passphrase: str) -> ImportPlan:
    """Import a package all-or-nothing: new requests, updates, possible duplicates; audited."""
    require(session, Action.FORUM_PACKAGE)
    header, payload = _open(path, passphrase)
    with store.db.atomic():
        work = _plan(store, header, payload)
        plan = work.plan
        if plan.already_merged:
            return plan
        if plan.refused:
            first = plan.refused[0]
            raise UserError(
                f"Le paquet contient {len(plan.refused)} fiche(s) invalide(s) (la première, "
                f"« {first.forum_ref} » : {first.messages[0]}) : rien n'a été importé."
            )
        source = f"paquet de forum {plan.batch} (appareil {plan.device})"
        allocate = ref_allocator(store)
        new = [(n, replace(r, ref=allocate())) for n, r in work.new]
        if new:
            store.requests.save_many(
                [r for _, r in new], session.user, source, preserve_state=False
            )
        if work.updates:
            store.requests.save_many(work.updates, session.user, source, preserve_state=True)
        for office_uuid, forum_uuid, forum_ref, score, reasons, cells in work.pairs:
            store.merge.add_pair(
                plan.batch, plan.device, office_uuid, forum_uuid, forum_ref, score, reasons, cells
            )
        for pair_id, cells in work.refreshed:
            store.merge.set_forum_record(pair_id, cells)
        kept = store.merge.keep_entries(plan.device, plan.batch, payload["entries"])
        store.merge.record_import(
            plan.batch,
            plan.device,
            plan.package_date,
            session.user,
            (len(new), len(work.updates), len(work.pairs)),
        )
        store.audit.append(
            session.user,
            [
                PendingEntry(
                    "package_import",
                    "paquet",
                    plan.batch,
                    {
                        "device": plan.device,
                        "created": plan.package_date,
                        "new": {n.forum_ref: r.ref for n, r in new},
                        "updates": [u.office_ref for u in plan.updates],
                        "duplicates": [[p.office_ref, p.forum_ref] for p in plan.duplicates],
                        "entries": kept,
                    },
                )
            ],
        )
    return replace(
        plan, new_requests=tuple(replace(n, office_ref=r.ref) for n, r in new), entries=kept
    )


# -- the review queue -------------------------------------------------------------------
def merge_pairs(store: Store, session: Session, state: MergeState | None = None) -> list[MergePair]:
    """Return the possible duplicates (optionally in one state), best score first."""
    require(session, Action.FORUM_PACKAGE)
    rows = store.merge.pairs(state.value if state else None)
    return _pairs(store, rows)


def _pairs(store: Store, rows: Sequence[PairRow]) -> list[MergePair]:
    refs = store.requests.refs_by_uuid([r.office_uuid for r in rows])
    offices = {r.uuid: r for r in store.requests.get_many(list(refs.values())).values()}
    parsed = parse_records([r.forum_record for r in rows])
    out = []
    for i, row in enumerate(rows):
        office = offices.get(row.office_uuid)
        forum = parsed.requests.get(i)
        if office is None or forum is None:
            continue  # the office request was removed, or the stored record no longer reads
        out.append(
            MergePair(
                row.id,
                office.ref,
                row.forum_ref,
                row.score,
                row.reasons,
                differing(office, forum),
                MergeState(row.state),
                office.display_name,
                forum.display_name,
                row.linked_fields,
            )
        )
    return out


def _find(store: Store, office_ref: str, forum_ref: str) -> tuple[PairRow, Request]:
    office = store.requests.get(office_ref)
    rows = [
        p
        for p in store.merge.pairs()
        if office is not None and p.office_uuid == office.uuid and p.forum_ref == forum_ref
    ]
    if office is None or not rows:
        raise UserError(
            f"Aucun doublon possible n'associe la demande « {office_ref} » et la fiche du "
            f"forum « {forum_ref} » (voir housingmatch merge list)."
        )
    return rows[0], office


def _one(store: Store, pair_id: int) -> MergePair:
    return next(p for p in _pairs(store, store.merge.pairs()) if p.id == pair_id)


def _pair_entry(action: str, pair: PairRow, office_ref: str, **details: Any) -> PendingEntry:
    return PendingEntry(
        action,
        "fusion",
        f"{office_ref}~{pair.forum_ref}",
        {
            "office": office_ref,
            "forum": pair.forum_ref,
            "forum_uuid": pair.forum_uuid,
            "device": pair.device_id,
            "batch": pair.batch_id,
            "score": pair.score,
            **details,
        },
    )


def link(
    store: Store,
    session: Session,
    office_ref: str,
    forum_ref: str,
    fields: Sequence[str] | None = None,
) -> MergePair:
    """Link a forum record to an office request: its values complete the request; audited.

    ``fields`` are template column names; by default every field where the forum has a value
    that differs, except the names, birth date and unique number (a forum's spelling of them
    is a typo, not news: name them to take them); never the reference, the life cycle or the
    filing dates.
    """
    require(session, Action.FORUM_PACKAGE)
    with store.db.atomic():
        pair, office = _find(store, office_ref, forum_ref)
        _pair_is(pair, MergeState.EN_ATTENTE, office_ref)
        others = [
            p for p in store.merge.pairs_of_forum([pair.forum_uuid]) if p.state == MergeState.LIEE
        ]
        if others:
            raise UserError(
                f"La fiche du forum « {forum_ref} » est déjà liée à une autre demande : "
                "déliez-la d'abord (housingmatch merge unlink)."
            )
        forum = parse_one(pair.forum_record, f"La fiche du forum « {forum_ref} » est invalide")
        diffs = {d.field: d for d in differing(office, forum)}
        # An incomplete intake's missing fields hold placeholders (no income, no home): they
        # never replace what the office knows, nor does the intake's own incompleteness.
        unknown = {"a_completer", *forum.to_complete}
        if fields is None:
            chosen = [
                n
                for n, d in diffs.items()
                if n not in NOT_LINKED
                and n not in IDENTITY_FIELDS
                and n not in unknown
                and d.forum not in (None, "")
            ]
        else:
            bad = [n for n in fields if n not in COLUMNS or n in NOT_LINKED]
            if bad:
                raise UserError(
                    f"Champ(s) que la liaison ne peut pas reprendre : {', '.join(bad)} (la "
                    "référence, le statut et les dates de dépôt restent ceux du bureau)."
                )
            blank = [n for n in fields if n in unknown]
            if blank:
                raise UserError(
                    f"La fiche du forum « {forum_ref} » n'a pas renseigné : {', '.join(blank)} "
                    "(saisie incomplète) : la liaison garde les valeurs du bureau."
                )
            chosen = [n for n in COLUMNS if n in fields and n in diffs]
        office_cells = template_cells(office)
        merged = parse_one(
            {**office_cells, **{n: pair.forum_record.get(n, "") for n in chosen}},
            "La liaison donnerait une demande invalide",
        )
        merged = replace(merged, ref=office.ref, uuid=office.uuid)
        if chosen:
            store.requests.save_many(
                [merged], session.user, f"liaison avec la fiche du forum {forum_ref}"
            )
        before = {n: office_cells[n] for n in chosen}
        store.merge.decide(pair.id, MergeState.LIEE.value, session.user, chosen, before)
        store.audit.append(
            session.user, [_pair_entry("merge_link", pair, office_ref, fields=chosen)]
        )
    return _one(store, pair.id)


def unlink(store: Store, session: Session, office_ref: str, forum_ref: str) -> MergePair:
    """Undo a link: the office values it replaced come back; the pair waits again; audited.

    A field changed at the office after the link keeps its newer value.
    """
    require(session, Action.FORUM_PACKAGE)
    with store.db.atomic():
        pair, office = _find(store, office_ref, forum_ref)
        _pair_is(pair, MergeState.LIEE, office_ref)
        forum = request_fields(parse_one(pair.forum_record, "Fiche du forum"))
        current = request_fields(office)
        restored = [n for n in pair.linked_fields if current.get(n) == forum.get(n)]
        kept = [n for n in pair.linked_fields if n not in restored]
        if restored:
            back = parse_one(
                {**template_cells(office), **{n: pair.before_link.get(n, "") for n in restored}},
                "Les valeurs d'avant la liaison ne se relisent pas",
            )
            store.requests.save_many(
                [replace(back, ref=office.ref, uuid=office.uuid)],
                session.user,
                f"séparation de la fiche du forum {forum_ref}",
            )
        store.merge.decide(pair.id, MergeState.EN_ATTENTE.value, session.user)
        store.audit.append(
            session.user,
            [_pair_entry("merge_unlink", pair, office_ref, restored=restored, kept=kept)],
        )
    return _one(store, pair.id)


def separate(store: Store, session: Session, office_ref: str, forum_ref: str) -> MergePair:
    """Keep a forum record apart from an office request; audited.

    Once none of its pairs waits or is linked, the forum record becomes a new office request.
    """
    require(session, Action.FORUM_PACKAGE)
    with store.db.atomic():
        pair, _office = _find(store, office_ref, forum_ref)
        _pair_is(pair, MergeState.EN_ATTENTE, office_ref)
        store.merge.decide(pair.id, MergeState.SEPAREE.value, session.user)
        created = _create_if_apart(store, session, pair)
        store.audit.append(
            session.user, [_pair_entry("merge_separate", pair, office_ref, created=created)]
        )
    return _one(store, pair.id)


def _create_if_apart(store: Store, session: Session, pair: PairRow) -> str | None:
    siblings = store.merge.pairs_of_forum([pair.forum_uuid])
    if any(p.state != MergeState.SEPAREE for p in siblings):
        return None
    if store.requests.refs_by_uuid([pair.forum_uuid]):
        return None
    forum = parse_one(pair.forum_record, f"La fiche du forum « {pair.forum_ref} » est invalide")
    request = replace(forum, ref=ref_allocator(store)(), uuid=pair.forum_uuid)
    store.requests.save_many(
        [request],
        session.user,
        f"fiche du forum {pair.forum_ref} gardée distincte (appareil {pair.device_id})",
        preserve_state=False,
    )
    return request.ref


def _pair_is(pair: PairRow, state: MergeState, office_ref: str) -> None:
    if pair.state != state:
        raise UserError(
            f"La paire « {office_ref} » / « {pair.forum_ref} » est {MergeState(pair.state).label} "
            f"(et non {state.label})."
        )


def apply_merges(store: Store, session: Session) -> list[MergePair]:
    """Link the sure pairs still waiting (same unique number) with every differing field.

    The other pairs wait for an advisor's decision; returns the pairs linked.
    """
    require(session, Action.FORUM_PACKAGE)
    done = []
    linked_forums: set[str] = set()
    for row in store.merge.pairs(MergeState.EN_ATTENTE.value):
        if EXACT_REASON not in row.reasons or row.forum_uuid in linked_forums:
            continue
        refs = store.requests.refs_by_uuid([row.office_uuid])
        if row.office_uuid not in refs:
            continue
        done.append(link(store, session, refs[row.office_uuid], row.forum_ref))
        linked_forums.add(row.forum_uuid)
    return done


def origin_entries(store: Store, session: Session, ref: str) -> list[dict[str, Any]]:
    """Return the laptop audit entries of a request, with their device and batch."""
    require(session, Action.AUDIT_READ)
    request = store.requests.get(ref)
    if request is None or request.uuid is None:
        raise UserError(f"Aucune demande n'a la référence « {ref} ».")
    uuids = [request.uuid] + [
        p.forum_uuid
        for p in store.merge.pairs(MergeState.LIEE.value)
        if p.office_uuid == request.uuid
    ]
    return [e for u in uuids for e in store.merge.origin_entries(u)]
