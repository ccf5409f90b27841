"""The human output of ``show``: French labels, rounded amounts, commune names, oui/non."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from housingmatch.domain.labels import (
    DATE_COLUMNS,
    EURO_COLUMNS,
    NO_VALUE,
    STATUS_ENUMS,
    TYPOLOGY_COLUMNS,
    code_label,
    euros,
    euros_to_cent,
    field_label,
    french_date,
    french_number,
    group_label,
    yes_no,
)
from housingmatch.domain.model import LABELS

REQUEST_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Demande",
        (
            "ref_demande",
            "numero_unique",
            "date_depot",
            "date_renouvellement",
            "statut",
            "a_completer",
        ),
    ),
    (
        "Demandeur",
        ("nom", "prenom", "date_naissance", "email", "telephone", "adresse"),
    ),
    ("Logement actuel", ("commune_residence", "situation_logement", "loyer_actuel")),
    (
        "Emploi",
        (
            "employeur",
            "siret",
            "commune_travail",
            "latitude_travail",
            "longitude_travail",
            "mode_transport",
            "type_contrat",
            "mobilite",
            "date_mobilite",
        ),
    ),
    (
        "Ménage",
        (
            "nb_personnes",
            "nb_personnes_a_charge",
            "date_naissance_conjoint",
            "handicap",
            "revenu_fiscal_reference",
            "revenus_mensuels",
            "motifs",
            "dalo",
            "prioritaire_l441",
        ),
    ),
    (
        "Souhaits",
        (
            "communes_souhaitees",
            "typologie_min",
            "typologie_max",
            "loyer_max",
            "besoin_pmr",
            "ascenseur_requis",
        ),
    ),
    ("Clôture", ("date_cloture", "motif_cloture")),
)

UNIT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Logement", ("ref_logement", "statut", "bailleur", "programme", "employeur_reserve")),
    ("Adresse", ("adresse", "commune", "qpv", "latitude", "longitude")),
    (
        "Caractéristiques",
        ("typologie", "surface_m2", "etage", "ascenseur", "accessible_pmr", "financement"),
    ),
    (
        "Loyer et calendrier",
        ("loyer_hors_charges", "charges", "date_disponibilite", "date_limite_proposition"),
    ),
)

_WIDTH = 40


def _commune(entry: dict[str, Any] | None) -> str:
    if not entry:
        return NO_VALUE
    name = entry.get("nom")
    return f"{name} ({entry['code_insee']})" if name else str(entry["code_insee"])


def format_value(column: str, value: Any, kind: str, communes: dict[str, Any] | None = None) -> str:
    """Return one template value as an advisor reads it."""
    communes = communes or {}
    if column in communes:
        found = communes[column]
        if isinstance(found, list):
            return ", ".join(_commune(c) for c in found) or NO_VALUE
        return _commune(found)
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, bool):
        return yes_no(value)
    if column == "a_completer":  # a forum intake: the fields the office completes
        return ", ".join(field_label(f).lower() for f in str(value).split("|"))
    if column == "statut":
        enum = STATUS_ENUMS[kind]
        try:
            return LABELS.get(enum(value), str(value))
        except ValueError:
            return str(value)
    if column in EURO_COLUMNS:
        return euros_to_cent(float(value))
    if column in DATE_COLUMNS:
        return french_date(str(value))
    if column in TYPOLOGY_COLUMNS:
        return f"T{value}"
    if column == "surface_m2":
        return f"{french_number(float(value), 1)} m²"
    if column in ("motifs", "prioritaire_l441"):
        return ", ".join(code_label(column, code) for code in str(value).split("|"))
    if isinstance(value, str):
        return code_label(column, value)
    if isinstance(value, float):
        return french_number(value, 5 if "itude" in column else 2)
    return str(value)


def _section(title: str, rows: Sequence[tuple[str, str]]) -> list[str]:
    lines = ["", title]
    lines += [f"  {label:{_WIDTH - 2}} {value}" for label, value in rows]
    return lines


def _fields(
    record: dict[str, Any], kind: str, sections: tuple[tuple[str, tuple[str, ...]], ...]
) -> list[str]:
    fields = record["demande" if kind == "demande" else "logement"]
    communes = record.get("communes", {})
    lines: list[str] = []
    for title, columns in sections:
        rows = [
            (field_label(c), format_value(c, fields.get(c), kind, communes))
            for c in columns
            if c in fields
        ]
        if title == "Clôture" and all(v == NO_VALUE for _, v in rows):
            continue
        lines += _section(title, rows)
    return lines


def request_lines(record: dict[str, Any]) -> list[str]:
    """Return the lines of ``show demande`` for people."""
    fields, calc = record["demande"], record["calcul"]
    on = french_date(calc["date"])
    lines = [f"Demande {fields['ref_demande']} — {fields['prenom']} {fields['nom']} (au {on})"]
    lines += _fields(record, "demande", REQUEST_SECTIONS)
    groups = ", ".join(group_label(g) for g in calc["groupes_prioritaires"]) or "aucun"
    months = int(calc["anciennete_mois"])
    lines += _section(
        f"Calculé au {on}",
        [
            ("Catégorie de ménage", str(calc["categorie_libelle"])),
            ("Groupes prioritaires", groups),
            ("Premier quartile", str(calc["premier_quartile"])),
            ("Ressources par unité de consommation", euros(calc["ressources_par_uc"])),
            ("Ancienneté", f"{months} mois"),
            ("Statut à cette date", str(calc["statut_du_jour_libelle"])),
            ("Date d'expiration", french_date(calc["date_expiration"])),
            ("Active à cette date", yes_no(calc["active"])),
        ],
    )
    lines += ["", "Plafonds de ressources"]
    table = [("Financement", "Plafond", "Année", "Sous le plafond")]
    warnings = []
    for row in calc["plafonds"]:
        table.append(
            (
                str(row["financement"]),
                euros(row["plafond"]),
                str(row["annee_plafond"] or NO_VALUE),
                yes_no(row["eligible"]),
            )
        )
        if row["avertissement"]:
            warnings.append(str(row["avertissement"]))
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for r in table:
        cells = [r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].rjust(widths[2]), r[3]]
        lines.append("  " + "  ".join(cells).rstrip())
    if warnings:
        lines += ["", "À noter :"] + [f"  - {w}" for w in warnings]
    return lines


def unit_lines(record: dict[str, Any]) -> list[str]:
    """Return the lines of ``show logement`` for people."""
    fields, calc = record["logement"], record["calcul"]
    on = french_date(calc["date"])
    commune = format_value("commune", None, "logement", record.get("communes"))
    lines = [f"Logement {fields['ref_logement']} — T{fields['typologie']} à {commune} (au {on})"]
    lines += _fields(record, "logement", UNIT_SECTIONS)
    lines += _section(
        f"Calculé au {on}",
        [
            ("Loyer charges comprises", euros_to_cent(calc["loyer_charges_comprises"])),
            ("Zone A/B/C", str(calc["zone_abc"] or NO_VALUE)),
            ("Dijon Métropole", yes_no(calc["dijon_metropole"])),
            ("En quartier prioritaire (QPV)", yes_no(calc["en_qpv"])),
        ],
    )
    return lines
