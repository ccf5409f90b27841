"""Rule sets: the shipped default loads, forbidden criteria and invalid content are refused."""

from __future__ import annotations

import re

import pytest

from housingmatch.domain.model import Mobilite, ModeTransport, Motif
from housingmatch.paths import resource
from housingmatch.rules.ruleset import RuleSetError, default_ruleset, parse_ruleset

DEFAULT_TEXT = resource("rulesets", "action_logement_2026.toml").read_text(encoding="utf-8")


def _with(old: str, new: str) -> str:
    assert old in DEFAULT_TEXT, old
    return DEFAULT_TEXT.replace(old, new, 1)


def test_default_ruleset_has_the_documented_choices() -> None:
    rules = default_ruleset()
    assert rules.version == "2026.2"
    assert rules.groups.age_limit == 30
    assert rules.groups.months_before_event == 3 and rules.groups.months_after_event == 6
    assert Mobilite.MUTATION in rules.groups.mobility_events
    assert Motif.EXPULSION in rules.groups.difficulty_motifs
    assert rules.commute.detour_factor == 1.2
    assert rules.commute.speed(ModeTransport.VOITURE) == 36.0
    assert rules.commute.speed(ModeTransport.VELO) == 15.0
    assert rules.commute.speed(ModeTransport.MARCHE) == 4.5
    assert rules.commute.speed(None) == 36.0
    assert not rules.eligibility.under_occupation and not rules.eligibility.effort_enabled
    assert rules.legal_priority == "points"
    assert rules.scoring.dalo > rules.scoring.l441 > 0
    assert rules.tie_break == ("filing_date", "tie_breaker")
    assert re.fullmatch(r"[0-9a-f]{64}", rules.content_hash)


def test_a_rule_set_without_score_table_or_with_the_old_social_zone_still_loads() -> None:
    # Rule sets stored before the legal corrections have no [score] and a fixed social zone.
    old = "\n".join(
        line for line in DEFAULT_TEXT.splitlines() if not line.startswith("legal_priority")
    ).replace("[score]\n", "")
    old = old.replace("[ceilings]\n", '[ceilings]\nsocial_zone = "autres_regions"\n', 1)
    rules = parse_ruleset(old)
    assert rules.legal_priority == "points"
    tiered = parse_ruleset(_with('legal_priority = "points"', 'legal_priority = "tier"'))
    assert tiered.legal_priority == "tier"
    assert "DALO, puis L441-1" in tiered.legal_priority_label


def test_hash_ignores_comments_and_layout_but_not_values() -> None:
    base = parse_ruleset(DEFAULT_TEXT).content_hash
    commented = parse_ruleset("# une note\n" + DEFAULT_TEXT.replace(" = ", "=")).content_hash
    changed = parse_ruleset(_with("JEUNE = 20", "JEUNE = 21")).content_hash
    assert commented == base
    assert changed != base


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("JEUNE = 20", "JEUNE = 20\nnationalite = 5", "scoring.groups.nationalite"),
        ("JEUNE = 20", "JEUNE = 20\nnom = 5", "scoring.groups.nom"),
        ("JEUNE = 20", "JEUNE = 20\nsexe = 5", "scoring.groups.sexe"),
        ("JEUNE = 20", "JEUNE = 20\nreligion = 1", "scoring.groups.religion"),
        ("JEUNE = 20", "JEUNE = 20\ncommune_residence = 3", "scoring.groups.commune_residence"),
        ("JEUNE = 20", "JEUNE = 20\npays_naissance = 3", "scoring.groups.pays_naissance"),
        ("earmark_points = 15", "earmark_points = 15\nlast_name = 1", "scoring.employer.last_name"),
    ],
)
def test_a_forbidden_criterion_is_refused_naming_the_key(old: str, new: str, key: str) -> None:
    with pytest.raises(RuleSetError, match=re.escape(f"« {key} »")) as caught:
        parse_ruleset(_with(old, new))
    assert "critère interdit" in str(caught.value)


def test_health_as_a_difficulty_motif_is_refused_but_disability_is_not() -> None:
    with pytest.raises(RuleSetError, match="SANTE"):
        parse_ruleset(_with('    "TROP_PETIT",\n]', '    "TROP_PETIT",\n    "SANTE",\n]'))
    rules = parse_ruleset(_with('    "TROP_PETIT",\n]', '    "TROP_PETIT",\n    "HANDICAP",\n]'))
    assert Motif.HANDICAP in rules.groups.difficulty_motifs


def test_the_description_may_mention_forbidden_words_in_prose() -> None:
    text = _with('description = "', 'description = "Aucun critère de nationalité. ')
    assert parse_ruleset(text).description.startswith("Aucun critère")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("age_limit = 30\n", "", "« groups.jeune.age_limit » manque"),
        ("JEUNE = 20", "JEUNE = -5", "« scoring.groups.JEUNE » vaut -5"),
        ("JEUNE = 20", 'JEUNE = "vingt"', "« scoring.groups.JEUNE » doit être un nombre"),
        ("under_occupation = false", "under_occupation = 1", "true ou false"),
        ('legal_priority = "points"', 'legal_priority = "rang"', "« points » ou « tier »"),
        ("detour_factor = 1.2", "detour_factor = 0.5", "« commute.detour_factor »"),
        ("VELO = 15.0", "VELO = 0", "« commute.speeds_kmh.VELO »"),
        ("JEUNE = 20", "JEUNE = 20\nBONUS = 3", "« scoring.groups.BONUS » est inconnue"),
        ('"EXPULSION",', '"EXPULSE",', "« EXPULSE » n'est pas un code admis"),
        ("full_minutes = 10", "full_minutes = 80", "zero_minutes"),
        ('order = ["filing_date", "tie_breaker"]', 'order = ["filing_date"]', "tie_break.order"),
        ("effective_date = 2026-01-01", 'effective_date = "bientôt"', "date"),
        ("thresholds = {}", 'thresholds = { "Dijon" = { "2026" = 1 } }', "SIREN"),
    ],
)
def test_invalid_content_is_refused_with_a_clear_message(old: str, new: str, message: str) -> None:
    with pytest.raises(RuleSetError, match=re.escape(message)):
        parse_ruleset(_with(old, new))


def test_unreadable_toml_is_refused_in_french() -> None:
    with pytest.raises(RuleSetError, match="TOML est invalide"):
        parse_ruleset("[ruleset\nname = ")


def test_first_quartile_thresholds_are_read_by_epci_and_year() -> None:
    text = _with("thresholds = {}", 'thresholds = { "242100410" = { "2026" = 9500 } }')
    rules = parse_ruleset(text)
    assert rules.first_quartile_threshold("242100410", 2026) == 9500
    assert rules.first_quartile_threshold("242100410", 2025) is None


def test_typology_grid_rows_are_checked() -> None:
    with pytest.raises(RuleSetError, match="min ≤ max"):
        parse_ruleset(_with("rooms = [[1, 2],", "rooms = [[3, 2],"))
