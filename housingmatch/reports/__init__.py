"""Reports and documents (no Qt): obligations, fairness, indicators, the observatory export,
the proposal sheet (PDF) and proposal lists (XLSX)."""
