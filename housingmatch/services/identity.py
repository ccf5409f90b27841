"""Who a database is: its device id, whether it is a forum laptop, the next reference.

A laptop taken to a forum (``housingmatch --db F init --forum``) gives new requests a
provisional reference, ``F-<4 characters of the device>-0001``, so that they can never be
mistaken for an office reference; the office gives them one of its own when it merges the
package (``services.merge``). Identity is the UUID each record gets where it is born.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from housingmatch.domain.session import Session
from housingmatch.rules.permissions import Action, require
from housingmatch.store import Store
from housingmatch.store.merge import DEVICE_ID, FORUM_DEVICE

#: Prefix of the office's own references (as the demonstration data writes them).
OFFICE_PREFIX = "DEM"
FORUM_PREFIX = "F"


def _device(store: Store) -> str:
    device = store.merge.setting(DEVICE_ID)
    assert device, "migration 0008 gives every database its device id"
    return device


def _forum(store: Store) -> bool:
    return store.merge.setting(FORUM_DEVICE) == "1"


def device_id(store: Store, session: Session) -> str:
    """Return the id of this database's device (set once, by migration 0008)."""
    require(session, Action.READ)
    return _device(store)


def is_forum_device(store: Store, session: Session) -> bool:
    """Tell whether this database is a forum laptop's."""
    require(session, Action.READ)
    return _forum(store)


def mark_forum_device(store: Store, session: Session) -> None:
    """Mark this database as a forum laptop's (``init --forum``, the app's ``--forum``).

    Whoever sets a database up may do it (the import right: the administrator too).
    """
    require(session, Action.IMPORT_DATA)
    if not _forum(store):
        store.merge.set_setting(FORUM_DEVICE, "1")


def forum_prefix(device: str) -> str:
    """Return the prefix of a laptop's provisional references, ``F-XXXX-``."""
    return f"{FORUM_PREFIX}-{device[:4].upper()}-"


def ref_allocator(store: Store, on: date | None = None) -> Callable[[], str]:
    """Return a function giving this database's next request references, one after another."""
    if _forum(store):
        prefix, width = forum_prefix(_device(store)), 4
    else:
        prefix, width = f"{OFFICE_PREFIX}-{(on or date.today()).year}-", 6
    taken = store.merge.highest_number("requests", prefix)

    def allocate() -> str:
        nonlocal taken
        taken += 1
        return f"{prefix}{taken:0{width}d}"

    return allocate


def next_request_ref(store: Store, session: Session, on: date | None = None) -> str:
    """Return the reference a new request takes here (provisional on a forum laptop)."""
    require(session, Action.EDIT_RECORDS)
    return ref_allocator(store, on)()


def is_provisional(ref: str) -> bool:
    """Tell whether a reference is a laptop's provisional one."""
    return ref.startswith(f"{FORUM_PREFIX}-") and len(ref.split("-")) == 3
