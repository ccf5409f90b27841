"""Turn the rows of an import file into requests or units, reporting every bad value.

Parsing is pure: it needs the gazetteer for communes and returns, for each row, either a
domain object or the list of its errors (line, column, value, French message). Writing is
the service's business (``services.imports``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Financement,
    Household,
    Mobilite,
    ModeTransport,
    Motif,
    PrioriteL441,
    Request,
    RequestStatus,
    SituationLogement,
    TypeContrat,
    Unit,
    UnitStatus,
    Wishes,
    Workplace,
)
from housingmatch.errors import JobCancelled
from housingmatch.exchange import values
from housingmatch.exchange.tables import RawTable
from housingmatch.exchange.templates import TEMPLATES, Column, HeaderMapping, map_headers
from housingmatch.geo import Gazetteer
from housingmatch.rules.intake import INTAKE_MISSING, intake_problems
from housingmatch.rules.validation import validate_request, validate_unit

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

_CODE_ENUMS: dict[str, type] = {
    "situation_logement": SituationLogement,
    "mode_transport": ModeTransport,
    "type_contrat": TypeContrat,
    "mobilite": Mobilite,
    "financement": Financement,
    "motifs": Motif,
    "prioritaire_l441": PrioriteL441,
}


@dataclass(frozen=True, slots=True)
class RowError:
    """A bad value: where it is, what it is and what is wrong, in French."""

    line: int
    column: str
    value: str
    message: str

    def __str__(self) -> str:
        """Return "ligne N, colonne C (« valeur ») : message"."""
        shown = f" (« {self.value} »)" if self.value else ""
        return f"ligne {self.line}, colonne {self.column}{shown} : {self.message}"


@dataclass(slots=True)
class ParsedFile:
    """The outcome of parsing a file: the good records, the bad rows and their errors."""

    kind: str
    mapping: HeaderMapping
    total_rows: int = 0
    records: list[tuple[int, Any]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rejected_lines: set[int] = field(default_factory=set)
    # Communes written approximately (a typo) and how they were read: a warning, not an error.
    readings: list[str] = field(default_factory=list)


class _Row:
    """Reads typed values out of one row, collecting errors instead of stopping."""

    def __init__(
        self, line: int, cells: list[str], index: dict[str, int], columns: dict[str, Column]
    ) -> None:
        self.line = line
        self.cells = cells
        self.index = index
        self.columns = columns
        self.errors: list[RowError] = []

    def raw(self, name: str) -> str:
        position = self.index.get(name)
        if position is None or position >= len(self.cells):
            return ""
        return self.cells[position].strip()

    def get(self, name: str, parser: Callable[[str], Any], default: Any = None) -> Any:
        text = self.raw(name)
        if not text:
            if self.columns[name].required:
                self.errors.append(RowError(self.line, name, "", "valeur obligatoire manquante"))
            return default
        try:
            return parser(text)
        except ValueError as exc:
            self.errors.append(RowError(self.line, name, text, str(exc)))
            return default


class RowParser:
    """Parses rows of one template with a shared gazetteer and a cache of communes."""

    def __init__(self, kind: str, gazetteer: Gazetteer) -> None:
        """Prepare for the ``demandes`` or ``logements`` template."""
        self.kind = kind
        self.columns = {c.name: c for c in TEMPLATES[kind]}
        self.gazetteer = gazetteer
        self._communes: dict[str, str | ValueError] = {}
        self.readings: dict[str, str] = {}

    def commune(self, text: str) -> str:
        """Return the INSEE code of a commune written as a name, INSEE or postal code."""
        cached = self._communes.get(text)
        if cached is None:
            try:
                found = self.gazetteer.resolve(text)
                cached = found.code_insee
                note = self.gazetteer.reading_note(text, found)
                if note is not None:
                    self.readings[text] = note
            except ValueError as exc:
                cached = ValueError(str(exc))
            self._communes[text] = cached
        if isinstance(cached, ValueError):
            raise cached
        return cached

    def communes(self, text: str) -> tuple[str, ...]:
        """Return the INSEE codes of a list of communes (without repeats, in order)."""
        codes: list[str] = []
        for item in values.split_list(text):
            code = self.commune(item)
            if code not in codes:
                codes.append(code)
        return tuple(codes)

    def qpv(self, text: str) -> str:
        """Return the official name of a QPV of Dijon Métropole."""
        found = self.gazetteer.resolve_qpv(text)
        if found is None:
            names = sorted(
                {
                    n
                    for c in self.gazetteer.dijon_metropole()
                    for n in self.gazetteer.qpv_names(c.code_insee)
                }
            )
            raise ValueError(f"QPV inconnu (QPV de Dijon Métropole : {', '.join(names)})")
        return found[0]

    def code(self, name: str) -> Callable[[str], Any]:
        """Return the parser of a coded column."""
        enum = _CODE_ENUMS[name]
        return lambda text: values.parse_code(text, enum)

    def codes(self, name: str) -> Callable[[str], tuple[Any, ...]]:
        """Return the parser of a list of codes."""
        enum = _CODE_ENUMS[name]

        def parse(text: str) -> tuple[Any, ...]:
            out: list[Any] = []
            for item in values.split_list(text):
                code: Any = values.parse_code(item, enum)
                if code not in out:
                    out.append(code)
            return tuple(out)

        return parse

    def parse_request(self, row: _Row, today: date) -> Request | None:
        """Build a request from a row, or None when the row has errors.

        A forum intake (``a_completer``) may leave the fields it lists empty; the rest is
        checked as for any request (``rules.intake.intake_problems``).
        """
        pending = row.get("a_completer", _to_complete, ())
        blank = {"revenu_fiscal_reference": 0.0, "commune_residence": ""}

        def g(name: str, parser: Callable[[str], Any], default: Any = None) -> Any:
            if name in pending and not row.raw(name):
                return blank.get(name, default)
            return row.get(name, parser, default)

        ref = g("ref_demande", str, "")
        birth = g("date_naissance", values.parse_date)
        filing = g("date_depot", values.parse_date)
        rfr = g("revenu_fiscal_reference", values.parse_amount)
        persons = g("nb_personnes", values.parse_int)
        home = g("commune_residence", self.commune)
        work = g("commune_travail", self.commune)
        situation = g("situation_logement", self.code("situation_logement"))
        contract = g("type_contrat", self.code("type_contrat"))
        siret = g("siret", values.parse_siret)
        request_kwargs: dict[str, Any] = {
            "unique_number": g("numero_unique", str),
            "renewal_date": g("date_renouvellement", values.parse_date),
            "mobility": g("mobilite", self.code("mobilite"), Mobilite.AUCUNE),
            "mobility_date": g("date_mobilite", values.parse_date),
            "motifs": g("motifs", self.codes("motifs"), ()),
            "dalo": g("dalo", values.parse_bool, False),
            "l441": g("prioritaire_l441", self.codes("prioritaire_l441"), ()),
            "status": g(
                "statut", lambda t: values.parse_code(t, RequestStatus), RequestStatus.ACTIVE
            ),
            "closed_on": g("date_cloture", values.parse_date),
            "close_reason": g("motif_cloture", str),
        }
        applicant = (
            g("nom", str, ""),
            g("prenom", str, ""),
            g("email", str),
            g("telephone", str),
            g("adresse", str),
        )
        household = {
            "dependants": g("nb_personnes_a_charge", values.parse_int, 0),
            "partner_birth_date": g("date_naissance_conjoint", values.parse_date),
            "disability": g("handicap", values.parse_bool, False),
            "monthly_income": g("revenus_mensuels", values.parse_amount),
            "recent_income": g("revenu_recent", values.parse_amount),
            "own_income": g("ressources_propres", values.parse_amount),
            "children_under_14": g("nb_moins_14_ans", values.parse_int),
        }
        workplace = {
            "latitude": g("latitude_travail", values.parse_decimal),
            "longitude": g("longitude_travail", values.parse_decimal),
            "transport": g("mode_transport", self.code("mode_transport")),
        }
        wishes = Wishes(
            communes=g("communes_souhaitees", self.communes, ()),
            typology_min=g("typologie_min", values.parse_typology),
            typology_max=g("typologie_max", values.parse_typology),
            max_rent=g("loyer_max", values.parse_amount),
            needs_pmr=g("besoin_pmr", values.parse_bool, False),
            needs_lift=g("ascenseur_requis", values.parse_bool, False),
        )
        current_rent = g("loyer_actuel", values.parse_amount)
        employer_name = g("employeur", str, "")
        if row.errors:
            return None
        request = Request(
            ref=ref,
            filing_date=filing,
            applicant=Applicant(
                applicant[0], applicant[1], birth, applicant[2], applicant[3], applicant[4]
            ),
            household=Household(persons=persons, fiscal_income=rfr, **household),
            employer=Employer(employer_name, siret),
            workplace=Workplace(commune=work, **workplace),
            contract=contract,
            housing=CurrentHousing(home, situation, current_rent),
            wishes=wishes,
            to_complete=pending,
            **request_kwargs,
        )
        problems = intake_problems(request) if pending else validate_request(request, today)
        for problem in problems:
            row.errors.append(
                RowError(row.line, problem.field, row.raw(problem.field), problem.message)
            )
        return None if row.errors else request

    def parse_unit(self, row: _Row, today: date) -> Unit | None:
        """Build a unit from a row, or None when the row has errors."""
        g = row.get
        unit_kwargs: dict[str, Any] = {
            "ref": g("ref_logement", str, ""),
            "landlord": g("bailleur", str, ""),
            "programme": g("programme", str),
            "address": g("adresse", str),
            "commune": g("commune", self.commune, ""),
            "latitude": g("latitude", values.parse_decimal),
            "longitude": g("longitude", values.parse_decimal),
            "qpv": g("qpv", self.qpv),
            "typology": g("typologie", values.parse_typology, 0),
            "surface": g("surface_m2", values.parse_decimal, 0.0),
            "floor": g("etage", values.parse_int),
            "lift": g("ascenseur", values.parse_bool, False),
            "accessible_pmr": g("accessible_pmr", values.parse_bool, False),
            "financing": g("financement", self.code("financement"), Financement.PLUS),
            "rent": g("loyer_hors_charges", values.parse_amount, 0.0),
            "charges": g("charges", values.parse_amount, 0.0),
            "available_on": g("date_disponibilite", values.parse_date),
            "proposal_deadline": g("date_limite_proposition", values.parse_date),
            "reserved_employer": g("employeur_reserve", str),
            "status": g("statut", lambda t: values.parse_code(t, UnitStatus), UnitStatus.OUVERT),
        }
        if row.errors:
            return None
        unit = Unit(**unit_kwargs)
        for problem in validate_unit(unit, today):
            row.errors.append(
                RowError(row.line, problem.field, row.raw(problem.field), problem.message)
            )
        return None if row.errors else unit


def parse_table(
    kind: str,
    table: RawTable,
    gazetteer: Gazetteer,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ParsedFile:
    """Parse every row of a table read from a file of the given template."""
    today = today or date.today()
    columns = TEMPLATES[kind]
    mapping = map_headers(table.headers, columns)
    parsed = ParsedFile(kind=kind, mapping=mapping, total_rows=len(table.rows))
    if mapping.missing_columns:
        return parsed
    index = mapping.index_of()
    parser = RowParser(kind, gazetteer)
    by_name = {c.name: c for c in columns}
    key = "ref_demande" if kind == "demandes" else "ref_logement"
    seen: dict[str, int] = {}
    total = len(table.rows)
    for done, (line, cells) in enumerate(table.rows, start=1):
        if cancelled is not None and done % 500 == 0 and cancelled():
            raise JobCancelled()
        row = _Row(line, cells, index, by_name)
        record = (
            parser.parse_request(row, today)
            if kind == "demandes"
            else parser.parse_unit(row, today)
        )
        ref = row.raw(key)
        if ref and ref in seen:
            row.errors.append(
                RowError(
                    line, key, ref, f"référence en double dans le fichier (déjà ligne {seen[ref]})"
                )
            )
            record = None
        elif ref:
            seen[ref] = line
        if record is None:
            parsed.errors.extend(row.errors)
            parsed.rejected_lines.add(line)
        else:
            parsed.records.append((line, record))
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
    parsed.readings = list(parser.readings.values())
    return parsed


def _to_complete(text: str) -> tuple[str, ...]:
    """Parse the fields a forum intake leaves to the office (``a|b``, known names only)."""
    names = tuple(dict.fromkeys(n.strip() for n in text.split("|") if n.strip()))
    unknown = [n for n in names if n not in INTAKE_MISSING]
    if unknown:
        raise ValueError(
            f"champ(s) à compléter inconnu(s) : {', '.join(unknown)} "
            f"(attendus : {', '.join(INTAKE_MISSING)})"
        )
    return names
