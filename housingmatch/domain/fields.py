"""Flat views of requests and units keyed by the import-template column names.

These views are what the audit log compares (field-level before/after), what ``show --json``
prints, and what exports write: one vocabulary, the advisors' own column names.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from housingmatch.domain.model import Request, Unit

Scalar = str | int | float | bool | None


_PLAIN = frozenset({int, float, bool, str, type(None)})


def _value(value: Any) -> Scalar:
    if type(value) in _PLAIN:  # the common case first: this runs 40 times per record
        return value  # type: ignore[no-any-return]
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "|".join(_value(v) for v in value)  # type: ignore[misc]
    return value  # type: ignore[no-any-return]


def request_fields(request: Request) -> dict[str, Scalar]:
    """Return the request as template columns (lists joined with ``|``), plus its status."""
    a, h, w, wish = request.applicant, request.household, request.workplace, request.wishes
    raw: dict[str, Any] = {
        "ref_demande": request.ref,
        "numero_unique": request.unique_number,
        "date_depot": request.filing_date,
        "date_renouvellement": request.renewal_date,
        "nom": a.last_name,
        "prenom": a.first_name,
        "date_naissance": a.birth_date,
        "email": a.email,
        "telephone": a.phone,
        "adresse": a.address,
        "commune_residence": request.housing.commune,
        "situation_logement": request.housing.situation,
        "loyer_actuel": request.housing.rent,
        "employeur": request.employer.name,
        "siret": request.employer.siret,
        "commune_travail": w.commune,
        "latitude_travail": w.latitude,
        "longitude_travail": w.longitude,
        "mode_transport": w.transport,
        "type_contrat": request.contract,
        "mobilite": request.mobility,
        "date_mobilite": request.mobility_date,
        "nb_personnes": h.persons,
        "nb_personnes_a_charge": h.dependants,
        "date_naissance_conjoint": h.partner_birth_date,
        "handicap": h.disability,
        "revenu_fiscal_reference": h.fiscal_income,
        "revenus_mensuels": h.monthly_income,
        "revenu_recent": h.recent_income,
        "ressources_propres": h.own_income,
        "nb_moins_14_ans": h.children_under_14,
        "motifs": tuple(request.motifs),
        "dalo": request.dalo,
        "prioritaire_l441": tuple(request.l441),
        "communes_souhaitees": wish.communes,
        "typologie_min": wish.typology_min,
        "typologie_max": wish.typology_max,
        "loyer_max": wish.max_rent,
        "besoin_pmr": wish.needs_pmr,
        "ascenseur_requis": wish.needs_lift,
        "statut": request.status,
        "date_cloture": request.closed_on,
        "motif_cloture": request.close_reason,
    }
    if request.to_complete:
        # Only while incomplete: the entries of complete requests keep their exact fields.
        raw["a_completer"] = request.to_complete
    return {k: _value(v) for k, v in raw.items()}


def unit_fields(unit: Unit) -> dict[str, Scalar]:
    """Return the unit as template columns, plus its status."""
    raw: dict[str, Any] = {
        "ref_logement": unit.ref,
        "bailleur": unit.landlord,
        "programme": unit.programme,
        "adresse": unit.address,
        "commune": unit.commune,
        "latitude": unit.latitude,
        "longitude": unit.longitude,
        "qpv": unit.qpv,
        "typologie": unit.typology,
        "surface_m2": unit.surface,
        "etage": unit.floor,
        "ascenseur": unit.lift,
        "accessible_pmr": unit.accessible_pmr,
        "financement": unit.financing,
        "loyer_hors_charges": unit.rent,
        "charges": unit.charges,
        "date_disponibilite": unit.available_on,
        "date_limite_proposition": unit.proposal_deadline,
        "employeur_reserve": unit.reserved_employer,
        "statut": unit.status,
    }
    return {k: _value(v) for k, v in raw.items()}


def diff_fields(before: dict[str, Scalar], after: dict[str, Scalar]) -> dict[str, list[Scalar]]:
    """Return ``{field: [before, after]}`` for the fields that differ (or one side lacks)."""
    out = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    out.update({k: [v, None] for k, v in before.items() if k not in after and v is not None})
    return out
