"""Fill a database with reproducible demonstration data (see ``exchange.demo``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from housingmatch.domain.model import Request
from housingmatch.errors import JobCancelled
from housingmatch.exchange.demo import DemoSummary, generator
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def generate_demo(
    store: Store,
    requests: int = 2000,
    units: int = 150,
    seed: int = 2026,
    on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill a store with demonstration data (one transaction per batch of requests, audited)."""
    on = on or date.today()
    gen = generator(seed, on)
    batch = 5000
    total = requests + units
    made: list[Request] = []
    for i in range(requests):
        made.append(gen.request(i + 1))
        if (i + 1) % 1000 == 0:
            if cancelled is not None and cancelled():
                raise JobCancelled()
            if progress is not None:
                progress(i + 1, total)
    unit_list = [gen.unit(i + 1) for i in range(units)]
    if cancelled is not None and cancelled():
        raise JobCancelled()
    with store.db.atomic():
        for start in range(0, len(made), batch):
            store.requests.save_many(made[start : start + batch], "démo", "démonstration")
            if progress is not None:
                progress(min(start + batch, requests), total)
        store.units.save_many(unit_list, "démo", "démonstration")
    if progress is not None:
        progress(total, total)
    return DemoSummary(requests, units, len(gen.employers), on)
