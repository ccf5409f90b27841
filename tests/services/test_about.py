"""The About box lists the reference data sources with their dates."""

import re

from housingmatch.services.about import data_sources


def test_sources_are_read_from_sources_md_with_dates():
    sources = data_sources()
    names = [s.name for s in sources]
    assert "Plafonds de ressources" in names and "Zonage A/B/C" in names
    assert all(re.search(r"20\d\d", s.text) for s in sources)
    assert not any("**" in s.text or "`" in s.text for s in sources)
