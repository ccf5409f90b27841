-- HousingMatch schema, version 1.
-- Requests, employers, units, reference data, rule sets, draft proposals and the audit log.

CREATE TABLE employers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    siret TEXT NOT NULL DEFAULT '',
    name_key TEXT NOT NULL,
    UNIQUE (name_key, siret)
);

CREATE TABLE requests (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    unique_number TEXT,
    filing_date TEXT NOT NULL,
    renewal_date TEXT,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    address TEXT,
    home_commune TEXT NOT NULL,
    housing_situation TEXT NOT NULL,
    current_rent REAL,
    employer_id INTEGER NOT NULL REFERENCES employers(id),
    work_commune TEXT NOT NULL,
    work_latitude REAL,
    work_longitude REAL,
    transport TEXT,
    contract TEXT NOT NULL,
    mobility TEXT NOT NULL DEFAULT 'AUCUNE',
    mobility_date TEXT,
    persons INTEGER NOT NULL CHECK (persons >= 1),
    dependants INTEGER NOT NULL DEFAULT 0 CHECK (dependants >= 0),
    partner_birth_date TEXT,
    disability INTEGER NOT NULL DEFAULT 0,
    fiscal_income REAL NOT NULL,
    monthly_income REAL,
    dalo INTEGER NOT NULL DEFAULT 0,
    typology_min INTEGER,
    typology_max INTEGER,
    max_rent REAL,
    needs_pmr INTEGER NOT NULL DEFAULT 0,
    needs_lift INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'ACTIVE',
    closed_on TEXT,
    close_reason TEXT,
    tie_breaker INTEGER,
    search_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX requests_status ON requests(status);
CREATE INDEX requests_employer ON requests(employer_id);
CREATE INDEX requests_unique_number ON requests(unique_number);

CREATE TABLE request_motifs (
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (request_id, code)
);

CREATE TABLE request_l441 (
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (request_id, code)
);

CREATE TABLE request_communes (
    request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code_insee TEXT NOT NULL,
    PRIMARY KEY (request_id, position)
);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    landlord TEXT NOT NULL,
    programme TEXT,
    address TEXT,
    commune TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    qpv TEXT,
    typology INTEGER NOT NULL CHECK (typology BETWEEN 1 AND 6),
    surface REAL NOT NULL CHECK (surface > 0),
    floor INTEGER,
    lift INTEGER NOT NULL DEFAULT 0,
    accessible_pmr INTEGER NOT NULL DEFAULT 0,
    financing TEXT NOT NULL,
    rent REAL NOT NULL,
    charges REAL NOT NULL DEFAULT 0,
    available_on TEXT,
    proposal_deadline TEXT,
    reserved_employer TEXT,
    status TEXT NOT NULL DEFAULT 'OUVERT',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX units_status ON units(status);

-- Reference data, loaded from resources/ when the database is created or updated.
CREATE TABLE ref_communes (
    code_insee TEXT PRIMARY KEY,
    nom TEXT NOT NULL,
    code_departement TEXT,
    code_epci TEXT,
    codes_postaux TEXT,
    population INTEGER,
    latitude REAL,
    longitude REAL
);

CREATE TABLE ref_communes_anciennes (
    code_insee_ancienne TEXT NOT NULL,
    nom_ancienne TEXT NOT NULL,
    code_insee_commune TEXT NOT NULL,
    PRIMARY KEY (code_insee_ancienne, nom_ancienne)
);

CREATE TABLE ref_qpv (
    geographie INTEGER NOT NULL,
    nom TEXT NOT NULL,
    code_insee_commune TEXT NOT NULL,
    PRIMARY KEY (geographie, nom)
);

CREATE TABLE ref_ceilings (
    year INTEGER NOT NULL,
    zone TEXT NOT NULL,
    financing TEXT NOT NULL,
    category TEXT NOT NULL,
    amount REAL NOT NULL,
    PRIMARY KEY (year, zone, financing, category)
);

CREATE TABLE ref_sources (
    dataset TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE rulesets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    content TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Draft proposals: up to three ranked candidates kept for a unit. The full proposal
-- workflow (CALEOL decision, answers) builds on these tables.
CREATE TABLE proposals (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    status TEXT NOT NULL DEFAULT 'BROUILLON',
    ranking_date TEXT NOT NULL,
    ruleset_hash TEXT NOT NULL,
    ranking_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX proposals_unit ON proposals(unit_id);

CREATE TABLE proposal_candidates (
    proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    request_id INTEGER NOT NULL REFERENCES requests(id),
    engine_rank INTEGER,
    deviation_reason TEXT,
    PRIMARY KEY (proposal_id, position),
    UNIQUE (proposal_id, request_id)
);

-- Append-only audit log: each entry is chained to the previous one by its hash.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_ref TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
