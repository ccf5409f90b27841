"""Spreadsheet formula injection: neutralise exported cells, restore them on import.

Following OWASP's CSV-injection advice, a cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is written with a leading apostrophe so Excel and LibreOffice show
it as text. The import removes that apostrophe again, so an exported file reads back as the
original values.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Return a cell safe to open in a spreadsheet (prefixed with ``'`` when it could run)."""
    if text.startswith(_TRIGGERS) or (
        text.startswith("'") and text[1:].startswith((*_TRIGGERS, "'"))
    ):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo :func:`neutralise` on an imported cell."""
    if text.startswith("'") and text[1:].startswith((*_TRIGGERS, "'")):
        return text[1:]
    return text
