"""The proposals repository: migration of the old drafts, and a transition stored with its audit."""

from datetime import date

from housingmatch.domain.proposal import DeviationCode, ProposalState
from housingmatch.store import Store
from housingmatch.store.database import connect, discover_migrations, migrate
from tests.builders import make_request, make_unit


def test_drafts_of_the_previous_schema_become_proposals_in_preparation(db_path):
    db = connect(db_path)
    migrate(db, discover_migrations()[:5])
    # The repository reads the columns 0006, 0008 and 0009 add: lend them for the writes,
    # then take them back.
    db.execute("ALTER TABLE requests ADD COLUMN parked_until TEXT")
    db.execute("ALTER TABLE requests ADD COLUMN uuid TEXT")
    db.execute("ALTER TABLE units ADD COLUMN uuid TEXT")
    db.execute("ALTER TABLE requests ADD COLUMN intake_missing TEXT")
    store = Store(db, db_path)
    store.units.save(make_unit(), "t")
    store.requests.save_many([make_request(f"D{i}") for i in (1, 2, 3)], "t", "e")
    db.execute("ALTER TABLE requests DROP COLUMN parked_until")
    db.execute("ALTER TABLE requests DROP COLUMN uuid")
    db.execute("ALTER TABLE units DROP COLUMN uuid")
    db.execute("ALTER TABLE requests DROP COLUMN intake_missing")
    db.execute(
        "INSERT INTO proposals (id, unit_id, status, ranking_date, ruleset_hash, created_at, "
        "updated_at) VALUES (1, 1, 'BROUILLON', '2026-06-01', 'abc', '2026-06-02T10:00:00+00:00', "
        "'2026-06-02T10:00:00+00:00')"
    )
    for pos, (ref, rank, why) in enumerate([("D1", 1, None), ("D3", 3, "Injoignable")], 1):
        rid = db.execute("SELECT id FROM requests WHERE ref = ?", [ref]).fetchone()[0]
        db.execute("INSERT INTO proposal_candidates VALUES (1, ?, ?, ?, ?)", [pos, rid, rank, why])
    db.close()
    with Store.open(db_path) as store:
        p = store.proposals.get(1)
        assert p.state is ProposalState.PREPARATION
        assert p.created_on == date(2026, 6, 2)
        assert [(c.request_ref, c.position, c.engine_rank) for c in p.listed] == [
            ("D1", 1, 1),
            ("D3", 2, 3),
        ]
        assert (p.deviation_code, p.deviation_text) == (DeviationCode.AUTRE, "Injoignable")
        assert len(p.events) == 1
        assert store.requests.get("D1").parked_until is None
