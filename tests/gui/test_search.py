"""Quick search: names first, then the employer and communes of the request."""

import numpy as np

from housingmatch.gui.search import SECONDARY, SearchIndex

KEYS = [
    f"perrin julie {SECONDARY} dem 1 ateliers morvan saint martin du mont dijon",
    f"martinez hugo {SECONDARY} dem 2 sas sante dijon",
    f"martin lea {SECONDARY} dem 3 sas sante chenove",
    f"dubois tom {SECONDARY} dem 4 clinique martin dijon",
]


def order(index: SearchIndex, query: str) -> list[int]:
    scores = index.scores(query)
    assert scores is not None
    ranked = np.argsort(-scores, kind="stable")
    return [int(i) for i in ranked if scores[i] > 0]


def test_a_name_ranks_before_the_same_word_in_a_commune_or_employer():
    index = SearchIndex(KEYS)
    assert order(index, "martn") == [2, 1, 0, 3]


def test_secondary_words_still_match():
    index = SearchIndex(KEYS)
    assert order(index, "chenove") == [2]
    assert order(index, "clinique") == [3]


def test_a_changed_row_moves_its_words_between_primary_and_secondary():
    index = SearchIndex(KEYS)
    index.update(3, f"martin tom {SECONDARY} dem 4 clinique dijon")
    assert order(index, "martin")[:2] == [2, 3]
    row = index.append(f"zola emile {SECONDARY} dem 5 martin sa")
    assert order(index, "martin")[-1] == row
