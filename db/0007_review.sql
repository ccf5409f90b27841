-- Placeholder reserved for an issue in progress; filled by its branch.
SELECT 1;
