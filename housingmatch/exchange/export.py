"""Write requests and units in the import templates (CSV, ``;``, UTF-8 with BOM)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from housingmatch.domain.fields import Scalar, request_fields, unit_fields
from housingmatch.domain.model import Request, Unit
from housingmatch.exchange.cells import neutralise
from housingmatch.exchange.templates import REQUEST_COLUMNS, UNIT_COLUMNS
from housingmatch.files import atomic_output
from housingmatch.geo import Gazetteer, default_gazetteer


def _text(value: Scalar) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@lru_cache(maxsize=4096)
def _commune_name(code: str, gazetteer: Gazetteer) -> str:
    """Return the commune's name when it reads back as the same commune, else its INSEE code."""
    commune = gazetteer.get(code)
    if commune is None:
        return code
    try:
        same = gazetteer.resolve(commune.nom).code_insee == code
    except ValueError:  # a homonym elsewhere: the name alone would be ambiguous
        same = False
    return commune.nom if same else code


def request_row(request: Request, gazetteer: Gazetteer | None = None) -> list[str]:
    """Return a request as a template row, communes written by name."""
    gaz = gazetteer or default_gazetteer()
    fields = request_fields(request)
    for name in ("commune_residence", "commune_travail"):
        fields[name] = _commune_name(str(fields[name]), gaz)
    fields["communes_souhaitees"] = "|".join(_commune_name(c, gaz) for c in request.wishes.communes)
    for name in ("typologie_min", "typologie_max"):
        if fields[name] is not None:
            fields[name] = f"T{fields[name]}"
    # ``a_completer`` is only there while a forum intake is incomplete.
    return [_text(fields.get(c.name)) for c in REQUEST_COLUMNS]


def unit_row(unit: Unit, gazetteer: Gazetteer | None = None) -> list[str]:
    """Return a unit as a template row, its commune written by name."""
    fields = unit_fields(unit)
    fields["commune"] = _commune_name(unit.commune, gazetteer or default_gazetteer())
    fields["typologie"] = f"T{unit.typology}"
    return [_text(fields[c.name]) for c in UNIT_COLUMNS]


def write_csv(
    path: Path,
    kind: str,
    records: Iterable[Request] | Iterable[Unit],
    database: Path | None = None,
) -> int:
    """Write records to a template CSV atomically; return the number of rows.

    ``database`` is the open database file, which (with its companions) is refused as output.
    Cells that a spreadsheet would run as formulas are neutralised.
    """
    columns = REQUEST_COLUMNS if kind == "demandes" else UNIT_COLUMNS
    row = request_row if kind == "demandes" else unit_row
    gaz = default_gazetteer()
    count = 0
    with atomic_output(path, database=database, encoding="utf-8-sig") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([c.name for c in columns])
        for record in records:
            writer.writerow([neutralise(c) for c in row(record, gaz)])  # type: ignore[arg-type]
            count += 1
    return count
