"""What the About box says: the data sources (from ``resources/SOURCES.md``) and the licence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from housingmatch.paths import resource

LICENCE = "GPL-3.0-or-later"
_BULLET = re.compile(r"^- \*\*(?P<name>[^*]+)\*\* : (?P<text>.+)$")


@dataclass(frozen=True, slots=True)
class DataSource:
    """One reference data set shipped with the application: what it is, where and when from."""

    name: str
    text: str


def data_sources() -> list[DataSource]:
    """Return the sources listed under « En bref » in ``resources/SOURCES.md`` (empty if none)."""
    path = resource("SOURCES.md")
    if not path.is_file():
        return []
    out: list[DataSource] = []
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## En bref"
            continue
        found = _BULLET.match(line.strip()) if inside else None
        if found:
            out.append(DataSource(found["name"].strip(), found["text"].strip()))
    return out
