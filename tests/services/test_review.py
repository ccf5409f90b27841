"""The review through its services: flags on real proposals, refusals, sign-offs and checkpoints."""

import hashlib
from datetime import date

import pytest

from housingmatch import __version__
from housingmatch.domain.review import ReviewFilter, ReviewFlag, Verdict
from housingmatch.errors import JobCancelled, UserError
from housingmatch.matching import receipts
from housingmatch.rules.permissions import PermissionDenied
from housingmatch.services import review
from tests import review_world as world
from tests.builders import ADVISOR, SUPERVISOR

PASSWORD = "demo-superviseur"


@pytest.fixture
def built(fresh_store):
    world.fill(fresh_store)
    return fresh_store, world.build(fresh_store)


def _by_id(rows):
    return {r.proposal_id: r for r in rows}


def test_each_situation_gets_its_flag_and_the_clean_ones_none(built):
    store, ids = built
    rows = _by_id(review.review_rows(store, SUPERVISOR, ReviewFilter()))
    expected = {
        "clean": (),
        "other": (),
        "skipped": (ReviewFlag.RANG_SAUTE,),
        "fewer": (ReviewFlag.MOINS_DE_TROIS,),
        "late": (ReviewFlag.ENVOI_TARDIF,),
        "withdrawn": (ReviewFlag.CANDIDAT_SUSPENDU_OU_RETIRE,),
        "old_rules": (ReviewFlag.REGLES_HORS_VIGUEUR,),
    }
    assert {name: rows[ids[name]].flag_kinds for name in ids} == expected
    skipped = rows[ids["skipped"]].flags[0].detail
    assert "Rang 2" in skipped and "Avis d'imposition manquant" in skipped
    assert rows[ids["clean"]].state == "Bail signé" and rows[ids["clean"]].candidates == 3


def test_a_tampered_receipt_no_longer_replays(built):
    store, ids = built
    first = _by_id(review.review_rows(store, SUPERVISOR, ReviewFilter()))  # replays kept
    assert first[ids["clean"]].flag_kinds == ()
    kept = store.proposals.receipt(ids["clean"])
    other = store.proposals.receipt(ids["other"])
    result, _ = receipts._sections(kept)
    _, inputs = receipts._sections(other)  # another unit's inputs under this result
    forged = receipts.MAGIC + receipts._frame(result) + inputs
    store.db.execute("UPDATE proposals SET receipt = ? WHERE id = ?", [forged, ids["clean"]])
    rows = _by_id(review.review_rows(store, SUPERVISOR, ReviewFilter()))
    assert rows[ids["clean"]].flag_kinds == (ReviewFlag.RECU_NON_REJOUABLE,)
    assert "ne redonne pas le classement" in rows[ids["clean"]].flags[0].detail


def test_the_filters_choose_by_advisor_period_landlord_flag(built):
    store, ids = built

    def only(**kw):
        return {r.proposal_id for r in review.review_rows(store, SUPERVISOR, ReviewFilter(**kw))}

    assert only(advisor="conseil2") == {ids["other"]}
    assert only(landlord="Autre Bailleur") == {ids["other"]}
    assert only(end=date(2025, 12, 31)) == {ids["old_rules"]}
    assert only(start=date(2026, 1, 1), flag=ReviewFlag.ENVOI_TARDIF) == {ids["late"]}
    assert only(commune="Dijon") == set(ids.values())
    choices = review.review_choices(store, SUPERVISOR)
    assert choices["advisors"] == ["conseil", "conseil2"]
    assert choices["landlords"] == ["Autre Bailleur", "Exemple Habitat"]


def test_the_detail_shows_the_ranking_of_the_day_beside_the_choice(built):
    store, ids = built
    detail = review.review_detail(store, SUPERVISOR, ids["skipped"])
    chosen = [line.rank for line in detail.ranking if line.chosen]
    assert chosen == [1, 3, 4]
    second = next(line for line in detail.ranking if line.rank == 2)
    assert not second.chosen and "Avis d'imposition manquant" in second.note
    assert len(second.parts) == 7 and second.parts[0][0].startswith("Groupes prioritaires")
    assert any("rang 2" in s and "au-dessus" in s for s in detail.above_chosen)
    assert detail.replay is not None and detail.replay.identical
    assert [e.kind.value for e in detail.timeline][:2] == ["CREATION", "CONTACT"]
    assert len(detail.audit) == len(detail.timeline)  # one audit entry per transition
    assert detail.audit[0].action == "creation"


def test_an_advisor_cannot_open_the_review_nor_sign_off(built):
    store, ids = built
    before = store.audit.count()
    with pytest.raises(PermissionDenied):
        review.review_rows(store, ADVISOR, ReviewFilter())
    with pytest.raises(PermissionDenied):
        review.review_detail(store, ADVISOR, ids["clean"])
    with pytest.raises(PermissionDenied):
        review.sign_off(store, ADVISOR, ids["clean"], Verdict.VALIDEE, "vu", PASSWORD)
    assert store.audit.count() == before
    assert store.reviews.all() == []


def test_a_sign_off_writes_a_checkpoint_and_its_audit_entry(built):
    store, ids = built
    head_before, _ = store.audit.head()
    made = review.sign_off(
        store, SUPERVISOR, ids["skipped"], Verdict.A_REVOIR, "Motif à étayer", PASSWORD
    )
    checkpoint = store.checkpoints.latest()
    assert checkpoint is not None and checkpoint.authentic()
    assert checkpoint.entry_id >= head_before and made.checkpoint_hash == checkpoint.head_hash
    assert made.by == "superviseur" and made.verdict.label == "à revoir"
    (entry,) = store.audit.entries(entity="proposition", entity_ref=str(ids["skipped"]),
                                   action="signoff")  # fmt: skip
    assert entry.details["verdict"] == "A_REVOIR"
    assert entry.details["point_de_controle"] == checkpoint.head_hash
    row = _by_id(review.review_rows(store, SUPERVISOR, ReviewFilter()))[ids["skipped"]]
    assert row.sign_off == made


def test_a_wrong_password_or_a_missing_comment_leaves_nothing_written(built):
    store, ids = built
    review.sign_off(store, SUPERVISOR, ids["clean"], Verdict.VALIDEE, "", PASSWORD)  # key made
    before = store.audit.count()
    with pytest.raises(UserError):
        review.sign_off(store, SUPERVISOR, ids["late"], Verdict.VALIDEE, "vu", "mauvais")
    with pytest.raises(UserError, match="commentaire"):
        review.sign_off(store, SUPERVISOR, ids["late"], Verdict.A_REVOIR, "  ", PASSWORD)
    with pytest.raises(UserError, match="Aucune proposition"):
        review.sign_off(store, SUPERVISOR, 999, Verdict.VALIDEE, "vu", PASSWORD)
    assert store.audit.count() == before
    assert len(store.checkpoints.all()) == 1 and len(store.reviews.all()) == 1


def test_an_advisor_reads_the_comments_on_their_proposals_and_not_another_s(built):
    store, ids = built
    mine, theirs = ids["late"], ids["other"]
    review.sign_off(store, SUPERVISOR, mine, Verdict.A_REVOIR, "Envoi tardif", PASSWORD)
    review.sign_off(store, SUPERVISOR, theirs, Verdict.VALIDEE, "Conforme", PASSWORD)
    seen = review.sign_offs_for(store, ADVISOR, [mine, theirs])
    assert list(seen) == [mine] and seen[mine][0].comment == "Envoi tardif"
    assert set(review.sign_offs_for(store, SUPERVISOR, [mine, theirs])) == {mine, theirs}


def test_the_kept_replays_serve_the_list_but_not_the_audit_report(built):
    store, ids = built
    review.review_rows(store, SUPERVISOR, ReviewFilter())
    pid = ids["clean"]
    blob = store.proposals.receipt(pid)
    digest = hashlib.sha256(blob).hexdigest()
    assert store.reviews.cached_replay(pid, digest, __version__) == []
    # a kept result is what the list shows (a replay takes seconds on a large receipt)...
    store.reviews.keep_replay(pid, digest, __version__, ["D01 : rang 1 → 2, score 1 → 0"])
    rows = _by_id(review.review_rows(store, SUPERVISOR, ReviewFilter()))
    assert rows[pid].flag_kinds == (ReviewFlag.RECU_NON_REJOUABLE,)
    # ...but the audit report and the detail replay afresh, and correct what is kept
    report = review.audit_report(store, SUPERVISOR, date(2025, 1, 1), date(2026, 12, 31))
    assert report.replays_identical == len(report.replays) == 7
    assert store.reviews.cached_replay(pid, digest, __version__) == []
    assert review.review_detail(store, SUPERVISOR, pid).row.flag_kinds == ()


def test_the_background_jobs_list_and_write_the_report_from_the_file(file_store, tmp_path):
    from housingmatch.services import background

    world.fill(file_store)
    ids = world.build(file_store)
    steps = []
    rows = background.review_rows_work(
        file_store.path, SUPERVISOR, ReviewFilter(flag=ReviewFlag.ENVOI_TARDIF),
        lambda done, total: steps.append((done, total)), lambda: False,
    )  # fmt: skip
    assert [r.proposal_id for r in rows] == [ids["late"]]
    assert steps[-1] == (7, 7)
    pdf = tmp_path / "rapport.pdf"
    report = background.audit_report_work(
        file_store.path, SUPERVISOR, date(2026, 1, 1), date(2026, 12, 31), None, pdf,
        lambda done, total: None, lambda: False,
    )  # fmt: skip
    assert report.proposals == 6 and pdf.read_bytes()[:5] == b"%PDF-"
    with pytest.raises(JobCancelled):
        background.review_rows_work(
            file_store.path, SUPERVISOR, ReviewFilter(), lambda d, t: None, lambda: True
        )
