"""Reports: obligations, fairness, indicators and the observatory export (no Qt)."""
