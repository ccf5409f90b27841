"""Fill a database with reproducible demonstration data (see ``exchange.demo``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from housingmatch.domain.model import Request
from housingmatch.domain.session import Role, Session
from housingmatch.errors import JobCancelled, UserError
from housingmatch.exchange.demo import DemoSummary, generator
from housingmatch.rules.permissions import Action, allowed, require
from housingmatch.services.accounts import has_accounts, hash_password
from housingmatch.store import Store

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class DemoAccount:
    """A documented account of the demonstration database (README, "Comptes et rôles")."""

    name: str
    password: str
    role: Role
    display_name: str


#: One account per role; the passwords are public (README): a demonstration database holds
#: generated people only.
DEMO_ACCOUNTS = (
    DemoAccount("conseil", "demo-conseil", Role.CONSEILLER, "Camille Conseil"),
    DemoAccount("superviseur", "demo-superviseur", Role.SUPERVISEUR, "Sacha Superviseur"),
    DemoAccount("admin", "demo-admin", Role.ADMINISTRATEUR, "Alex Admin"),
)


def create_demo_accounts(store: Store, session: Session | None = None) -> list[DemoAccount]:
    """Add the demonstration accounts that are missing; return those created (audited).

    On a database without accounts nobody needs to be signed in (actor ``démo``); once it has
    accounts, only an administrator may add them.
    """
    actor = "démo"
    if has_accounts(store):
        if session is None:
            raise UserError("Seul un administrateur peut ajouter les comptes de démonstration.")
        require(session, Action.MANAGE_USERS)
        actor = session.user
    made = []
    with store.db.atomic():
        for account in DEMO_ACCOUNTS:
            if store.accounts.get(account.name) is None:
                store.accounts.add(
                    account.name,
                    account.display_name,
                    account.role,
                    hash_password(account.password),
                    actor,
                )
                made.append(account)
    return made


def demo_session(store: Store) -> Session:
    """Return the session of the demonstration advisor, the author of the generated data."""
    account = DEMO_ACCOUNTS[0]
    if store.accounts.get(account.name) is None:
        raise UserError("La base n'a pas les comptes de démonstration.")
    return Session(account.name, account.role, account.display_name)


def generate_demo(
    store: Store,
    session: Session,
    requests: int = 2000,
    units: int = 150,
    seed: int = 2026,
    on: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    history: int = 0,
) -> DemoSummary:
    """Fill a store with demonstration data (one transaction per batch of requests, audited).

    ``history`` more units are vacated over the past year and their commissions played
    through the workflow's services (``services.demo_history``), by the demonstration
    advisor when the session is not an advisor's (an administrator setting the database up).
    """
    require(session, Action.IMPORT_DATA)
    on = on or date.today()
    gen = generator(seed, on)
    batch = 5000
    total = requests + units + history
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
            store.requests.save_many(made[start : start + batch], session.user, "démonstration")
            if progress is not None:
                progress(min(start + batch, requests), total)
        store.units.save_many(unit_list, session.user, "démonstration")
    _demo_quartile_thresholds(store, session, on)
    summary = DemoSummary(requests, units, len(gen.employers), on)
    if history > 0:
        from housingmatch.services.demo_history import generate_history

        def step(done: int, _count: int) -> None:
            if progress is not None:
                progress(requests + units + done, total)

        played = generate_history(
            store, _history_session(store, session), history, seed, on, units + 1, step, cancelled
        )
        summary = replace(
            summary, history_units=played.units, proposals=played.proposals, leases=played.leases
        )
    if progress is not None:
        progress(total, total)
    return summary


#: An illustrative first-quartile threshold (EUR per consumption unit and year) for Dijon
#: Métropole in demonstration databases only, so that their gauges count something: the
#: arrêté's value was not found (rule set, [first_quartile]); a real base enters its own.
DEMO_QUARTILE_THRESHOLD = 10_000.0
DIJON_METROPOLE = "242100410"


def _demo_quartile_thresholds(store: Store, session: Session, on: date) -> None:
    """Enter the illustrative threshold for this year and the last, unless one is there."""
    known = {(t.epci, t.year) for t in store.reference.quartile_thresholds()}
    for year in (on.year - 1, on.year):
        if (DIJON_METROPOLE, year) not in known:
            store.reference.set_quartile_threshold(
                DIJON_METROPOLE, year, DEMO_QUARTILE_THRESHOLD, session.user
            )


def _history_session(store: Store, session: Session) -> Session:
    """Return who plays the commission history: the session when it may, else the demo advisor."""
    if allowed(session, Action.PREPARE_PROPOSAL) and allowed(session, Action.RECORD_OUTCOME):
        return session
    return demo_session(store)
