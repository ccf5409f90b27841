-- Legal corrections (issue 7).
-- Which income counts (brief §3.3): an optional N-1 or last-12-months income of the household,
-- and the applicant's own resources (counted when separating or protected from violence).
-- Consumption units (brief §2.5): how many members are under 14 (unknown when NULL).
ALTER TABLE requests ADD COLUMN recent_income REAL;
ALTER TABLE requests ADD COLUMN own_income REAL;
ALTER TABLE requests ADD COLUMN children_under_14 INTEGER;

-- First-quartile thresholds (EUR per consumption unit and year) by EPCI (SIREN) and year:
-- reference data a user enters from the annual arrêté (brief §2.5).
CREATE TABLE quartile_thresholds (
    epci TEXT NOT NULL,
    year INTEGER NOT NULL,
    amount REAL NOT NULL CHECK (amount > 0),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (epci, year)
);
