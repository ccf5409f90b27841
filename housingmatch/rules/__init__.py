"""Rules of the domain: household category, dates, ceilings, priority groups, rule sets."""
