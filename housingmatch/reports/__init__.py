"""Documents for people outside the application: the proposal sheet (PDF), proposal lists (XLSX)."""
