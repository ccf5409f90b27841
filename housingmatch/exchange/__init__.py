"""Import and export of requests and units (CSV, XLSX), demonstration data."""
