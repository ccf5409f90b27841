"""How values are written in the window (French conventions)."""

from __future__ import annotations

from datetime import date


def french_date(day: date | None) -> str:
    """Return ``JJ/MM/AAAA`` (empty for no date).

    Written by hand rather than with ``strftime``: under PySide6 every ``strftime`` call goes
    through shiboken's import hook, which made filling a table of 4 000 dates take 0.3 s.
    """
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else ""
