-- Issue 9: an audit trail that proves what happened to the data.
--
-- * person_keys: one AES-256 key per request (a person); the personal values of that request
--   in audit_log are sealed with it. Anonymising the request deletes its key
--   (crypto-shredding): the ciphertext stays in the chain, its hash still verifies.
-- * audit_signing_keys / audit_checkpoints: each supervisor's Ed25519 key (private half
--   wrapped under their password) and the signed checkpoints (entry number, head hash, time).
-- * audit_meta 'baseline_pending': entries written before this migration carry no field
--   values; at the next open the application writes one 'baseline' entry per request and
--   unit holding its values as they are (see README, "Audit trail"), then removes the flag.
-- * requests.anonymised_on: the day retention anonymised the request.
-- * rulesets: a rule set is a draft until approved, and in force from a date.

CREATE TABLE person_keys (
    ref TEXT PRIMARY KEY,
    key BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_signing_keys (
    user_name TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    wrapped_private BLOB NOT NULL,
    salt BLOB NOT NULL,
    kdf TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE audit_checkpoints (
    id INTEGER PRIMARY KEY,
    entry_id INTEGER NOT NULL,
    head_hash TEXT NOT NULL,
    at TEXT NOT NULL,
    signer TEXT NOT NULL,
    public_key BLOB NOT NULL,
    signature BLOB NOT NULL
);

CREATE TABLE audit_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO audit_meta (key, value) VALUES ('baseline_pending', '1');

ALTER TABLE requests ADD COLUMN anonymised_on TEXT;

ALTER TABLE rulesets ADD COLUMN state TEXT NOT NULL DEFAULT 'APPROUVE';
ALTER TABLE rulesets ADD COLUMN in_force_from TEXT;
ALTER TABLE rulesets ADD COLUMN imported_by TEXT;
ALTER TABLE rulesets ADD COLUMN approved_by TEXT;
ALTER TABLE rulesets ADD COLUMN approved_at TEXT;
UPDATE rulesets SET in_force_from = effective_date;
