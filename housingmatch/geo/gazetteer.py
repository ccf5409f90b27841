"""Offline gazetteer: French communes, postal codes, former communes, A/B/C zoning and QPV names.

Everything is read from the CSV files under ``resources/geo`` (see ``resources/SOURCES.md``);
nothing touches the network. The main entry point is :meth:`Gazetteer.resolve`, which turns
what an advisor or an import file wrote ("CHENOVE", "St Apollinaire", "21000", "Crimolois",
"Saint-Julien (21)", "Dijn") into one :class:`Commune`, or raises :class:`CommuneNotFound` /
:class:`AmbiguousCommune` carrying the closest communes as suggestions.

Resolution order for a name, once normalised (case, accents, punctuation, St/Ste, S/):

1. exact match in the hinted department (Côte-d'Or by default): current names, then names
   without their article ("Rochepot" → La Rochepot), then former communes (*communes
   déléguées / associées*, e.g. "Crimolois" → Neuilly-Crimolois);
2. exact match anywhere in France (current names, then former communes); several homonyms →
   :class:`AmbiguousCommune`. A unique match is accepted unless the hinted department holds a
   rival: a commune whose name starts with the typed words ("Chevigny" → also
   Chevigny-Saint-Sauveur) or a clear fuzzy match ("Baune" → also Beaune); the text is then
   ambiguous, unless the exact match is at least ten times as populous as the rival;
3. in the hinted department, names that start with the typed words ("Plombières" →
   Plombières-lès-Dijon; several → :class:`AmbiguousCommune`);
4. fuzzy match (rapidfuzz, OSA edit distance) in the hinted department, then in France with a
   small bonus for the hinted department; a fuzzy match is accepted only when it is clearly
   best: a high score, few edits and a clear margin over the runner-up;
5. names of France that start with the typed words (one → accepted, several → ambiguous).

A department written in the text ("Saint-Julien (21)", "Saint-Julien 21") restricts the search
to that department. A postal code written with the name ("21000 Dijon", "Dijon (21000)") first
restricts it to the communes of that code, then falls back to the name alone (CEDEX and
outdated codes). A text that is only a code is read as an INSEE code (current or former) or a
postal code; when it is both, for different communes, the result is ambiguous.

:class:`Commune` objects are built on first use: loading creates only the indexes, which keeps
start-up short (about 35 000 communes).
"""

from __future__ import annotations

import bisect
import csv
import gc
import heapq
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, NoReturn

from rapidfuzz import process
from rapidfuzz.distance import OSA

from housingmatch.geo.normalize import (
    name_tokens,
    normalize_name,
    reference_key,
    reference_keys,
    without_article,
)
from housingmatch.paths import resource

__all__ = [
    "DEFAULT_DEPARTMENT",
    "DIJON_METROPOLE_SIREN",
    "AmbiguousCommune",
    "CodeKind",
    "Commune",
    "CommuneLookupError",
    "CommuneNotFound",
    "Gazetteer",
    "default_gazetteer",
]

CodeKind = Literal["auto", "insee", "postal"]
"""How :meth:`Gazetteer.resolve` reads a text made of a code alone."""

DIJON_METROPOLE_SIREN = "242100410"
"""SIREN of the EPCI Dijon Métropole."""

DEFAULT_DEPARTMENT = "21"
"""Department preferred when a name exists in several departments (Côte-d'Or)."""

# Fuzzy scores are 100 × OSA normalised similarity, i.e. 100 × (1 - edits / longest length).
_ACCEPT_SCORE = 75.0
"""Lowest score at which a fuzzy match is accepted without confirmation."""
_ACCEPT_MARGIN = 8.0
"""Points by which an accepted fuzzy match must beat the best other commune."""
_MAX_EDITS = 4
"""Most typing errors accepted in one name, however long."""
_DEPARTMENT_BONUS = 4.0
"""Points added to the hinted department's candidates when ranking France-wide."""
_SUGGEST_SCORE = 50.0
"""Lowest score for a commune to be offered as a suggestion."""
_SUGGEST_WINDOW = 12.0
"""Suggestions stay within this many points of the best candidate."""
_MAX_SUGGESTIONS = 12
_MAX_LISTED = 6
_FUZZY_LIMIT = 12
_MIN_PREFIX_LENGTH = 3
_DOMINANCE = 10
"""An exact match elsewhere this many times as populous as a local rival wins outright."""
_CACHE_LIMIT = 200_000
_NAME_SEPARATOR = "\x00"
_FORMER_SEPARATOR = "\x01"

_CODE_RE = re.compile(r"\d{4,5}|2[AB]\d{3}")
_CEDEX_RE = re.compile(r"\bcedex\b(?:\s*\d+)?", re.IGNORECASE)
_TRAILING_HINT_RE = re.compile(
    r"^(?P<name>.*?\S)[\s,;/–-]*\(\s*(?P<code>\d{2,5}|2[AaBb])\s*\)\s*$"
    r"|^(?P<name2>.*?\S)[\s,;/–-]+(?P<code2>\d{2,5}|2[AaBb])\s*$"
)
_LEADING_POSTAL_RE = re.compile(r"^\s*\(?\s*(?P<code>\d{4,5})\s*\)?[\s,;/–-]+(?P<name>.*\D.*)$")

# Column order of communes_france.csv, checked against the header when loading.
_COMMUNE_COLUMNS = (
    "code_insee",
    "nom",
    "code_departement",
    "code_epci",
    "codes_postaux",
    "population",
    "latitude",
    "longitude",
    "latitude_mairie",
    "longitude_mairie",
)


@dataclass(frozen=True, slots=True)
class Commune:
    """One current French commune (Code officiel géographique 2026)."""

    code_insee: str
    nom: str
    code_departement: str
    code_epci: str
    codes_postaux: tuple[str, ...]
    population: int
    latitude: float | None
    longitude: float | None
    latitude_mairie: float | None = None
    longitude_mairie: float | None = None

    @property
    def point(self) -> tuple[float, float] | None:
        """Return (latitude, longitude) of the town hall, else of the centroid, else None."""
        if self.latitude_mairie is not None and self.longitude_mairie is not None:
            return (self.latitude_mairie, self.longitude_mairie)
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        return None

    @property
    def label(self) -> str:
        """Return the form used in messages, e.g. "Dijon (21231, 21)"."""
        return f"{self.nom} ({self.code_insee}, {self.code_departement})"


class CommuneLookupError(ValueError):
    """Base class of the errors raised when a text does not designate exactly one commune."""

    def __init__(
        self, query: str, suggestions: Sequence[Commune] = (), message: str | None = None
    ) -> None:
        self.query = query
        self.suggestions: list[Commune] = list(suggestions)
        self.message = message if message is not None else self._default_message()
        super().__init__(self.message)

    def _default_message(self) -> str:
        return f"Commune non reconnue : « {self.query} »."

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[CommuneLookupError], tuple[str, list[Commune], str]]:
        return (type(self), (self.query, self.suggestions, self.message))

    def copy(self) -> CommuneLookupError:
        """Return a fresh exception with the same query, suggestions and message."""
        return type(self)(self.query, self.suggestions, self.message)


class CommuneNotFound(CommuneLookupError):
    """No commune matches the text well enough; ``suggestions`` holds the closest ones."""

    def _default_message(self) -> str:
        text = f"Commune inconnue : « {self.query} »."
        if self.suggestions:
            shown = self.suggestions[:_MAX_LISTED]
            text += f" Vouliez-vous dire : {_join_labels(shown, 'ou')} ?"
        return text


class AmbiguousCommune(CommuneLookupError):
    """Several communes match the text; ``suggestions`` lists them, likeliest first."""

    def _default_message(self) -> str:
        listed = ", ".join(commune.label for commune in self.suggestions[:_MAX_LISTED])
        if len(self.suggestions) > _MAX_LISTED:
            listed += ", …"
        return (
            f"Commune ambiguë : « {self.query} » désigne plusieurs communes : {listed}; "
            "précisez le code INSEE ou le code postal."
        )


def _join_labels(communes: Sequence[Commune], conjunction: str) -> str:
    """Join commune labels as French prose: "A", "A ou B", "A, B ou C"."""
    labels = [commune.label for commune in communes]
    if len(labels) <= 1:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} {conjunction} {labels[-1]}"


def _list_labels(communes: Sequence[Commune]) -> str:
    """Join labels with "et", cutting long lists: "A, B, C et 19 autres communes"."""
    if len(communes) <= _MAX_LISTED + 1:
        return _join_labels(communes, "et")
    shown = ", ".join(commune.label for commune in communes[:_MAX_LISTED])
    return f"{shown} et {len(communes) - _MAX_LISTED} autres communes"


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A fuzzy-match candidate: one commune, the key it matched, ranking and raw scores."""

    code: str
    key: str
    score: float
    raw_score: float


class _Choices:
    """A processor-free choice list for rapidfuzz: unique keys and the communes they name.

    The alphabetical order used for word-prefix lookups is built on first use.
    """

    __slots__ = ("_positions", "_sorted_keys", "codes", "keys")

    def __init__(self, by_key: dict[str, list[str]]) -> None:
        self.keys = list(by_key)
        self.codes = list(by_key.values())
        self._sorted_keys: list[str] | None = None
        self._positions: dict[str, int] = {}

    def starting_with(self, head: str) -> Iterator[list[str]]:
        """Yield the code lists of the keys that start with ``head``, in key order."""
        if self._sorted_keys is None:
            self._positions = {key: index for index, key in enumerate(self.keys)}
            self._sorted_keys = sorted(self.keys)
        sorted_keys = self._sorted_keys
        for position in range(bisect.bisect_left(sorted_keys, head), len(sorted_keys)):
            key = sorted_keys[position]
            if not key.startswith(head):
                break
            yield self.codes[self._positions[key]]


@dataclass(frozen=True, slots=True)
class _Qpv:
    geography: int
    name: str
    commune_code: str
    key: str


class Gazetteer:
    """In-memory index of the French communes, built from the CSV files of ``resources/geo``."""

    def __init__(self, directory: Path | None = None) -> None:
        folder = directory if directory is not None else resource("geo")
        self._rows: dict[str, list[str]] = {}
        self._built: dict[str, Commune] = {}
        self._keys: dict[str, str] = {}
        self._by_department: dict[str, list[str]] = {}
        self._names: dict[str, list[str]] = {}
        self._aliases: dict[str, list[str]] = {}
        self._former_names: dict[str, list[str]] = {}
        self._former_keys: dict[str, list[str]] = {}
        self._former_codes: dict[str, str] = {}
        self._postal: dict[str, list[str]] = {}
        self._zones: dict[str, str] = {}
        self._metropole: frozenset[str] = frozenset()
        self._qpv: list[_Qpv] = []
        self._cache: dict[tuple[str, str | None, str], Commune | CommuneLookupError] = {}
        self._department_choices: dict[str, _Choices] = {}
        self._department_sets: dict[str, frozenset[str]] = {}
        self._france_choices: _Choices | None = None
        self._search_index: list[str] | None = None
        self._lock = threading.Lock()
        with _gc_paused():
            self._load_communes(folder / "communes_france.csv")
            self._load_former(folder / "communes_deleguees_associees.csv")
            self._load_postal(folder / "codes_postaux_cote_dor.csv")
        # The national A/B/C zoning writes "Abis"; the application writes "A_bis".
        self._zones = {
            row["code_insee"]: "A_bis" if row["zone_abc"] == "Abis" else row["zone_abc"]
            for row in _read_rows(folder / "zonage_abc_communes.csv")
        }
        # EPCI names are only shipped for Côte-d'Or (communes_cote_dor.csv, ``nom_epci``).
        self._epci_names = {
            row["code_epci"]: row["nom_epci"]
            for row in _read_rows(folder / "communes_cote_dor.csv")
            if row["code_epci"]
        }
        self._metropole = frozenset(
            row["code_insee"] for row in _read_rows(folder / "dijon_metropole_communes.csv")
        )
        self._qpv = [
            _Qpv(
                int(row["geographie"]),
                row["nom_qpv"],
                row["code_insee_commune"],
                _qpv_key(row["nom_qpv"]),
            )
            for row in _read_rows(folder / "qpv_dijon_metropole.csv")
        ]

    # ------------------------------------------------------------------ loading

    def _load_communes(self, path: Path) -> None:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader))
            if header != _COMMUNE_COLUMNS:
                raise ValueError(f"{path.name} : colonnes inattendues {header}")
            table = [row for row in reader if row]
        keys = reference_keys([row[1] for row in table])
        self._rows = {row[0]: row for row in table}
        self._keys = dict(zip(self._rows, keys, strict=True))
        names = self._names
        by_department = self._by_department
        for row, key in zip(table, keys, strict=True):
            code = row[0]
            names.setdefault(key, []).append(code)
            by_department.setdefault(row[2], []).append(code)
        for key, codes in names.items():
            alias = without_article(key)
            if alias != key:
                self._aliases.setdefault(alias, []).extend(codes)
        postal = self._postal
        for row in table:
            if row[4]:
                for postcode in row[4].split("|"):
                    postal.setdefault(postcode, []).append(row[0])

    def _load_former(self, path: Path) -> None:
        for row in _read_rows(path):
            current = row["code_insee_commune"]
            if current not in self._rows:
                continue
            key = reference_key(row["nom_ancienne"])
            _append_unique(self._former_names.setdefault(key, []), current)
            if key != self._keys[current]:
                _append_unique(self._former_keys.setdefault(current, []), key)
            old_code = row["code_insee_ancienne"]
            if old_code not in self._rows:
                self._former_codes[old_code] = current

    def _load_postal(self, path: Path) -> None:
        for row in _read_rows(path):
            if row["code_insee"] in self._rows:
                _append_unique(self._postal.setdefault(row["code_postal"], []), row["code_insee"])

    def _commune(self, code: str) -> Commune:
        """Return the Commune object of a known code, building it on first use."""
        commune = self._built.get(code)
        if commune is None:
            row = self._rows[code]
            commune = Commune(
                code_insee=row[0],
                nom=row[1],
                code_departement=row[2],
                code_epci=row[3],
                codes_postaux=tuple(row[4].split("|")) if row[4] else (),
                population=int(row[5]) if row[5] else 0,
                latitude=float(row[6]) if row[6] else None,
                longitude=float(row[7]) if row[7] else None,
                latitude_mairie=float(row[8]) if row[8] else None,
                longitude_mairie=float(row[9]) if row[9] else None,
            )
            self._built[code] = commune
        return commune

    def _department(self, code: str) -> str:
        return self._rows[code][2]

    def _population(self, code: str) -> int:
        text = self._rows[code][5]
        return int(text) if text else 0

    # ------------------------------------------------------------------ plain lookups

    def __len__(self) -> int:
        """Return the number of current communes."""
        return len(self._rows)

    def __iter__(self) -> Iterator[Commune]:
        """Iterate over the current communes in INSEE code order."""
        return (self._commune(code) for code in self._rows)

    def __contains__(self, code_insee: object) -> bool:
        """Tell whether ``code_insee`` is the code of a current commune."""
        return code_insee in self._rows

    def get(self, code_insee: str) -> Commune | None:
        """Return the current commune with this INSEE code, or None."""
        code = code_insee.strip().upper()
        return self._commune(code) if code in self._rows else None

    def communes(self, department: str | None = None) -> list[Commune]:
        """Return the current communes, all of them or those of one department."""
        codes = self._rows if department is None else self._by_department.get(department, [])
        return [self._commune(code) for code in codes]

    def dijon_metropole(self) -> list[Commune]:
        """Return the member communes of Dijon Métropole, most populous first."""
        members = [self._commune(code) for code in self._metropole if code in self._rows]
        return sorted(members, key=lambda commune: (-commune.population, commune.code_insee))

    def zone_abc(self, code_insee: str) -> str | None:
        """Return the A/B/C zone ("A_bis", "A", "B1", "B2" or "C"), None when not recorded.

        Every commune of France in the zoning in force since 5 July 2024
        (``resources/geo/zonage_abc_communes.csv``); a few communes created since have none.
        """
        return self._zones.get(code_insee)

    def department(self, code_insee: str) -> str | None:
        """Return the department code of a current commune, or None."""
        row = self._rows.get(code_insee)
        return row[2] if row is not None else None

    def in_dijon_metropole(self, code_insee: str) -> bool:
        """Tell whether the commune belongs to Dijon Métropole."""
        return code_insee in self._metropole

    def epci(self, code_insee: str) -> str | None:
        """Return the SIREN of the commune's EPCI à fiscalité propre, or None."""
        row = self._rows.get(code_insee)
        return row[3] or None if row is not None else None

    def epci_name(self, siren: str) -> str | None:
        """Return the name of an EPCI by SIREN; only Côte-d'Or's EPCI are named, else None."""
        return self._epci_names.get(siren)

    def communes_for_postal_code(self, postal_code: str) -> list[Commune]:
        """Return the communes served by a postal code (empty when unknown)."""
        return [self._commune(code) for code in self._postal.get(postal_code.strip(), [])]

    # ------------------------------------------------------------------ QPV

    def qpv_names(self, code_insee: str, geography: int = 2024) -> list[str]:
        """Return the names of the QPV of a commune in one geography (2015 or 2024)."""
        return [
            qpv.name
            for qpv in self._qpv
            if qpv.commune_code == code_insee and qpv.geography == geography
        ]

    def resolve_qpv(self, text: str, geography: int = 2024) -> tuple[str, str] | None:
        """Return (official QPV name, commune INSEE code) for a typed QPV name, or None."""
        key = _qpv_key(text)
        candidates = [qpv for qpv in self._qpv if qpv.geography == geography]
        if not key or not candidates:
            return None
        for qpv in candidates:
            if qpv.key == key:
                return (qpv.name, qpv.commune_code)
        matches = process.extract(
            key,
            [qpv.key for qpv in candidates],
            scorer=OSA.normalized_similarity,
            processor=None,
            limit=2,
        )
        best_score = matches[0][1] * 100.0
        runner_score = matches[1][1] * 100.0 if len(matches) > 1 else 0.0
        if best_score >= 80.0 and best_score - runner_score >= _ACCEPT_MARGIN:
            best = candidates[matches[0][2]]
            return (best.name, best.commune_code)
        return None

    # ------------------------------------------------------------------ resolution

    def resolve(
        self,
        text: str,
        department: str | None = DEFAULT_DEPARTMENT,
        *,
        code_kind: CodeKind = "auto",
    ) -> Commune:
        """Return the one commune designated by a name, an INSEE code or a postal code.

        ``department`` is a preference, not a filter (None: no preference). A text made of a
        code alone is read as an INSEE or a postal code (``code_kind="auto"``: ambiguous when
        the two readings name different communes, e.g. 21300 = Gissey-sur-Ouche's INSEE code
        and Chenôve's postal code), or only as one of them (``"insee"``, ``"postal"``) when
        the caller knows what the column holds. Raises :class:`CommuneNotFound` or
        :class:`AmbiguousCommune`; results are memoised.
        """
        cache_key = (text, department, code_kind)
        outcome = self._cache.get(cache_key)
        if outcome is None:
            try:
                outcome = self._resolve(text, department, code_kind)
            except CommuneLookupError as error:
                outcome = error
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[cache_key] = outcome
        if isinstance(outcome, CommuneLookupError):
            raise outcome.copy()
        return outcome

    def reading_note(self, text: str, commune: Commune) -> str | None:
        """Return « Dijn » lu comme Dijon (21231) when ``text`` named ``commune`` only approximately.

        None when the text is a code or the commune's name (with or without its article),
        whatever the case and accents; a former commune's name is said too.
        """
        query = " ".join(text.split())
        compact = query.replace(" ", "").upper()
        if not query or _CODE_RE.fullmatch(compact):
            return None
        key, _department, _postal = self._parse(query)
        for index in (self._names, self._aliases):
            if commune.code_insee in index.get(key, ()):
                return None
        if commune.code_insee in self._former_names.get(key, ()):
            return f"« {query} » (ancienne commune) lu comme {commune.label}"
        return f"« {query} » lu comme {commune.label}"

    def resolve_many(
        self,
        texts: Iterable[str],
        department: str | None = DEFAULT_DEPARTMENT,
        *,
        code_kind: CodeKind = "auto",
    ) -> list[Commune | CommuneLookupError]:
        """Resolve many texts (an import column); failures are returned in place, not raised."""
        results: list[Commune | CommuneLookupError] = []
        for text in texts:
            try:
                results.append(self.resolve(text, department, code_kind=code_kind))
            except CommuneLookupError as error:
                results.append(error)
        return results

    def clear_cache(self) -> None:
        """Forget the memoised resolutions."""
        self._cache.clear()

    def _resolve(self, text: str, department: str | None, code_kind: CodeKind) -> Commune:
        query = " ".join(text.split())
        if not query:
            raise CommuneNotFound(
                "",
                [],
                "Commune non renseignée : saisissez un nom de commune, un code INSEE "
                "ou un code postal.",
            )
        compact = query.replace(" ", "").upper()
        if _CODE_RE.fullmatch(compact):
            return self._resolve_code(query, compact.zfill(5), code_kind)
        key, hinted_department, postal_code = self._parse(query)
        if not key:
            raise CommuneNotFound(
                query,
                [],
                f"Commune inconnue : « {query} » n'est ni un nom de commune, "
                "ni un code INSEE, ni un code postal.",
            )
        if department is not None:
            department = department.strip().upper().zfill(2)
            if department not in self._by_department:
                department = None
        if postal_code is not None:
            pool = self._postal.get(postal_code, [])
            if pool:
                found = self._accept(key, self._postal_pool(query, key, pool))
                if found is not None:
                    return found
                department = self._common_department(pool) or department
        if hinted_department is not None:
            local = self._department_pool(query, key, hinted_department)
            found = self._accept(key, local)
            if found is not None:
                return found
            national = self._fuzzy(key, self._france())
            self._fail(query, self._merge(local, national, hinted_department))
        return self._match_soft(query, key, department)

    def _parse(self, query: str) -> tuple[str, str | None, str | None]:
        """Split department / postal-code hints off a typed name; return (key, dept, postcode)."""
        name = _CEDEX_RE.sub(" ", query).strip()
        department: str | None = None
        postal_code: str | None = None
        leading = _LEADING_POSTAL_RE.match(name)
        if leading is not None:
            postal_code = leading["code"].zfill(5)
            name = leading["name"]
        trailing = _TRAILING_HINT_RE.match(name)
        if trailing is not None:
            code = (trailing["code"] or trailing["code2"]).upper()
            rest = trailing["name"] or trailing["name2"]
            if len(code) >= 4:
                if postal_code is None:
                    postal_code = code.zfill(5)
                    name = rest
            elif code in self._by_department:
                department = code
                name = rest
        return normalize_name(name), department, postal_code

    def _common_department(self, codes: Iterable[str]) -> str | None:
        departments = {self._department(code) for code in codes}
        return departments.pop() if len(departments) == 1 else None

    def _resolve_code(self, query: str, code: str, code_kind: CodeKind) -> Commune:
        """Resolve a 5-character code: INSEE (current or former) or postal."""
        insee_code: str | None = None
        if code_kind != "postal":
            insee_code = code if code in self._rows else self._former_codes.get(code)
        codes = [insee_code] if insee_code is not None else []
        if code_kind != "insee":
            codes.extend(c for c in self._postal.get(code, []) if c != insee_code)
        if not codes:
            if code_kind != "auto":
                kind = "Code INSEE" if code_kind == "insee" else "Code postal"
                raise CommuneNotFound(query, [], f"{kind} inconnu : « {query} ».")
            raise CommuneNotFound(
                query,
                [],
                f"Code inconnu : « {query} » n'est ni un code INSEE ni un code postal connu.",
            )
        communes = [self._commune(c) for c in codes]
        if len(communes) == 1:
            return communes[0]
        if insee_code is not None:
            message = (
                f"Commune ambiguë : « {query} » est à la fois le code INSEE de "
                f"{communes[0].label} et le code postal de {_list_labels(communes[1:])} ; "
                "précisez le nom de la commune."
            )
        else:
            message = (
                f"Commune ambiguë : le code postal « {query} » désigne plusieurs communes : "
                f"{_list_labels(communes)} ; précisez le nom de la commune ou le code INSEE."
            )
        raise AmbiguousCommune(query, communes, message)

    # ------------------------------------------------------------------ name matching

    def _exact(self, key: str, pool: AbstractSet[str] | None) -> list[str]:
        """Return the codes named ``key`` (current name, name without article, former name)."""
        for index in (self._names, self._aliases, self._former_names):
            codes = index.get(key)
            if codes:
                selected = codes if pool is None else [c for c in codes if c in pool]
                if selected:
                    return selected
        return []

    def _one(
        self,
        query: str,
        codes: Sequence[str],
        department: str | None,
        extra: Sequence[str] = (),
    ) -> Commune:
        """Return the commune if ``codes`` holds one, else raise AmbiguousCommune.

        The ambiguity lists the hinted department first, then exact homonyms by INSEE code,
        then ``extra`` communes (names starting with the typed words) by population.
        """
        if len(codes) == 1 and not extra:
            return self._commune(codes[0])
        homonyms = sorted(codes, key=lambda c: (self._department(c) != department, c))
        others = sorted(
            (c for c in extra if c not in homonyms),
            key=lambda c: (self._department(c) != department, -self._population(c), c),
        )
        ranked = sorted([*homonyms, *others], key=lambda c: self._department(c) != department)
        raise AmbiguousCommune(query, [self._commune(c) for c in ranked[:_MAX_SUGGESTIONS]])

    def _pool_candidates(
        self,
        query: str,
        key: str,
        allowed: frozenset[str],
        choices: _Choices,
        department: str | None,
    ) -> list[_Candidate]:
        """Return candidates inside a closed set (a department, a postal code), best first.

        Exact and word-prefix matches come back with a perfect score (several of them raise
        AmbiguousCommune); otherwise the fuzzy candidates.
        """
        exact = self._exact(key, allowed)
        if exact:
            self._one(query, exact, department)
            return [_Candidate(exact[0], key, 100.0, 100.0)]
        prefixed = self._word_prefix(key, choices)
        if prefixed:
            self._one(query, prefixed, department)
            return [_Candidate(prefixed[0], key, 100.0, 100.0)]
        return self._fuzzy(key, choices)

    def _department_pool(self, query: str, key: str, department: str) -> list[_Candidate]:
        """Return :meth:`_pool_candidates` for a whole department."""
        return self._pool_candidates(
            query,
            key,
            self._department_set(department),
            self._department_choices_for(department),
            department,
        )

    def _postal_pool(self, query: str, key: str, codes: Sequence[str]) -> list[_Candidate]:
        """Return :meth:`_pool_candidates` for the communes of a postal code."""
        return self._pool_candidates(
            query,
            key,
            frozenset(codes),
            self._build_choices(codes),
            self._common_department(codes),
        )

    def _match_soft(self, query: str, key: str, department: str | None) -> Commune:
        """Match a name with a department preference, falling back to the whole of France."""
        local: list[_Candidate] = []
        if department is not None:
            exact = self._exact(key, self._department_set(department))
            if exact:
                return self._one(query, exact, department)
        exact = self._exact(key, None)
        if exact:
            return self._one(query, exact, department, self._rivals(key, department, exact))
        if department is not None:
            local = self._department_pool(query, key, department)
            found = self._accept(key, local)
            if found is not None:
                return found
        france = self._france()
        candidates = self._merge(local, self._fuzzy(key, france), department)
        found = self._accept(key, candidates)
        if found is not None:
            return found
        prefixed = self._word_prefix(key, france)
        if len(prefixed) == 1:
            return self._commune(prefixed[0])
        if prefixed:
            self._one(query, [], department, prefixed)
        self._fail(query, candidates)

    def _rivals(self, key: str, department: str | None, exact: Sequence[str]) -> list[str]:
        """Return the hinted department's communes that compete with an exact match elsewhere.

        "Chevigny" names a commune of the Jura but is how people shorten
        Chevigny-Saint-Sauveur; "Baune" is a former commune of Maine-et-Loire but mostly a
        typo for Beaune. Names of the department that start with the typed words, and a clear
        fuzzy match in the department, make such a text ambiguous instead of silently
        resolved to another department, unless the exact match is a current commune at
        least ten times as populous as the rival ("Agen" stays Agen, not Agey).
        """
        if department is None:
            return []
        choices = self._department_choices_for(department)
        rivals = self._word_prefix(key, choices)
        clear = self._accept(key, self._fuzzy(key, choices))
        if clear is not None and clear.code_insee not in rivals:
            rivals.append(clear.code_insee)
        if rivals and (key in self._names or key in self._aliases):
            smallest = min(self._population(code) for code in exact)
            rivals = [c for c in rivals if smallest < _DOMINANCE * self._population(c)]
        return rivals

    def _accept(self, key: str, candidates: Sequence[_Candidate]) -> Commune | None:
        """Return the best candidate if it is clearly best, else None."""
        if not candidates:
            return None
        best = candidates[0]
        if best.raw_score < _ACCEPT_SCORE:
            return None
        if len(candidates) > 1 and best.score - candidates[1].score < _ACCEPT_MARGIN:
            return None
        if best.raw_score < 100.0 and OSA.distance(key, best.key) > _MAX_EDITS:
            return None
        return self._commune(best.code)

    def _fail(self, query: str, candidates: Sequence[_Candidate]) -> NoReturn:
        """Raise AmbiguousCommune (close good candidates) or CommuneNotFound (suggestions)."""
        if len(candidates) > 1 and candidates[1].raw_score >= _ACCEPT_SCORE:
            top = candidates[0].score
            close = [c.code for c in candidates if top - c.score < _ACCEPT_MARGIN]
            if len(close) > 1:
                raise AmbiguousCommune(query, [self._commune(c) for c in close])
        suggestions: list[Commune] = []
        if candidates:
            floor = max(_SUGGEST_SCORE, candidates[0].score - _SUGGEST_WINDOW)
            suggestions = [self._commune(c.code) for c in candidates if c.score >= floor]
        raise CommuneNotFound(query, suggestions[:_MAX_SUGGESTIONS])

    def _merge(
        self,
        local: Iterable[_Candidate],
        national: Iterable[_Candidate],
        department: str | None,
    ) -> list[_Candidate]:
        """Combine candidate lists with the department bonus; best first, one per commune."""
        best: dict[str, _Candidate] = {}
        for candidate in (*local, *national):
            score = candidate.raw_score
            if department is not None and self._department(candidate.code) == department:
                score += _DEPARTMENT_BONUS
            previous = best.get(candidate.code)
            if previous is None or score > previous.score:
                best[candidate.code] = _Candidate(
                    candidate.code, candidate.key, score, candidate.raw_score
                )
        return sorted(best.values(), key=lambda c: (-c.score, c.code))

    # ------------------------------------------------------------------ fuzzy machinery

    def _keys_of(self, code: str) -> list[str]:
        key = self._keys[code]
        keys = [key]
        alias = without_article(key)
        if alias != key:
            keys.append(alias)
        keys.extend(self._former_keys.get(code, ()))
        return keys

    def _build_choices(self, codes: Iterable[str]) -> _Choices:
        by_key: dict[str, list[str]] = {}
        for code in codes:
            for key in self._keys_of(code):
                _append_unique(by_key.setdefault(key, []), code)
        return _Choices(by_key)

    def _build_france_choices(self) -> _Choices:
        # The code lists are shared with the indexes (never mutated): a merged key gets a new one.
        by_key = dict(self._names)
        for index in (self._aliases, self._former_names):
            for key, codes in index.items():
                known = by_key.get(key)
                if known is None:
                    by_key[key] = codes
                elif any(c not in known for c in codes):
                    by_key[key] = known + [c for c in codes if c not in known]
        return _Choices(by_key)

    def _department_set(self, department: str) -> frozenset[str]:
        members = self._department_sets.get(department)
        if members is None:
            members = frozenset(self._by_department.get(department, ()))
            self._department_sets[department] = members
        return members

    def _department_choices_for(self, department: str) -> _Choices:
        choices = self._department_choices.get(department)
        if choices is None:
            choices = self._build_choices(self._by_department.get(department, []))
            self._department_choices[department] = choices
        return choices

    def _france(self) -> _Choices:
        if self._france_choices is None:
            with self._lock:
                if self._france_choices is None:
                    self._france_choices = self._build_france_choices()
        return self._france_choices

    def _fuzzy(self, key: str, choices: _Choices) -> list[_Candidate]:
        """Return the closest candidates for ``key`` (OSA similarity), one per commune."""
        if not choices.keys:
            return []
        matches = process.extract(
            key,
            choices.keys,
            scorer=OSA.normalized_similarity,
            processor=None,
            limit=_FUZZY_LIMIT,
            score_cutoff=_SUGGEST_SCORE / 100.0,
        )
        best: dict[str, _Candidate] = {}
        for choice, similarity, index in matches:
            score = similarity * 100.0
            for code in choices.codes[index]:
                if code not in best or score > best[code].score:
                    best[code] = _Candidate(code, choice, score, score)
        return sorted(best.values(), key=lambda c: (-c.score, c.code))

    def _word_prefix(self, key: str, choices: _Choices) -> list[str]:
        """Return the communes whose name starts with the typed words ("marsannay" → 2)."""
        if len(key) < _MIN_PREFIX_LENGTH:
            return []
        found: list[str] = []
        for codes in choices.starting_with(key + " "):
            found.extend(c for c in codes if c not in found)
        return found

    # ------------------------------------------------------------------ type-ahead

    def search(
        self, prefix: str, limit: int = 20, department: str | None = DEFAULT_DEPARTMENT
    ) -> list[Commune]:
        """Return communes for a type-ahead completer, best first.

        Order: names starting with the typed text (or INSEE / postal codes starting with the
        typed digits), then names with a later word starting with it, then former communes;
        within each group the hinted department first, then by decreasing population.
        """
        if limit <= 0:
            return []
        variants = {
            " ".join(name_tokens(prefix)),
            " ".join(name_tokens(prefix, expand_last=False)),
        }
        variants.discard("")
        if not variants:
            return []
        index = self._ensure_search_index()
        tiers: dict[str, int] = {}
        for variant in variants:
            for position in range(bisect.bisect_left(index, variant), len(index)):
                entry = index[position]
                if not entry.startswith(variant):
                    break
                key, separator, code = entry[:-6], entry[-6], entry[-5:]
                if separator == _FORMER_SEPARATOR:
                    tier = 2
                elif key[0].isdigit() or key == self._keys[code]:
                    tier = 0
                else:
                    tier = 1
                if tier < tiers.get(code, 3):
                    tiers[code] = tier

        def rank(code: str) -> tuple[int, bool, int, str]:
            return (
                tiers[code],
                self._department(code) != department,
                -self._population(code),
                self._keys[code],
            )

        return [self._commune(code) for code in heapq.nsmallest(limit, tiers, key=rank)]

    def warm_up(self) -> None:
        """Build the lazy indexes now (France-wide fuzzy list, type-ahead index).

        Call it from a worker thread at start-up so that the first search and the first
        France-wide fuzzy lookup are as fast as the following ones.
        """
        self._france()
        self._ensure_search_index()

    def _ensure_search_index(self) -> list[str]:
        if self._search_index is None:
            with self._lock:
                if self._search_index is None:
                    with _gc_paused():
                        self._search_index = self._build_search_index()
        return self._search_index

    def _build_search_index(self) -> list[str]:
        """Return sorted "key<separator>code" strings: names, later words, codes, former names."""
        entries: list[str] = []
        append = entries.append
        for code, key in self._keys.items():
            append(f"{key}{_NAME_SEPARATOR}{code}")
            append(f"{code.lower()}{_NAME_SEPARATOR}{code}")
            position = key.find(" ")
            while position >= 0:
                append(f"{key[position + 1 :]}{_NAME_SEPARATOR}{code}")
                position = key.find(" ", position + 1)
        for postcode, codes in self._postal.items():
            entries.extend(f"{postcode}{_NAME_SEPARATOR}{code}" for code in codes)
        for key, codes in self._former_names.items():
            entries.extend(f"{key}{_FORMER_SEPARATOR}{code}" for code in codes)
        entries.sort()
        return entries


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building indexes whose objects all survive.

    Building them allocates some 100 000 containers; the collector's repeated scans would
    otherwise take about a third of the time. The previous state is restored on exit.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _read_rows(path: Path) -> Iterator[dict[str, str]]:
    """Yield the rows of a UTF-8 CSV file as dicts, skipping ``#`` comment lines."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(line for line in handle if not line.startswith("#"))
        header = next(reader)
        for values in reader:
            if values:
                yield dict(zip(header, values, strict=True))


def _append_unique(items: list[str], item: str) -> None:
    if item not in items:
        items.append(item)


def _qpv_key(text: str) -> str:
    """Return the comparison key of a QPV name: normalised, without a leading article."""
    return without_article(normalize_name(re.sub(r"\(.*?\)", " ", text)))


@cache
def default_gazetteer() -> Gazetteer:
    """Return the gazetteer built from the bundled resources (loaded once per process)."""
    return Gazetteer()
