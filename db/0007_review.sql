-- The supervisor's review (issue 11): a sign-off (verdict and comment) per review of a
-- proposal, tied to the audit checkpoint signed with it. A proposal may be reviewed again:
-- every sign-off is kept, the newest one is the proposal's current verdict.
CREATE TABLE review_signoffs (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL CHECK (verdict IN ('VALIDEE', 'A_REVOIR')),
    comment TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    checkpoint_id INTEGER REFERENCES audit_checkpoints(id),
    checkpoint_hash TEXT NOT NULL
);
CREATE INDEX review_signoffs_proposal ON review_signoffs(proposal_id);

-- The last replay of each proposal's receipt, for the review's list: a replay of a large
-- receipt takes seconds, and its result only changes with the receipt or the application's
-- version. The audit report always replays afresh (it does not trust this table).
CREATE TABLE review_replays (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
    receipt_digest TEXT NOT NULL,
    app_version TEXT NOT NULL,
    differences TEXT NOT NULL,
    replayed_at TEXT NOT NULL
);
