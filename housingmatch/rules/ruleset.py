"""Rule sets: dated, versioned, hashed TOML files that parameterise eligibility and scoring.

A rule set is data (``resources/rulesets/*.toml``). Loading validates every key and refuses,
with a French message naming the key, a rule set that is incomplete, mistyped, has negative
weights, or refers to a forbidden criterion (Code pénal 225-1, loi 89-462 art. 1, brief
§8.1): origin, nationality, surname, sex, religion, health beyond the legal priority, place
of residence as such. The content hash is the SHA-256 of a canonical JSON of the parsed
content, so comments and layout do not change it.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from housingmatch.domain.model import Mobilite, ModeTransport, Motif, SituationLogement
from housingmatch.paths import resource
from housingmatch.rules.proposal_flow import ProposalRules

DEFAULT_RULESET_FILE = "action_logement_2026.toml"
TIE_BREAK_KEYS = ("filing_date", "tie_breaker")
LEGAL_PRIORITY_POINTS = "points"
LEGAL_PRIORITY_TIER = "tier"
LEGAL_PRIORITY_MODES = (LEGAL_PRIORITY_POINTS, LEGAL_PRIORITY_TIER)
LEGAL_PRIORITY_LABELS = {
    LEGAL_PRIORITY_POINTS: "priorité légale en points (additive)",
    LEGAL_PRIORITY_TIER: "priorité légale par rang : DALO, puis L441-1, avant tout autre critère",
}

E = TypeVar("E", bound=StrEnum)


class RuleSetError(ValueError):
    """A rule set that cannot be used; the message is one French sentence naming the key."""


# Forbidden criteria: words (after accents are stripped and text is split on non-letters)
# and whole keys. "domicile" alone is not listed: "domicile_travail" is the lawful criterion.
_FORBIDDEN_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("nationalite", "nationalites", "nationality", "citoyennete", "citizenship"),
        "nationalité",
    ),
    **dict.fromkeys(
        ("origine", "origines", "origin", "ethnie", "ethnique", "ethnic", "ethnicity", "race"),
        "origine",
    ),
    **dict.fromkeys(("nom", "surname", "lastname", "patronyme"), "nom"),
    **dict.fromkeys(("sexe", "sex", "genre", "gender"), "sexe"),
    **dict.fromkeys(("religion", "religieux", "religious", "confession", "culte"), "religion"),
    **dict.fromkeys(("sante", "health", "maladie", "pathologie"), "santé"),
    **dict.fromkeys(("residence", "adresse", "address"), "lieu de résidence"),
}
_FORBIDDEN_KEYS: dict[str, str] = {
    **dict.fromkeys(("last_name", "family_name", "nom_famille", "nom_de_famille"), "nom"),
    **dict.fromkeys(
        (
            "pays_naissance",
            "lieu_naissance",
            "birth_country",
            "birthplace",
            "birth_place",
            "country_of_birth",
        ),
        "origine",
    ),
    **dict.fromkeys(
        (
            "commune_domicile",
            "domicile_commune",
            "home_commune",
            "current_commune",
            "commune_actuelle",
            "housing_commune",
            "code_postal",
            "postal_code",
        ),
        "lieu de résidence",
    ),
}
_FREE_TEXT = {("ruleset", "name"), ("ruleset", "version"), ("ruleset", "description")}
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_\- ]+$")


def _normalise(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def forbidden_criterion(text: str) -> str | None:
    """Return the forbidden criterion a key or code refers to (French), or None."""
    norm = _normalise(text)
    if norm in _FORBIDDEN_KEYS:
        return _FORBIDDEN_KEYS[norm]
    for word in norm.split("_"):
        if word in _FORBIDDEN_WORDS:
            return _FORBIDDEN_WORDS[word]
    return None


def _walk(value: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """Yield (path, text, is_key) for every key and identifier-like string value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, str(key)), str(key), True
            yield from _walk(item, (*path, str(key)))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _walk(item, (*path, str(position)))
    elif isinstance(value, str) and path[:2] not in _FREE_TEXT and _IDENTIFIER.match(value):
        yield path, value, False


def check_forbidden(content: dict[str, Any]) -> None:
    """Raise RuleSetError when a key or a code of the content refers to a forbidden criterion."""
    for path, text, is_key in _walk(content, ()):
        criterion = forbidden_criterion(text)
        if criterion is None:
            continue
        where = ".".join(path)
        what = f"la clé « {where} »" if is_key else f"la valeur « {text} » de « {where} »"
        raise RuleSetError(
            f"Règles refusées : {what} fait référence à un critère interdit ({criterion}) ; "
            "l'origine, la nationalité, le nom, le sexe, la religion, la santé au-delà de la "
            "priorité légale et le lieu de résidence ne peuvent pas servir au classement "
            "(Code pénal, art. 225-1)."
        )


def _canonical_default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"valeur non sérialisable : {value!r}")


def content_hash(content: dict[str, Any]) -> str:
    """Return the SHA-256 of the canonical JSON of parsed rule-set content."""
    text = json.dumps(
        content,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=_canonical_default,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Table:
    """Typed, path-aware reads of one TOML table; unknown keys are refused at the end."""

    def __init__(self, data: Any, path: str) -> None:
        if not isinstance(data, dict):
            raise RuleSetError(f"Règles invalides : « {path} » doit être une table.")
        self.data: dict[str, Any] = data
        self.path = path
        self.used: set[str] = set()

    def _where(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str) -> Any:
        self.used.add(key)
        if key not in self.data:
            raise RuleSetError(f"Règles invalides : la clé « {self._where(key)} » manque.")
        return self.data[key]

    def table(self, key: str) -> _Table:
        return _Table(self._get(key), self._where(key))

    def text(self, key: str) -> str:
        value = self._get(key)
        if not isinstance(value, str) or not value.strip():
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » doit être un texte non vide."
            )
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key)
        if not isinstance(value, bool):
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » doit valoir true ou false."
            )
        return value

    def number(self, key: str, minimum: float = 0.0, maximum: float | None = None) -> float:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise RuleSetError(f"Règles invalides : « {self._where(key)} » doit être un nombre.")
        if value < minimum:
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » vaut {value}, "
                f"il doit être supérieur ou égal à {minimum:g}."
            )
        if maximum is not None and value > maximum:
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » vaut {value}, "
                f"il doit être inférieur ou égal à {maximum:g}."
            )
        return float(value)

    def integer(self, key: str, minimum: int = 0, maximum: int | None = None) -> int:
        value = self._get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » doit être un nombre entier."
            )
        return int(self.number(key, minimum, maximum))

    def day(self, key: str) -> date:
        value = self._get(key)
        if not isinstance(value, date):
            raise RuleSetError(
                f"Règles invalides : « {self._where(key)} » doit être une date (AAAA-MM-JJ)."
            )
        return value

    def codes(self, key: str, enum: type[E]) -> tuple[E, ...]:
        value = self._get(key)
        if not isinstance(value, list):
            raise RuleSetError(f"Règles invalides : « {self._where(key)} » doit être une liste.")
        out: list[E] = []
        for item in value:
            try:
                out.append(enum(item))
            except ValueError:
                allowed = ", ".join(m.value for m in enum)
                raise RuleSetError(
                    f"Règles invalides : « {item} » n'est pas un code admis dans "
                    f"« {self._where(key)} » (codes admis : {allowed})."
                ) from None
        return tuple(out)

    def done(self) -> None:
        extra = sorted(set(self.data) - self.used)
        if extra:
            raise RuleSetError(
                f"Règles invalides : la clé « {self._where(extra[0])} » est inconnue."
            )


@dataclass(frozen=True, slots=True)
class GroupRules:
    """Definitions of the ANI priority groups."""

    age_limit: int
    mobility_events: frozenset[Mobilite]
    months_before_event: int
    months_after_event: int
    difficulty_situations: frozenset[SituationLogement]
    difficulty_motifs: frozenset[Motif]
    current_effort_above: float


@dataclass(frozen=True, slots=True)
class EligibilityRules:
    """Eligibility switches and limits beyond the income ceiling."""

    under_occupation: bool
    over_occupation: bool
    effort_enabled: bool
    max_effort_rate: float
    typology_grid_enabled: bool
    typology_grid: tuple[tuple[int, int], ...]

    def rooms_allowed(self, persons: int) -> tuple[int, int]:
        """Return the [min, max] rooms of the typology grid for a household size."""
        index = min(max(persons, 1), len(self.typology_grid)) - 1
        return self.typology_grid[index]


@dataclass(frozen=True, slots=True)
class ScoringRules:
    """Weights of every score part."""

    jeune: float
    mobilite: float
    difficulte: float
    dalo: float
    l441: float
    proximity_max: float
    proximity_full_minutes: float
    proximity_zero_minutes: float
    gain_per_minute: float
    gain_max: float
    seniority_per_month: float
    seniority_max: float
    fit_size_points: float
    fit_effort_points: float
    effort_good: float
    effort_bad: float
    earmark_points: float


@dataclass(frozen=True, slots=True)
class CommuteRules:
    """Offline commute-time estimate: straight line × detour ÷ speed of the mode."""

    detour_factor: float
    default_mode: ModeTransport
    speeds_kmh: tuple[tuple[ModeTransport, float], ...]

    def speed(self, mode: ModeTransport | None) -> float:
        """Return the speed (km/h) of a mode, the default mode's when none is given."""
        wanted = mode or self.default_mode
        return dict(self.speeds_kmh)[wanted]


@dataclass(frozen=True, slots=True)
class RetentionRules:
    """How long personal data is kept (brief §8.2), in months."""

    validity_months: int = 12  # a request not renewed lapses after this
    anonymise_after_months: int = 12  # a closed or lapsed request is anonymised after this


#: Default fairness margin (share points): see ``[evaluation]`` in the shipped rule set.
DEFAULT_FAIRNESS_MARGIN = 0.05


@dataclass(frozen=True, slots=True)
class EvaluationRules:
    """How the convention's evaluation judges the figures (art. 2.5, art. 4)."""

    # A public whose share of attributions is below its share of the eligible pool by more
    # than this (0.05 = 5 points) is flagged as under-served.
    fairness_margin: float = DEFAULT_FAIRNESS_MARGIN


@dataclass(frozen=True, slots=True)
class RuleSetInfo:
    """What identifies the rules a ranking used."""

    name: str
    version: str
    hash: str
    legal_priority: str = LEGAL_PRIORITY_POINTS

    @property
    def legal_priority_label(self) -> str:
        """Return how legal priority weighs in the ranking, in French (ranking headers)."""
        return LEGAL_PRIORITY_LABELS[self.legal_priority]


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A validated rule set, with its source text and content hash."""

    name: str
    version: str
    effective_date: date
    description: str
    ceilings_source: str
    groups: GroupRules
    eligibility: EligibilityRules
    scoring: ScoringRules
    commute: CommuteRules
    first_quartile: tuple[tuple[str, int, float], ...]
    tie_break: tuple[str, ...]
    content_hash: str
    text: str
    retention: RetentionRules = RetentionRules()
    legal_priority: str = LEGAL_PRIORITY_POINTS

    @property
    def legal_priority_label(self) -> str:
        """Return how legal priority weighs in the ranking, in French (ranking headers)."""
        return LEGAL_PRIORITY_LABELS[self.legal_priority]

    proposals: ProposalRules = field(default_factory=ProposalRules)
    evaluation: EvaluationRules = EvaluationRules()

    @property
    def info(self) -> RuleSetInfo:
        """Return name, version and hash."""
        return RuleSetInfo(self.name, self.version, self.content_hash, self.legal_priority)

    def first_quartile_threshold(self, epci: str | None, year: int) -> float | None:
        """Return the first-quartile threshold (EUR/UC/year) of an EPCI for a year, if known."""
        for code, threshold_year, value in self.first_quartile:
            if code == epci and threshold_year == year:
                return value
        return None


def _groups(table: _Table) -> GroupRules:
    jeune = table.table("jeune")
    mobilite = table.table("mobilite")
    difficulte = table.table("difficulte")
    rules = GroupRules(
        age_limit=jeune.integer("age_limit", 1, 120),
        mobility_events=frozenset(mobilite.codes("events", Mobilite)),
        months_before_event=mobilite.integer("months_before_event", 0, 120),
        months_after_event=mobilite.integer("months_after_event", 0, 120),
        difficulty_situations=frozenset(difficulte.codes("situations", SituationLogement)),
        difficulty_motifs=frozenset(difficulte.codes("motifs", Motif)),
        current_effort_above=difficulte.number("current_effort_above", 0.0, 10.0),
    )
    for sub in (jeune, mobilite, difficulte):
        sub.done()
    table.done()
    return rules


def _eligibility(table: _Table) -> EligibilityRules:
    effort = table.table("effort")
    grid_table = table.table("typology_grid")
    raw_grid = grid_table._get("rooms")
    where = f"{grid_table.path}.rooms"
    if not isinstance(raw_grid, list) or not raw_grid:
        raise RuleSetError(f"Règles invalides : « {where} » doit être une liste non vide.")
    grid: list[tuple[int, int]] = []
    for row in raw_grid:
        ok = (
            isinstance(row, list)
            and len(row) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in row)
            and 1 <= row[0] <= row[1]
        )
        if not ok:
            raise RuleSetError(
                f"Règles invalides : chaque ligne de « {where} » doit être [min, max] "
                "en nombres de pièces, avec 1 ≤ min ≤ max."
            )
        grid.append((int(row[0]), int(row[1])))
    rules = EligibilityRules(
        under_occupation=table.flag("under_occupation"),
        over_occupation=table.flag("over_occupation"),
        effort_enabled=effort.flag("enabled"),
        max_effort_rate=effort.number("max_rate", 0.01, 10.0),
        typology_grid_enabled=grid_table.flag("enabled"),
        typology_grid=tuple(grid),
    )
    for sub in (effort, grid_table):
        sub.done()
    table.done()
    return rules


def _scoring(table: _Table) -> ScoringRules:
    groups = table.table("groups")
    legal = table.table("legal_priority")
    proximity = table.table("proximity")
    gain = table.table("commute_gain")
    seniority = table.table("seniority")
    fit = table.table("fit")
    employer = table.table("employer")
    rules = ScoringRules(
        jeune=groups.number("JEUNE"),
        mobilite=groups.number("MOBILITE"),
        difficulte=groups.number("DIFFICULTE"),
        dalo=legal.number("DALO"),
        l441=legal.number("PRIORITAIRE_L441"),
        proximity_max=proximity.number("max_points"),
        proximity_full_minutes=proximity.number("full_minutes"),
        proximity_zero_minutes=proximity.number("zero_minutes"),
        gain_per_minute=gain.number("points_per_minute"),
        gain_max=gain.number("max_points"),
        seniority_per_month=seniority.number("points_per_month"),
        seniority_max=seniority.number("max_points"),
        fit_size_points=fit.number("size_points"),
        fit_effort_points=fit.number("effort_points"),
        effort_good=fit.number("effort_good", 0.0, 10.0),
        effort_bad=fit.number("effort_bad", 0.0, 10.0),
        earmark_points=employer.number("earmark_points"),
    )
    if rules.proximity_zero_minutes <= rules.proximity_full_minutes:
        raise RuleSetError(
            "Règles invalides : « scoring.proximity.zero_minutes » doit être supérieur à "
            "« scoring.proximity.full_minutes »."
        )
    if rules.effort_bad <= rules.effort_good:
        raise RuleSetError(
            "Règles invalides : « scoring.fit.effort_bad » doit être supérieur à "
            "« scoring.fit.effort_good »."
        )
    for sub in (groups, legal, proximity, gain, seniority, fit, employer):
        sub.done()
    table.done()
    return rules


def _commute(table: _Table) -> CommuteRules:
    speeds_table = table.table("speeds_kmh")
    speeds = []
    for mode in ModeTransport:
        value = speeds_table.number(mode.value, 0.1, 500.0)
        speeds.append((mode, value))
    default_raw = table.text("default_mode")
    try:
        default_mode = ModeTransport(default_raw)
    except ValueError:
        raise RuleSetError(
            f"Règles invalides : « commute.default_mode » vaut « {default_raw} », "
            "qui n'est pas un mode de transport connu."
        ) from None
    rules = CommuteRules(
        detour_factor=table.number("detour_factor", 1.0, 5.0),
        default_mode=default_mode,
        speeds_kmh=tuple(speeds),
    )
    speeds_table.done()
    table.done()
    return rules


def _first_quartile(table: _Table) -> tuple[tuple[str, int, float], ...]:
    thresholds = table.table("thresholds")
    out: list[tuple[str, int, float]] = []
    for epci in sorted(thresholds.data):
        if not re.fullmatch(r"\d{9}", epci):
            raise RuleSetError(
                f"Règles invalides : « first_quartile.thresholds.{epci} » doit être le SIREN "
                "à 9 chiffres d'un EPCI."
            )
        years = thresholds.table(epci)
        for year in sorted(years.data):
            if not re.fullmatch(r"\d{4}", year):
                raise RuleSetError(
                    f"Règles invalides : « first_quartile.thresholds.{epci}.{year} » doit être "
                    "une année à 4 chiffres."
                )
            out.append((epci, int(year), years.number(year)))
        years.done()
    thresholds.done()
    table.done()
    return tuple(out)


def _tie_break(table: _Table) -> tuple[str, ...]:
    raw = table._get("order")
    where = "tie_break.order"
    if (
        not isinstance(raw, list)
        or not all(isinstance(k, str) and k in TIE_BREAK_KEYS for k in raw)
        or len(set(raw)) != len(raw)
        or "tie_breaker" not in raw
    ):
        raise RuleSetError(
            f"Règles invalides : « {where} » doit lister, sans doublon, des clés parmi "
            f"{', '.join(TIE_BREAK_KEYS)}, dont « tie_breaker »."
        )
    table.done()
    return tuple(raw)


def _retention(table: _Table) -> RetentionRules:
    out = RetentionRules(
        validity_months=table.integer("validite_mois", minimum=1, maximum=120),
        anonymise_after_months=table.integer("anonymisation_apres_mois", minimum=0, maximum=120),
    )
    table.done()
    return out


def _legal_priority(root: _Table) -> str:
    """Return ``[score] legal_priority`` ("points" when the table is absent: older rule sets)."""
    if "score" not in root.data:
        return LEGAL_PRIORITY_POINTS
    table = root.table("score")
    value = table.text("legal_priority")
    if value not in LEGAL_PRIORITY_MODES:
        raise RuleSetError(
            f"Règles invalides : « score.legal_priority » vaut « {value} », il doit valoir "
            "« points » ou « tier »."
        )
    table.done()
    return value


def _proposals(table: _Table) -> ProposalRules:
    rules = ProposalRules(
        min_candidates=table.integer("min_candidates", 1, 10),
        max_candidates=table.integer("max_candidates", 1, 20),
        answer_days=table.integer("answer_days", 10, 60),
        park_days=table.integer("park_days", 0, 730),
        proposal_delay_months=table.integer("proposal_delay_months", 1, 12),
        at_risk_days=table.integer("at_risk_days", 1, 60),
    )
    if rules.max_candidates < rules.min_candidates:
        raise RuleSetError(
            "Règles invalides : « proposals.max_candidates » est inférieur à « min_candidates »."
        )
    table.done()
    return rules


def _evaluation(table: _Table) -> EvaluationRules:
    rules = EvaluationRules(fairness_margin=table.number("fairness_margin", 0.0, 0.5))
    table.done()
    return rules


def parse_ruleset(text: str) -> RuleSet:
    """Parse and validate a rule set from its TOML text."""
    try:
        content = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleSetError(f"Règles illisibles : le fichier TOML est invalide ({exc}).") from None
    check_forbidden(content)
    root = _Table(content, "")
    head = root.table("ruleset")
    ceilings = root.table("ceilings")
    ruleset = RuleSet(
        name=head.text("name"),
        version=head.text("version"),
        effective_date=head.day("effective_date"),
        description=head.text("description") if "description" in head.data else "",
        ceilings_source=ceilings.text("source"),
        groups=_groups(root.table("groups")),
        eligibility=_eligibility(root.table("eligibility")),
        scoring=_scoring(root.table("scoring")),
        commute=_commute(root.table("commute")),
        first_quartile=_first_quartile(root.table("first_quartile")),
        tie_break=_tie_break(root.table("tie_break")),
        content_hash=content_hash(content),
        text=text,
        retention=_retention(root.table("retention"))
        if "retention" in content
        else RetentionRules(),
        legal_priority=_legal_priority(root),
        # The workflow's numbers; a rule set without the table keeps the defaults.
        proposals=_proposals(root.table("proposals"))
        if "proposals" in root.data
        else ProposalRules(),
        # The evaluation's margin; a rule set without the table keeps the default.
        evaluation=_evaluation(root.table("evaluation"))
        if "evaluation" in root.data
        else EvaluationRules(),
    )
    # Rule sets before the national zoning fixed the social zone; it now comes from the
    # unit's commune, and the old key is accepted (and unused) so they still load.
    if "social_zone" in ceilings.data:
        ceilings.text("social_zone")
    head.done()
    ceilings.done()
    root.done()
    return ruleset


def load_ruleset(path: Path) -> RuleSet:
    """Read and validate a rule-set file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RuleSetError(f"Le fichier de règles « {path} » est illisible ({exc}).") from None
    return parse_ruleset(text)


@cache
def default_ruleset() -> RuleSet:
    """Return the shipped default rule set."""
    return load_ruleset(resource("rulesets", DEFAULT_RULESET_FILE))
