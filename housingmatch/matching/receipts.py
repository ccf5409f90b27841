"""Ranking receipts: everything a ranking used and gave, compact, so it can be replayed exactly.

A receipt holds the rule set's text and hash, the reference data used (ceiling rows, the
unit's A/B/C zone and EPCI, the first-quartile threshold), the unit, every evaluated
request's inputs as they were (names and contact details left out: the engine never reads
them), and the full result (every ranked and excluded request). It is stored as two zlib
sections over JSON columns: the result alone can be read without inflating the inputs.
"""

from __future__ import annotations

import dataclasses
import json
import operator
import struct
import types
import typing
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import cache, cached_property
from typing import Any

from housingmatch.domain.model import Applicant, Request, Unit
from housingmatch.matching.eligibility import MatchingContext
from housingmatch.matching.engine import MatchingEngine
from housingmatch.matching.index import CandidateIndex
from housingmatch.matching.results import (
    PART_ORDER,
    Exclusion,
    Ranking,
    codes_from_mask,
    mask_from_codes,
)
from housingmatch.rules.ceilings import CeilingTable
from housingmatch.rules.ruleset import RuleSet, parse_ruleset

MAGIC = b"HMR1"
# Applicant fields the engine never reads: not kept (personal data stays in the request).
_DROPPED = {"applicant.last_name", "applicant.first_name", "applicant.email", "applicant.phone",
            "applicant.address"}  # fmt: skip


# -- a columnar codec for frozen dataclasses ---------------------------------------------------
@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _leaves(cls: type, prefix: str = "") -> list[tuple[str, Any]]:
    """Return (dotted path, type) of every scalar field of a dataclass, nested ones flattened."""
    out: list[tuple[str, Any]] = []
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        path = f"{prefix}{f.name}"
        if dataclasses.is_dataclass(tp):
            out += _leaves(tp, path + ".")  # type: ignore[arg-type]
        else:
            out.append((path, tp))
    return out


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot encode {value!r}")


def _decoder(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        decode = _decoder(inner[0])
        return lambda v: None if v is None else decode(v)
    if origin is tuple:
        item = _decoder(typing.get_args(tp)[0])
        return lambda v: tuple(item(x) for x in v)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if tp is date:
        return date.fromisoformat
    if tp is float:
        return float
    return lambda v: v


def _plain(tp: Any) -> bool:
    """Return whether values of a field type are JSON as they are (no conversion needed)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return all(_plain(a) for a in typing.get_args(tp))
    return tp in (bool, int, float, str, type(None))


def encode_columns(cls: type, items: Sequence[Any]) -> dict[str, list[Any]]:
    """Return dataclass instances as {dotted field: [values]} (the dropped fields left out)."""
    out: dict[str, list[Any]] = {}
    for path, tp in _leaves(cls):
        if path in _DROPPED:
            continue
        getter = operator.attrgetter(path)
        values = [getter(item) for item in items]
        out[path] = values if _plain(tp) else [_encode(v) for v in values]
    return out


def decode_columns(cls: type, columns: dict[str, list[Any]]) -> list[Any]:
    """Rebuild dataclass instances from :func:`encode_columns` output."""
    leaves = [(p, _decoder(t)) for p, t in _leaves(cls) if p in columns]
    count = len(next(iter(columns.values()))) if columns else 0
    decoded = {p: [dec(v) for v in columns[p]] for p, dec in leaves}
    build = _builder(cls, decoded, "")
    return [build(i) for i in range(count)]


def _builder(cls: type, decoded: dict[str, list[Any]], prefix: str) -> Any:
    """Return a function building instance ``i`` of a dataclass from decoded columns."""
    hints = _hints(cls)
    parts: list[tuple[str, Any]] = []
    for f in dataclasses.fields(cls):
        path = f"{prefix}{f.name}"
        tp = hints[f.name]
        if dataclasses.is_dataclass(tp):
            parts.append((f.name, _builder(tp, decoded, path + ".")))  # type: ignore[arg-type]
        elif path in decoded:
            parts.append((f.name, decoded[path].__getitem__))
        elif cls is Applicant and f.name in ("last_name", "first_name"):
            parts.append((f.name, lambda i: ""))

    def build(i: int) -> Any:
        return cls(**{name: get(i) for name, get in parts})

    return build


# -- receipts -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReceiptResult:
    """The result kept in a receipt: every ranked and excluded request."""

    unit_ref: str
    on: date
    ruleset_hash: str
    ranked: tuple[tuple[str, int, float, tuple[float, ...], float | None], ...]
    excluded: tuple[tuple[str, tuple[Exclusion, ...]], ...]
    warnings: tuple[str, ...]

    def ranked_refs(self) -> list[str]:
        """Return the ranked references, best first."""
        return [r[0] for r in self.ranked]

    def rank_of(self, ref: str) -> int | None:
        """Return the rank of a request, or None when it is not ranked."""
        for r in self.ranked:
            if r[0] == ref:
                return r[1]
        return None


@dataclass(frozen=True)
class Receipt:
    """A whole receipt: the result and everything needed to compute it again.

    The requests' inputs stay in their columns until :attr:`requests` is read: a replay
    builds the candidate index from the columns, as the database's index is built, without
    rebuilding one ``Request`` per evaluated household (most of a replay's time).
    """

    result: ReceiptResult
    ruleset_text: str
    ceilings: tuple[tuple[int, str, str, str, float], ...]
    zone_abc: str | None
    epci: str | None
    first_quartile_threshold: float | None
    unit: Unit
    request_columns: dict[str, list[Any]]

    @cached_property
    def requests(self) -> tuple[Request, ...]:
        """Return the evaluated requests' inputs as they were on the day."""
        return tuple(decode_columns(Request, self.request_columns))


def _result_of(ranking: Ranking) -> dict[str, Any]:
    ranked = list(ranking.ranked)
    return {
        "unit": ranking.unit_ref,
        "on": ranking.on.isoformat(),
        "ruleset_hash": ranking.ruleset.hash,
        "ranked_refs": [c.ref for c in ranked],
        "ranks": [c.rank for c in ranked],
        "scores": [c.score for c in ranked],
        "parts": [[c.points(p) for c in ranked] for p in PART_ORDER],
        "commute": [c.commute_minutes for c in ranked],
        "excluded_refs": [e.ref for e in ranking.excluded],
        "excluded_masks": [mask_from_codes(e.codes) for e in ranking.excluded],
        "warnings": list(ranking.warnings),
    }


def _pack(section: dict[str, Any]) -> bytes:
    raw = json.dumps(section, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return zlib.compress(raw, 6)


def build_receipt(
    ranking: Ranking,
    unit: Unit,
    requests: Sequence[Request],
    context: MatchingContext,
    ceiling_rows: Sequence[tuple[int, str, str, str, float]],
) -> bytes:
    """Return the compressed receipt of a ranking computed from these inputs."""
    result = _pack(_result_of(ranking))
    inputs = _pack(
        {
            "ruleset_text": context.ruleset.text,
            "ceilings": [list(r) for r in ceiling_rows],
            "zone_abc": context.places.zone_abc(unit.commune),
            "epci": context.places.epci(unit.commune),
            "first_quartile_threshold": ranking.first_quartile_threshold,
            "unit": encode_columns(Unit, [unit]),
            "requests": encode_columns(Request, list(requests)),
        }
    )
    return MAGIC + struct.pack(">I", len(result)) + result + inputs


def _sections(blob: bytes) -> tuple[bytes, bytes]:
    if blob[:4] != MAGIC:
        raise ValueError("not a HousingMatch ranking receipt")
    (size,) = struct.unpack(">I", blob[4:8])
    return blob[8 : 8 + size], blob[8 + size :]


def read_result(blob: bytes) -> ReceiptResult:
    """Return the result kept in a receipt (without inflating its inputs)."""
    data = json.loads(zlib.decompress(_sections(blob)[0]))
    parts = list(zip(*data["parts"], strict=True)) if data["ranked_refs"] else []
    return ReceiptResult(
        unit_ref=data["unit"],
        on=date.fromisoformat(data["on"]),
        ruleset_hash=data["ruleset_hash"],
        ranked=tuple(
            (ref, rank, score, tuple(p), commute)
            for ref, rank, score, p, commute in zip(
                data["ranked_refs"],
                data["ranks"],
                data["scores"],
                parts,
                data["commute"],
                strict=True,
            )
        ),
        excluded=tuple(
            (ref, codes_from_mask(mask))
            for ref, mask in zip(data["excluded_refs"], data["excluded_masks"], strict=True)
        ),
        warnings=tuple(data["warnings"]),
    )


def read_receipt(blob: bytes) -> Receipt:
    """Return the whole receipt."""
    data = json.loads(zlib.decompress(_sections(blob)[1]))
    return Receipt(
        result=read_result(blob),
        ruleset_text=data["ruleset_text"],
        ceilings=tuple(tuple(r) for r in data["ceilings"]),  # type: ignore[misc]
        zone_abc=data["zone_abc"],
        epci=data["epci"],
        first_quartile_threshold=data["first_quartile_threshold"],
        unit=decode_columns(Unit, data["unit"])[0],
        request_columns=data["requests"],
    )


def receipt_ruleset(receipt: Receipt) -> RuleSet:
    """Return the rule set kept in a receipt."""
    return parse_ruleset(receipt.ruleset_text)


def replay(receipt: Receipt, context_places: Any, rules: RuleSet | None = None) -> Ranking:
    """Rank the receipt's unit again from the receipt's own rules, reference data and inputs.

    With ``rules``, the same unit, day, reference data and households under other rules (the
    policy what-if of a draft rule set).
    """
    rules = rules if rules is not None else receipt_ruleset(receipt)
    threshold = receipt.first_quartile_threshold
    context = MatchingContext(
        ruleset=rules,
        ceilings=CeilingTable(receipt.ceilings),
        places=context_places,
        # The quartile threshold of the day, as the receipt kept it for the unit's EPCI.
        quartile_thresholds=(
            ((receipt.epci, receipt.result.on.year, threshold),)
            if receipt.epci and threshold is not None
            else ()
        ),
    )
    columns = index_columns(receipt.request_columns)
    if columns is None:  # a receipt older than one of the index's inputs
        engine = MatchingEngine(context, list(receipt.requests))
    else:
        values, motifs, l441, communes = columns
        index = CandidateIndex.from_columns(values, motifs, l441, communes, context.places)
        engine = MatchingEngine.from_index(context, index)
    return engine.rank(receipt.unit, receipt.result.on)


#: The candidate index's columns (``store.request_rows.INDEX_FIELDS``) by the receipt's
#: dotted request fields: the same values, ISO dates and enum values, as the table holds.
_INDEX_PATHS = {
    "id": "id",
    "ref": "ref",
    "status": "status",
    "filing_date": "filing_date",
    "renewal_date": "renewal_date",
    "birth_date": "applicant.birth_date",
    "partner_birth_date": "household.partner_birth_date",
    "persons": "household.persons",
    "dependants": "household.dependants",
    "disability": "household.disability",
    "fiscal_income": "household.fiscal_income",
    "monthly_income": "household.monthly_income",
    "recent_income": "household.recent_income",
    "own_income": "household.own_income",
    "children_under_14": "household.children_under_14",
    "typology_min": "wishes.typology_min",
    "typology_max": "wishes.typology_max",
    "max_rent": "wishes.max_rent",
    "needs_pmr": "wishes.needs_pmr",
    "needs_lift": "wishes.needs_lift",
    "mobility": "mobility",
    "mobility_date": "mobility_date",
    "housing_situation": "housing.situation",
    "current_rent": "housing.rent",
    "home_commune": "housing.commune",
    "work_commune": "workplace.commune",
    "work_latitude": "workplace.latitude",
    "work_longitude": "workplace.longitude",
    "transport": "workplace.transport",
    "dalo": "dalo",
    "tie_breaker": "tie_breaker",
    "parked_until": "parked_until",
    "employer": "employer.name",
    "siret": "employer.siret",
}
_LIST_PATHS = ("motifs", "l441", "wishes.communes", "to_complete")


def index_columns(
    columns: dict[str, list[Any]],
) -> tuple[dict[str, list[Any]], list[Any], list[Any], list[Any]] | None:
    """Return a receipt's request columns as the index's table columns, or None when one is
    missing (an older receipt: its requests are then rebuilt one by one)."""
    if any(p not in columns for p in (*_INDEX_PATHS.values(), *_LIST_PATHS)):
        return None
    values = {name: columns[path] for name, path in _INDEX_PATHS.items()}
    values["intake_missing"] = ["|".join(v) if v else None for v in columns["to_complete"]]
    as_tuples = [[tuple(v) for v in columns[p]] for p in ("motifs", "l441", "wishes.communes")]
    return values, as_tuples[0], as_tuples[1], as_tuples[2]


def differences(kept: ReceiptResult, again: ReceiptResult, limit: int = 50) -> list[str]:
    """Return, in French, how two results differ (empty when they are identical)."""
    out: list[str] = []
    if kept.ruleset_hash != again.ruleset_hash:
        out.append(f"Règles : {kept.ruleset_hash[:12]} → {again.ruleset_hash[:12]}")
    before = {r[0]: r for r in kept.ranked}
    after = {r[0]: r for r in again.ranked}
    excl_before = dict(kept.excluded)
    excl_after = dict(again.excluded)
    for ref in sorted(set(before) | set(after) | set(excl_before) | set(excl_after)):
        a, b = before.get(ref), after.get(ref)
        if a and b:
            if a[1] != b[1] or a[2] != b[2]:
                out.append(f"{ref} : rang {a[1]} → {b[1]}, score {a[2]:g} → {b[2]:g}")
            elif a[3] != b[3] or a[4] != b[4]:
                out.append(f"{ref} : mêmes rang et score, parts ou trajet différents")
        elif a and not b:
            why = ", ".join(c.value for c in excl_after.get(ref, ())) or "absente"
            out.append(f"{ref} : rang {a[1]} → exclue ({why})")
        elif b and not a:
            why = ", ".join(c.value for c in excl_before.get(ref, ())) or "absente"
            out.append(f"{ref} : exclue ({why}) → rang {b[1]}")
        else:
            ca, cb = excl_before.get(ref), excl_after.get(ref)
            if ca != cb:
                fa = ", ".join(c.value for c in ca) if ca is not None else "absente"
                fb = ", ".join(c.value for c in cb) if cb is not None else "absente"
                out.append(f"{ref} : exclusion {fa} → {fb}")
    if len(out) > limit:
        out = [*out[:limit], f"… et {len(out) - limit} autres différences"]
    return out


def result_of(ranking: Ranking) -> ReceiptResult:
    """Return a ranking in the receipt's result form (to compare with a kept one)."""
    return read_result(MAGIC + _frame(_pack(_result_of(ranking))))


def _frame(result: bytes) -> bytes:
    return struct.pack(">I", len(result)) + result
