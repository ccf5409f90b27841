-- Rule sets can be switched back: the active one is the most recently activated, not the
-- most recently imported.
ALTER TABLE rulesets ADD COLUMN activation INTEGER NOT NULL DEFAULT 0;
UPDATE rulesets SET activation = id;
