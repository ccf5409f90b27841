"""Forum records as a package carries them: template cells, read with the import's validation.

A package holds each request as the cells of the import template (``exchange.export``), so
that the office reads it back with exactly the checks of a file import
(``exchange.importer``). Pure functions: no store, no session.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from housingmatch.domain.fields import request_fields
from housingmatch.domain.labels import field_label
from housingmatch.domain.merge import FieldDiff
from housingmatch.domain.model import Request
from housingmatch.errors import UserError
from housingmatch.exchange import package
from housingmatch.exchange.duplicates import Person
from housingmatch.exchange.export import request_row
from housingmatch.exchange.importer import parse_table
from housingmatch.exchange.tables import RawTable
from housingmatch.exchange.templates import REQUEST_COLUMNS
from housingmatch.geo import default_gazetteer

PAYLOAD_FORMAT = "housingmatch-forum-records"
PAYLOAD_VERSION = 1
COLUMNS: tuple[str, ...] = tuple(c.name for c in REQUEST_COLUMNS)
#: What a link never copies: the office's reference, life cycle and seniority stay its own.
NOT_LINKED = frozenset(
    {
        "ref_demande",
        "statut",
        "date_cloture",
        "motif_cloture",
        "date_depot",
        "date_renouvellement",
    }
)
#: What a link copies only when asked by name: a forum's spelling of the name or birth date
#: differs because it is a typo, an accent dropped or names swapped, not news.
IDENTITY_FIELDS = frozenset({"nom", "prenom", "date_naissance", "numero_unique"})
#: What a change of the laptop does not carry into an office request: its life cycle.
LIFE_CYCLE = frozenset({"statut", "date_cloture", "motif_cloture"})


# -- reading records -----------------------------------------------------------------------
def template_cells(request: Request) -> dict[str, str]:
    """Return a request as import-template cells by column name (communes by name)."""
    return dict(zip(COLUMNS, request_row(request, default_gazetteer()), strict=True))


@dataclass(slots=True)
class Parsed:
    """Records read back: the requests and the French problems, by position."""

    requests: dict[int, Request] = field(default_factory=dict)  # by position
    errors: dict[int, list[str]] = field(default_factory=dict)


def parse_records(records: Sequence[dict[str, str]], today: date | None = None) -> Parsed:
    """Read template cells back with the import's validation; values stay out of messages."""
    """Check template cells with the import's validation (``exchange.importer``)."""
    table = RawTable(
        headers=list(COLUMNS),
        rows=[
            (i, [str(cells.get(c, "") or "") for c in COLUMNS]) for i, cells in enumerate(records)
        ],
    )
    parsed = parse_table("demandes", table, default_gazetteer(), today)
    out = Parsed()
    for line, request in parsed.records:
        out.requests[line] = request
    for error in parsed.errors:
        # The value stays out of the message: it may be personal.
        out.errors.setdefault(error.line, []).append(f"{error.column} : {error.message}")
    return out


def parse_one(cells: dict[str, str], what: str) -> Request:
    """Read one record back, or raise a French error starting with ``what``."""
    parsed = parse_records([cells])
    if 0 in parsed.requests:
        return parsed.requests[0]
    raise UserError(f"{what} : {' ; '.join(parsed.errors.get(0, ['fiche illisible']))}.")


def differing(office: Request, forum: Request) -> tuple[FieldDiff, ...]:
    """Return the fields whose values differ between two requests (the reference aside)."""
    a, b = request_fields(office), request_fields(forum)
    return tuple(
        FieldDiff(name, field_label(name), a.get(name), b.get(name))
        for name in COLUMNS
        if name != "ref_demande" and a.get(name) != b.get(name)
    )


def person(key: str, request: Request) -> Person:
    """Return what duplicate detection compares of a request."""
    return Person(
        key=key,
        last_name=request.applicant.last_name,
        first_name=request.applicant.first_name,
        birth_date=request.applicant.birth_date,
        employer=request.employer.name,
        unique_number=request.unique_number,
        email=request.applicant.email,
    )


def laptop_fields(entries: list[dict[str, Any]]) -> dict[str, set[str] | None]:
    """Return, by record UUID, the fields the laptop's entries changed (None: every field)."""
    out: dict[str, set[str] | None] = {}
    for entry in entries:
        uuid = entry.get("uuid")
        if not isinstance(uuid, str):
            continue
        details = entry.get("details") or {}
        changes = details.get("changes") if isinstance(details, dict) else None
        if isinstance(changes, dict) and out.get(uuid, set()) is not None:
            known = out.setdefault(uuid, set())
            assert known is not None
            known.update(changes)
        elif isinstance(details, dict) and "after" in details:
            out[uuid] = None  # created on the laptop: every field is the laptop's
    return out


def changed_fields(office: Request, forum: Request) -> tuple[str, ...]:
    """Return the fields a laptop's version changes in an office request (life cycle aside)."""
    a, b = request_fields(office), request_fields(forum)
    return tuple(
        n for n in COLUMNS if n != "ref_demande" and n not in LIFE_CYCLE and a.get(n) != b.get(n)
    )


def read_payload(data: bytes, passphrase: str) -> tuple[package.PackageHeader, dict[str, Any]]:
    """Open a sealed package and check its payload's shape; refuse it in French otherwise."""
    header, raw = package.open_sealed(data, passphrase)
    try:
        payload = json.loads(raw.decode("utf-8"))
        ok = (
            isinstance(payload, dict)
            and payload.get("format") == PAYLOAD_FORMAT
            and payload.get("batch") == header.batch_id
            and payload.get("device") == header.device_id
            and isinstance(payload.get("requests"), list)
            and isinstance(payload.get("entries"), list)
            and all(
                isinstance(r, dict)
                and isinstance(r.get("uuid"), str)
                and isinstance(r.get("ref"), str)
                and isinstance(r.get("cells"), dict)
                for r in payload["requests"]
            )
        )
    except (UnicodeDecodeError, ValueError):
        ok = False
    if not ok:
        raise package.PackageError("Le contenu du paquet est illisible : rien n'a été importé.")
    if payload.get("version") != PAYLOAD_VERSION:
        raise package.PackageError(
            "Ce paquet vient d'une autre version de HousingMatch : mettez l'application à jour ; "
            "rien n'a été importé."
        )
    return header, payload
