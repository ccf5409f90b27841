"""The review's flags on constructed proposals: each one raised, and none on a clean proposal."""

from dataclasses import replace
from datetime import date

from housingmatch.domain.proposal import (
    Candidate,
    ContactOutcome,
    DeviationCode,
    EventKind,
    ExceptionCode,
    Proposal,
    ProposalEvent,
    ProposalState,
    WithdrawalCode,
)
from housingmatch.domain.review import ReviewFlag
from housingmatch.rules import review as rules

ON = date(2026, 6, 15)
HASH = "a" * 64


def _proposal(*candidates: Candidate, **changes) -> Proposal:
    base = Proposal(
        id=1,
        unit_ref="LOG-0001",
        state=ProposalState.ENVOYEE,
        created_on=ON,
        ranking_date=ON,
        ruleset_hash=HASH,
        advisor="conseil",
        candidates=candidates
        or (
            Candidate("D1", 1, 1, ContactOutcome.JOINT),
            Candidate("D2", 2, 2, ContactOutcome.JOINT),
            Candidate("D3", 3, 3, ContactOutcome.JOINT),
        ),
        sent_on=date(2026, 6, 16),
        commission_date=date(2026, 6, 25),
    )
    return replace(base, **changes)


CLEAN_FACTS = rules.ReviewFacts(
    unit_deadline=date(2026, 7, 1),
    in_force_hash=HASH,
    ruleset_names={HASH: "Règles 2026.2"},
    replay_differences=[],
)


def _kinds(proposal, facts=CLEAN_FACTS):
    return [f.kind for f in rules.review_flags(proposal, facts)]


def test_a_clean_proposal_has_no_flag():
    assert rules.review_flags(_proposal(), CLEAN_FACTS) == ()


def test_a_rank_skipped_names_the_rank_and_the_recorded_reason():
    p = _proposal(
        Candidate("D1", 1, 1, ContactOutcome.JOINT),
        Candidate("D3", 2, 3, ContactOutcome.JOINT),
        Candidate("D5", 3, 5, ContactOutcome.JOINT),
        deviation_code=DeviationCode.DOSSIER_INCOMPLET,
        deviation_text="Avis d'imposition manquant",
    )
    (flag,) = rules.review_flags(p, CLEAN_FACTS)
    assert flag.kind is ReviewFlag.RANG_SAUTE
    assert "Rangs 2 et 4" in flag.detail
    assert "Dossier incomplet" in flag.detail and "Avis d'imposition manquant" in flag.detail


def test_a_withdrawal_is_not_a_skipped_rank_but_its_own_flag():
    p = _proposal(
        Candidate("D1", 1, 1, ContactOutcome.JOINT),
        Candidate("D2", None, 2, ContactOutcome.DESISTE, WithdrawalCode.LOGE_AILLEURS),
        Candidate("D3", 2, 3, ContactOutcome.JOINT),
        Candidate("D4", 3, 4, ContactOutcome.JOINT),
    )
    (flag,) = rules.review_flags(p, CLEAN_FACTS)
    assert flag.kind is ReviewFlag.CANDIDAT_SUSPENDU_OU_RETIRE
    assert "D2 (rang 2) s'est désisté" in flag.detail and "logement par ailleurs" in flag.detail


def test_a_parked_candidate_and_a_closed_request_are_flagged():
    p = _proposal(
        Candidate("D1", 1, 1, ContactOutcome.JOINT, parked_until=date(2026, 8, 1)),
        Candidate("D2", 2, 2, ContactOutcome.JOINT),
        Candidate("D3", 3, 3, ContactOutcome.JOINT),
    )
    facts = replace(CLEAN_FACTS, closed_requests={"D2": "abandon"})
    (flag,) = rules.review_flags(p, facts)
    assert "D1 mis en attente jusqu'au 01/08/2026" in flag.detail
    assert "D2 est close (abandon)" in flag.detail


def test_fewer_than_three_names_the_exception_or_its_absence():
    two = (Candidate("D1", 1, 1, ContactOutcome.JOINT), Candidate("D2", 2, 2, ContactOutcome.JOINT))
    (flag,) = rules.review_flags(_proposal(*two, exception=ExceptionCode.DALO_PREFET), CLEAN_FACTS)
    assert flag.kind is ReviewFlag.MOINS_DE_TROIS
    assert "2 candidats" in flag.detail and "DALO" in flag.detail
    (bare,) = rules.review_flags(_proposal(*two), CLEAN_FACTS)
    assert "aucune exception" in bare.detail


def test_the_list_counted_is_the_one_sent_not_what_remains_after_releases():
    sent = ProposalEvent(
        EventKind.ENVOI, ON, "conseil", "Envoyée", {"candidats": ["D1", "D2", "D3"]}
    )
    p = _proposal(
        Candidate("D1", 1, 1, ContactOutcome.JOINT),
        Candidate("D2", None, 2, ContactOutcome.JOINT),  # released afterwards
        Candidate("D3", None, 3, ContactOutcome.JOINT),
        events=(sent,),
    )
    assert ReviewFlag.MOINS_DE_TROIS not in _kinds(p)


def test_a_late_sending_counts_the_days_after_the_deadline():
    facts = replace(CLEAN_FACTS, unit_deadline=date(2026, 6, 10))
    (flag,) = rules.review_flags(_proposal(), facts)
    assert flag.kind is ReviewFlag.ENVOI_TARDIF
    assert "16/06/2026" in flag.detail and "10/06/2026" in flag.detail and "6 jours" in flag.detail
    assert _kinds(_proposal(sent_on=date(2026, 6, 10)), facts) == []  # on the day: in time


def test_an_answer_deadline_under_ten_days_is_flagged_and_ten_days_is_not():
    short = Candidate(
        "D1", 1, 1, ContactOutcome.JOINT, notified_on=ON, answer_deadline=date(2026, 6, 22)
    )
    rest = (
        Candidate("D2", 2, 2, ContactOutcome.JOINT),
        Candidate("D3", 3, 3, ContactOutcome.JOINT),
    )
    (flag,) = rules.review_flags(_proposal(short, *rest), CLEAN_FACTS)
    assert flag.kind is ReviewFlag.DELAI_REPONSE_COURT
    assert "D1" in flag.detail and "7 jours" in flag.detail
    legal = replace(short, answer_deadline=date(2026, 6, 25))
    assert _kinds(_proposal(legal, *rest)) == []


def test_rules_not_in_force_on_the_ranking_date_are_flagged():
    other = "b" * 64
    facts = replace(CLEAN_FACTS, in_force_hash=other, ruleset_names={HASH: "R1", other: "R2"})
    (flag,) = rules.review_flags(_proposal(), facts)
    assert flag.kind is ReviewFlag.REGLES_HORS_VIGUEUR
    assert "R1" in flag.detail and "R2" in flag.detail
    (none,) = rules.review_flags(_proposal(), replace(CLEAN_FACTS, in_force_hash=None))
    assert "aucun jeu de règles" in none.detail


def test_a_receipt_that_no_longer_replays_is_flagged_with_the_differences():
    facts = replace(CLEAN_FACTS, replay_differences=["D1 : rang 1 → 2, score 40 → 38"])
    (flag,) = rules.review_flags(_proposal(), facts)
    assert flag.kind is ReviewFlag.RECU_NON_REJOUABLE and "D1 : rang 1 → 2" in flag.detail
    facts = replace(CLEAN_FACTS, replay_differences=None, replay_error="Pas de reçu.")
    assert rules.review_flags(_proposal(), facts)[0].detail == "Pas de reçu."


def test_the_ranking_beside_the_choice_says_who_is_above_and_by_which_parts():
    p = _proposal(
        Candidate("D1", 1, 1, ContactOutcome.JOINT),
        Candidate("D3", 2, 3, ContactOutcome.JOINT),
        deviation_code=DeviationCode.AUTRE,
        deviation_text="Vu en entretien",
    )
    ranked = [
        ("D1", 1, 50.0, (20.0, 30.0)),
        ("D2", 2, 45.0, (20.0, 25.0)),
        ("D3", 3, 40.0, (10.0, 30.0)),
        ("D4", 4, 30.0, (0.0, 30.0)),
    ]
    lines = rules.ranking_lines(p, ranked, ["Groupes", "Ancienneté"], below=1)
    assert [(line.request_ref, line.chosen, line.position) for line in lines] == [
        ("D1", True, 1), ("D2", False, None), ("D3", True, 2), ("D4", False, None),
    ]  # fmt: skip
    assert "Vu en entretien" in lines[1].note and lines[3].note == ""
    (sentence,) = rules.above_chosen(lines)
    assert sentence.startswith("D2 (rang 2, 45,0 pts) est classé au-dessus de D3 (rang 3")
    assert "groupes +10,0" in sentence and "ancienneté −5,0" in sentence
