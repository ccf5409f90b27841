"""The proposal sheet (PDF, read back by text extraction) and the proposals workbook."""

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from housingmatch.domain.proposal import ContactOutcome, WithdrawalCode
from housingmatch.services import local_session, matching
from housingmatch.services import proposals as svc
from housingmatch.services.sheets import write_proposal_pdf, write_proposals_workbook
from tests.builders import make_request, make_unit

ON = date(2026, 6, 15)
S = local_session()


def _sent(store):
    store.units.save(make_unit(), "t")
    store.requests.save_many(
        [make_request(f"D{i}", tie_breaker=i, last_name=f"Nom{i}") for i in range(1, 6)], "t", "e"
    )
    top = [c.ref for c in matching.rank_unit(store, local_session(), "LOG-0001", ON).top(3)]
    p = svc.create_proposal(store, S, "LOG-0001", top, on=ON)
    p = svc.record_contact(
        store, S, p.id, top[1], ContactOutcome.DESISTE, WithdrawalCode.LOYER, on=ON
    )
    for c in p.listed:
        p = svc.record_contact(store, S, p.id, c.request_ref, ContactOutcome.JOINT, on=ON)
    return svc.send_proposal(store, S, p.id, date(2026, 6, 25), on=ON)


def test_the_sheet_reads_as_the_commission_needs_it(fresh_store, tmp_path):
    p = _sent(fresh_store)
    path = write_proposal_pdf(fresh_store, S, p.id, tmp_path / "fiche.pdf")
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert (
        reader.pages[0].mediabox.width == 595.2756
        or round(float(reader.pages[0].mediabox.width)) == 595
    )
    assert "Fiche de proposition" in text and "LOG-0001" in text and "25/06/2026" in text
    listed = [c.request_ref for c in p.listed]
    positions = [text.index(ref) for ref in listed]
    assert positions == sorted(positions)  # in the proposal's order
    assert "plafond" in text and "mois" in text
    # the withdrawal that explains the gap is printed with its reason; no timeline, no actor
    assert "Se désiste : loyer trop élevé" in text
    assert "Contact du candidat" not in text


def test_the_workbook_opens_with_one_row_per_candidate(fresh_store, tmp_path):
    p = _sent(fresh_store)
    path = write_proposals_workbook(fresh_store, S, tmp_path / "propositions.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("proposition", "logement", "état")
    assert len(rows) == 1 + len(p.candidates)
    assert {r[6] for r in rows[1:]} == {c.request_ref for c in p.candidates}


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_the_workbook_converts_in_libreoffice(fresh_store, tmp_path):
    _sent(fresh_store)
    path = write_proposals_workbook(fresh_store, S, tmp_path / "propositions.xlsx")
    done = subprocess.run(
        ["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "propositions.pdf").read_bytes()[:5] == b"%PDF-"
