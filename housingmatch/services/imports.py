"""Import requests or units from a CSV/XLSX file: preview, all-or-nothing or partial write."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from housingmatch.domain.labels import plural
from housingmatch.domain.session import Session
from housingmatch.errors import JobCancelled, UserError
from housingmatch.exchange.cells import neutralise
from housingmatch.exchange.importer import Cancelled, ParsedFile, Progress, RowError, parse_table
from housingmatch.exchange.tables import RawTable, read_table
from housingmatch.exchange.templates import TEMPLATES, HeaderMatch
from housingmatch.files import atomic_output, check_output_path
from housingmatch.geo import default_gazetteer
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store

KINDS = tuple(TEMPLATES)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What an import would do, before anything is written."""

    kind: str
    path: Path
    mapping: list[HeaderMatch]
    unknown_headers: list[str]
    missing_columns: list[str]
    errors: list[RowError]
    total_rows: int
    valid_rows: int
    encoding: str | None = None
    delimiter: str | None = None
    readings: list[str] = field(default_factory=list)

    @property
    def can_import(self) -> bool:
        """Tell whether the file's headers allow importing at all."""
        return not self.missing_columns


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did."""

    kind: str
    path: Path
    total_rows: int
    errors: list[RowError]
    written: bool
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejects_path: Path | None = None
    readings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """Return a one-paragraph French summary (words agree with their counts)."""
        lines = plural(self.total_rows, "ligne")
        if not self.written:
            return (
                f"Import refusé : {plural(len(self.errors), 'erreur')} sur {lines} ; "
                f"aucune donnée n'a été écrite (option --partial pour importer les lignes valides)."
            )
        feminine = self.kind == "demandes"
        if feminine:
            created = plural(len(self.created), "demande créée", "demandes créées")
            updated = plural(len(self.updated), "mise à jour", "mises à jour")
            unchanged = plural(len(self.unchanged), "inchangée")
        else:
            created = plural(len(self.created), "logement créé", "logements créés")
            updated = plural(len(self.updated), "mis à jour", "mis à jour")
            unchanged = plural(len(self.unchanged), "inchangé")
        read = plural(self.total_rows, "ligne lue", "lignes lues")
        text = f"{read} : {created}, {updated}, {unchanged}"
        if self.errors:
            text += f", {plural(len(self.errors), 'erreur')}"
        if self.rejects_path is not None:
            text += f" ; lignes rejetées enregistrées dans « {self.rejects_path} »"
        text += "."
        if self.readings:
            text += " À vérifier, communes lues approximativement : " + " ; ".join(self.readings)
            text += "."
        return text


def _check_kind(kind: str) -> None:
    if kind not in TEMPLATES:
        raise UserError(f"Type d'import inconnu « {kind} » : choisissez demandes ou logements.")


def _parse(
    kind: str,
    path: Path,
    progress: Progress | None,
    cancelled: Cancelled | None,
    today: date | None,
) -> tuple[RawTable, ParsedFile]:
    _check_kind(kind)
    table = read_table(path)
    parsed = parse_table(kind, table, default_gazetteer(), today, progress, cancelled)
    return table, parsed


def preview_import(
    store: Store | None,
    session: Session,
    kind: str,
    path: str | Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportPreview:
    """Read and check a file without writing anything."""
    require(session, Action.IMPORT_DATA)
    path = Path(path)
    table, parsed = _parse(kind, path, progress, cancelled, today)
    return ImportPreview(
        kind=kind,
        path=path,
        mapping=parsed.mapping.matches,
        unknown_headers=parsed.mapping.unknown_headers,
        missing_columns=parsed.mapping.missing_columns,
        errors=parsed.errors,
        total_rows=parsed.total_rows,
        valid_rows=len(parsed.records),
        encoding=table.encoding,
        delimiter=table.delimiter,
        readings=parsed.readings,
    )


def default_rejects_path(path: Path) -> Path:
    """Return where the rejected rows of ``path`` go by default (``NAME.rejets.csv``)."""
    return path.with_name(f"{path.stem}.rejets.csv")


def write_rejects(
    table: RawTable, parsed: ParsedFile, target: Path, database: Path | None = None
) -> None:
    """Write the rejected rows with an ``erreurs`` column, atomically (``;``, UTF-8 with BOM).

    The database file and the file read are refused as target; formulas are neutralised.
    """
    messages: dict[int, list[str]] = {}
    for error in parsed.errors:
        messages.setdefault(error.line, []).append(
            f"{error.column} : {error.message}" + (f" (« {error.value} »)" if error.value else "")
        )
    with atomic_output(
        target, database=database, inputs=[table.path] if table.path else [], encoding="utf-8-sig"
    ) as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([neutralise(h) for h in [*table.headers, "erreurs"]])
        for line, cells in table.rows:
            if line in parsed.rejected_lines:
                padded = cells + [""] * (len(table.headers) - len(cells))
                row = [*padded[: len(table.headers)], " | ".join(messages.get(line, []))]
                writer.writerow([neutralise(c) for c in row])


def import_file(
    store: Store,
    session: Session,
    kind: str,
    path: str | Path,
    partial: bool = False,
    rejects_path: str | Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import a file: all or nothing by default; ``partial`` writes the good rows.

    Re-importing the same file changes nothing; a changed row updates its record and the
    change is audited field by field.
    """
    require(session, Action.IMPORT_DATA)
    path = Path(path)
    rejects = Path(rejects_path) if rejects_path else default_rejects_path(path)
    # Refuse a bad rejects path before reading anything, and surely before writing.
    check_output_path(rejects, store.path, [path])
    table, parsed = _parse(kind, path, progress, cancelled, today)
    if parsed.mapping.missing_columns:
        missing = ", ".join(parsed.mapping.missing_columns)
        raise UserError(f"Colonnes obligatoires absentes de « {path.name} » : {missing}.")
    if parsed.errors and not partial:
        return ImportReport(kind, path, parsed.total_rows, parsed.errors, written=False)
    if cancelled is not None and cancelled():
        raise JobCancelled()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    source = f"import {path.name} (sha256 {digest})"
    records = [record for _, record in parsed.records]
    repo = store.requests if kind == "demandes" else store.units
    outcome = repo.save_many(records, session.user, source)  # type: ignore[arg-type]
    written_rejects: Path | None = None
    if parsed.errors:
        write_rejects(table, parsed, rejects, store.path)
        written_rejects = rejects
    return ImportReport(
        kind,
        path,
        parsed.total_rows,
        parsed.errors,
        written=True,
        created=outcome.created,
        updated=outcome.updated,
        unchanged=outcome.unchanged,
        rejects_path=written_rejects,
        readings=parsed.readings,
    )


def export_file(store: Store, session: Session, kind: str, path: str | Path) -> int:
    """Write every request or unit to a CSV in the import template; return the row count.

    The file imports back unchanged (same records, nothing created or updated).
    """
    from housingmatch.exchange.export import write_csv

    require(session, Action.EXPORT_DATA)
    _check_kind(kind)
    path = Path(path)
    if path.suffix.lower() != ".csv":
        raise UserError(f"L'export s'écrit en CSV : « {path.name} » doit finir par .csv.")
    records = store.requests.all() if kind == "demandes" else store.units.all()
    return write_csv(path, kind, records, store.path)
