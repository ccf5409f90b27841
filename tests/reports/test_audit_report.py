"""The audit report: its figures are those of the records; its PDF and XLSX hold them."""

import re
from collections import Counter
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from housingmatch.domain.proposal import Answer, RefusalReason
from housingmatch.domain.review import ReviewFilter, Verdict
from housingmatch.errors import UserError
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import proposals as svc
from housingmatch.services import review
from tests import review_world as world
from tests.builders import ADVISOR, SUPERVISOR

START, END = date(2025, 1, 1), date(2026, 12, 31)


@pytest.fixture
def built(fresh_store):
    world.fill(fresh_store)
    ids = world.build(fresh_store)
    review.sign_off(fresh_store, SUPERVISOR, ids["skipped"], Verdict.A_REVOIR, "Motif à étayer",
                    "demo-superviseur")  # fmt: skip
    return fresh_store, ids


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_figures_are_those_computed_from_the_records(built, tmp_path):
    store, _ = built
    report = review.audit_report(store, SUPERVISOR, START, END)
    proposals = [p for p in store.proposals.all() if START <= p.created_on <= END]
    assert report.proposals == len(proposals) == 7
    assert report.sent == sum(1 for p in proposals if p.sent_on is not None)
    decisions = Counter(c.decision.label for p in proposals for c in p.candidates if c.decision)
    assert dict(report.decisions) == dict(decisions) and sum(decisions.values()) == 6
    refusals = Counter(
        c.refusal_code.label for p in proposals for c in p.candidates
        if c.answer is Answer.REFUSE and c.refusal_code
    )  # fmt: skip
    assert dict(report.refusals_by_reason) == dict(refusals)
    assert dict(report.refusals_by_reason) == {RefusalReason.LOYER_TROP_ELEVE.label: 1}
    assert dict(report.refusals_by_tag) == {"Refus du côté candidat": 1, "Porte sur : loyer": 1}
    rows = review.review_rows(store, SUPERVISOR, ReviewFilter(start=START, end=END))
    flags = Counter(f.kind.label for r in rows for f in r.flags)
    assert {k: n for k, n in report.deviations_by_kind if n} == dict(flags)
    assert sum(flags.values()) == 5 and len(report.deviations_by_kind) == 7  # zeros shown too
    assert [(d.proposal_id, d.detail) for d in report.deviations] == [
        (r.proposal_id, f.detail) for r in rows for f in r.flags
    ]
    assert len(report.replays) == 7 and report.replays_identical == 7
    assert [(s.verdict, s.comment) for s in report.sign_offs] == [("à revoir", "Motif à étayer")]
    assert report.verify_ok and report.last_checkpoint_hash == store.checkpoints.latest().head_hash
    assert any("2026.2" in r for r in report.rulesets)


def test_the_period_bounds_the_proposals(built):
    store, ids = built
    report = review.audit_report(store, SUPERVISOR, date(2025, 12, 1), date(2025, 12, 31))
    assert report.proposals == 1 and [d.proposal_id for d in report.deviations] == [
        ids["old_rules"]
    ]
    with pytest.raises(UserError, match="inversée"):
        review.audit_report(store, SUPERVISOR, END, START)
    with pytest.raises(PermissionDenied):
        review.audit_report(store, ADVISOR, START, END)


def test_the_pdf_holds_the_period_each_deviation_pages_and_a_signature_block(built, tmp_path):
    store, _ = built
    pdf = tmp_path / "rapport.pdf"
    report = review.audit_report(store, SUPERVISOR, START, END, pdf=pdf)
    reader = PdfReader(pdf)
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert "du 01/01/2025 au 31/12/2026" in text
    flat = _flat(text)
    for d in report.deviations:
        assert _flat(d.detail) in flat, d.detail
    assert f"page 1 / {len(pages)}" in pages[0] and f"page {len(pages)} / {len(pages)}" in pages[-1]
    assert "Visa de la direction" in text and "Signature" in text
    assert _flat(report.last_checkpoint_hash) in flat
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]  # no temporary left


def test_the_xlsx_has_one_filterable_sheet_per_table_holding_the_rows(built, tmp_path):
    store, _ = built
    xlsx = tmp_path / "rapport.xlsx"
    report = review.audit_report(store, SUPERVISOR, START, END, xlsx=xlsx)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Synthèse", "Décomptes", "Propositions", "Écarts", "Rejeux",
                               "Contrôles", "Vérification"]  # fmt: skip
    for ws in book.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    deviations = list(book["Écarts"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[4]) for r in deviations] == [
        (d.proposal_id, d.detail) for d in report.deviations
    ]
    assert book["Propositions"].max_row == 1 + report.proposals
    assert book["Contrôles"]["F2"].value == "Motif à étayer"
    assert book["Propositions"]["F2"].number_format == "DD/MM/YYYY"  # dates, not texts
    assert book["Propositions"]["F2"].value.date() == report.lines[0].created_on


def test_the_report_is_not_written_over_the_database(tmp_path):
    from housingmatch.store import Store

    path = tmp_path / "base.sqlite"
    with Store.open(path) as store:
        with pytest.raises(UserError, match="base de données"):
            review.audit_report(store, SUPERVISOR, START, END, pdf=path)
        assert svc.list_proposals(store, SUPERVISOR) == []


def test_a_receipt_that_no_longer_replays_is_named_in_the_pdf(built, tmp_path):
    from housingmatch.matching import receipts

    store, ids = built
    result, _ = receipts._sections(store.proposals.receipt(ids["clean"]))
    _, inputs = receipts._sections(store.proposals.receipt(ids["other"]))
    forged = receipts.MAGIC + receipts._frame(result) + inputs
    store.db.execute("UPDATE proposals SET receipt = ? WHERE id = ?", [forged, ids["clean"]])
    pdf = tmp_path / "rapport.pdf"
    report = review.audit_report(store, SUPERVISOR, START, END, pdf=pdf)
    assert report.replays_identical == 6
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "7 reçu(s) rejoué(s) : 6 redonnent" in _squash(text)
    assert "différent" in text and "LOG-0001" in text


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)
