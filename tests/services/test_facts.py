"""Computed facts of a request as the editor and ``show`` display them."""

from __future__ import annotations

from datetime import date

from housingmatch.domain.model import Financement
from housingmatch.services.facts import request_facts
from tests.builders import SUPERVISOR, make_request

ON = date(2026, 6, 15)


def test_a_disabled_single_shows_the_automatic_l441_a_priority() -> None:
    facts = request_facts(None, SUPERVISOR, make_request(persons=1, disability=True), ON)
    assert facts.l441 == ("HANDICAP",)
    assert facts.l441_automatic
    assert "Public prioritaire (CCH L441-1) — a) handicap, automatique" in facts.group_labels


def test_the_income_compared_is_explained_and_pli_uses_the_make_up_row() -> None:
    couple = make_request(
        persons=2,
        birth_date=date(1998, 1, 1),
        partner_birth_date=date(1999, 1, 1),
        fiscal_income=52500.0,
        recent_income=47000.0,
    )
    facts = request_facts(None, SUPERVISOR, couple, ON)
    assert "inférieur d'au moins 10 %" in facts.income_explanation
    pli = next(f for f in facts.financings if f.financing is Financement.PLI)
    assert (pli.ceiling, pli.eligible) == (47321, True)  # B1, "2 persons" row
