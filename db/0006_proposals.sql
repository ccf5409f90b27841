-- The commission workflow (issue 10): a proposal's whole life (preparation, sending to the
-- CALEOL, decision per candidate, answers, lease), its events, its ranking receipt, and the
-- parking of a request after a refusal. Existing drafts become proposals in preparation.
ALTER TABLE proposals ADD COLUMN advisor TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals ADD COLUMN created_on TEXT;
ALTER TABLE proposals ADD COLUMN exception_code TEXT;
ALTER TABLE proposals ADD COLUMN deviation_code TEXT;
ALTER TABLE proposals ADD COLUMN deviation_text TEXT;
ALTER TABLE proposals ADD COLUMN sent_on TEXT;
ALTER TABLE proposals ADD COLUMN commission_date TEXT;
ALTER TABLE proposals ADD COLUMN decided_on TEXT;
ALTER TABLE proposals ADD COLUMN closed_on TEXT;
ALTER TABLE proposals ADD COLUMN flag TEXT;
ALTER TABLE proposals ADD COLUMN receipt BLOB;

-- A draft's reason was a free text on its candidates: it becomes the proposal's deviation.
UPDATE proposals SET
    status = 'PREPARATION',
    created_on = substr(created_at, 1, 10),
    deviation_text = (
        SELECT c.deviation_reason FROM proposal_candidates c
        WHERE c.proposal_id = proposals.id AND c.deviation_reason IS NOT NULL
        ORDER BY c.position LIMIT 1
    )
WHERE status = 'BROUILLON';
UPDATE proposals SET deviation_code = CASE
        WHEN deviation_text LIKE 'Répartition globale%' THEN 'REPARTITION_GLOBALE'
        ELSE 'AUTRE' END
WHERE deviation_text IS NOT NULL;
UPDATE proposals SET created_on = substr(created_at, 1, 10) WHERE created_on IS NULL;

-- Candidates: no longer at most three; a withdrawn or released candidate keeps its record
-- without a position.
CREATE TABLE proposal_candidates_v6 (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests(id),
    position INTEGER CHECK (position IS NULL OR position >= 1),
    engine_rank INTEGER,
    contact TEXT,
    withdrawal_code TEXT,
    decision TEXT,
    caleol_rank INTEGER,
    non_attribution_code TEXT,
    notified_on TEXT,
    answer_deadline TEXT,
    answer TEXT,
    refusal_code TEXT,
    refusal_note TEXT,
    answered_on TEXT,
    leased_on TEXT,
    release_code TEXT,
    parked_until TEXT,
    PRIMARY KEY (proposal_id, request_id)
);
INSERT INTO proposal_candidates_v6 (proposal_id, request_id, position, engine_rank)
    SELECT proposal_id, request_id, position, engine_rank FROM proposal_candidates;
DROP TABLE proposal_candidates;
ALTER TABLE proposal_candidates_v6 RENAME TO proposal_candidates;
CREATE INDEX proposal_candidates_request ON proposal_candidates(request_id);

-- The timeline of each proposal: one row per transition (each also audited).
CREATE TABLE proposal_events (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    actor TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id);

INSERT INTO proposal_events (proposal_id, kind, on_date, actor, summary, details)
    SELECT id, 'CREATION', created_on, '', 'Brouillon repris de la version précédente', '{}'
    FROM proposals;

-- A refusal can park a request until a date (REQUEST_PARKED in the ranking's exclusions).
ALTER TABLE requests ADD COLUMN parked_until TEXT;
