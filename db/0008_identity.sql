-- Identity of records and the merge of forum packages (issue 13).
--
-- Every request and unit gets a stable identifier (UUID) created where it is born; the
-- reference advisors type stays a label. A database knows its own device id (settings), and
-- whether it is a forum laptop. Packages written on a laptop and merged at the office are
-- recorded on both sides; the possible duplicates wait in merge_pairs for an advisor.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES ('device_id', lower(hex(randomblob(16))));

ALTER TABLE requests ADD COLUMN uuid TEXT;
ALTER TABLE units ADD COLUMN uuid TEXT;
-- A version-4 UUID for every record already there.
UPDATE requests SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2)))
    || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6)))
    WHERE uuid IS NULL;
UPDATE units SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2)))
    || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)
    || '-' || lower(hex(randomblob(6)))
    WHERE uuid IS NULL;
CREATE UNIQUE INDEX requests_uuid ON requests(uuid);
CREATE UNIQUE INDEX units_uuid ON units(uuid);

-- SQLite cannot add NOT NULL to an existing column: triggers keep the identifier required
-- and unchangeable once given.
CREATE TRIGGER requests_uuid_required BEFORE INSERT ON requests
WHEN NEW.uuid IS NULL OR NEW.uuid = ''
BEGIN
    SELECT RAISE(ABORT, 'requests.uuid is required');
END;
CREATE TRIGGER requests_uuid_kept BEFORE UPDATE OF uuid ON requests
WHEN NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'requests.uuid cannot change');
END;
CREATE TRIGGER units_uuid_required BEFORE INSERT ON units
WHEN NEW.uuid IS NULL OR NEW.uuid = ''
BEGIN
    SELECT RAISE(ABORT, 'units.uuid is required');
END;
CREATE TRIGGER units_uuid_kept BEFORE UPDATE OF uuid ON units
WHEN NEW.uuid IS NOT OLD.uuid
BEGIN
    SELECT RAISE(ABORT, 'units.uuid cannot change');
END;

-- On a laptop: each package written (the next one carries what changed after last_hash).
CREATE TABLE package_exports (
    batch_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    last_hash TEXT NOT NULL,
    requests INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    actor TEXT NOT NULL
);

-- At the office: each package merged, from which device, made when.
CREATE TABLE package_imports (
    batch_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    new_requests INTEGER NOT NULL,
    updates INTEGER NOT NULL,
    duplicates INTEGER NOT NULL
);
CREATE INDEX package_imports_device ON package_imports(device_id, created_at);

-- The laptop's audit entries, kept with their origin (device, batch, the laptop's hash).
CREATE TABLE package_entries (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    origin_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_ref TEXT,
    record_uuid TEXT,
    details TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (device_id, hash)
);
CREATE INDEX package_entries_uuid ON package_entries(record_uuid);

-- Possible duplicates between a forum record and an office request, and the decision taken.
-- forum_record holds the forum record as template cells until it is linked or kept apart;
-- before_link the office values the link replaced (an unlink puts them back).
CREATE TABLE merge_pairs (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    office_uuid TEXT NOT NULL,
    forum_uuid TEXT NOT NULL,
    forum_ref TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    forum_record TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'EN_ATTENTE',
    linked_fields TEXT,
    before_link TEXT,
    decided_by TEXT,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (office_uuid, forum_uuid)
);
CREATE INDEX merge_pairs_state ON merge_pairs(state);
CREATE INDEX merge_pairs_forum ON merge_pairs(forum_uuid);
