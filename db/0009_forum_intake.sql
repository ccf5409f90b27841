-- The forum intake (issue 13): a request typed at a company forum lacks fields the office
-- completes later. intake_missing lists them ('|'-joined template names); NULL when complete.
-- While it is set the request reads "incomplète" and is not ranked.
ALTER TABLE requests ADD COLUMN intake_missing TEXT;
