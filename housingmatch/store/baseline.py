"""The baseline of migration 0005: one entry per record holding its values as they were.

Entries written before 0005 name what changed but not every value, so the tables cannot
be rebuilt from them. At the first open after the migration, every request and unit gets a
``baseline`` entry (actor ``système``) with its values at that moment; ``verify`` rebuilds
from there. A change made outside the application *before* the upgrade is therefore not
detectable: the baseline takes the tables as they were.
"""

from __future__ import annotations

import sqlite_utils

from housingmatch.domain.fields import request_fields, unit_fields
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.requests import RequestRepository
from housingmatch.store.units import UnitRepository

BASELINE_ACTION = "baseline"
BASELINE_ACTOR = "système"
BASELINE_SOURCE = "migration 0005 (valeurs à la mise à jour)"


def write_baseline(
    db: sqlite_utils.Database,
    audit: AuditLog,
    requests: RequestRepository,
    units: UnitRepository,
) -> int:
    """Write the baseline entries if migration 0005 asked for them; return how many."""
    if not audit.baseline_pending():
        return 0
    entries = [
        PendingEntry(
            BASELINE_ACTION,
            "demande",
            r.ref,
            {"source": BASELINE_SOURCE, "after": request_fields(r)},
        )
        for r in requests.all()
    ]
    entries += [
        PendingEntry(
            BASELINE_ACTION,
            "logement",
            u.ref,
            {"source": BASELINE_SOURCE, "after": unit_fields(u)},
        )
        for u in units.all()
    ]
    with db.atomic():
        audit.append(BASELINE_ACTOR, entries)
        audit.baseline_done()
    return len(entries)
