"""Typo- and accent-tolerant quick search over the folded search keys of a table.

The keys are folded by the store (``housingmatch.store.textkey.fold``: lower case, no accents).
Words made of letters go into a small vocabulary matched with rapidfuzz (a few thousand
surnames, first names and employer words, whatever the number of rows); words with digits
(references, unique numbers) are matched as substrings. Each query word must match (AND);
the result is a boolean mask over the rows, computed in a few milliseconds at 100 000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from housingmatch.store.textkey import fold


def _min_score(word: str) -> float:
    """Return the partial-ratio score a vocabulary word needs to match a query word."""
    if len(word) <= 4:
        return 100.0  # short words: exact substring only, or everything matches
    if len(word) <= 6:
        return 80.0
    return 75.0


class SearchIndex:
    """An inverted index over folded keys: letter words fuzzily, digit words as substrings."""

    def __init__(self, keys: Sequence[str]) -> None:
        """Index ``keys`` (one folded string per row)."""
        self.size = len(keys)
        self._keys = list(keys)
        postings: dict[str, list[int]] = {}
        for row, key in enumerate(self._keys):
            for word in key.split():
                if word.isalpha():
                    postings.setdefault(word, []).append(row)
        self._vocabulary = list(postings)
        self._postings = [np.asarray(postings[w], dtype=np.int64) for w in self._vocabulary]

    def match(self, query: str) -> np.ndarray | None:
        """Return the mask of rows matching every word of ``query``; None for an empty query."""
        words = fold(query).split()
        if not words:
            return None
        mask = np.ones(self.size, dtype=bool)
        for word in words:
            mask &= self._word_mask(word)
            if not mask.any():
                break
        return mask

    def _word_mask(self, word: str) -> np.ndarray:
        found = np.zeros(self.size, dtype=bool)
        if not word.isalpha():
            rows = [i for i, key in enumerate(self._keys) if word in key]
            found[rows] = True
            return found
        if len(word) <= 2:
            hits = [i for i, w in enumerate(self._vocabulary) if w.startswith(word)]
        else:
            hits = [
                i
                for _, _, i in process.extract(
                    word,
                    self._vocabulary,
                    scorer=fuzz.partial_ratio,
                    score_cutoff=_min_score(word),
                    limit=None,
                )
            ]
            # partial_ratio is symmetric in length: a long query word also "contains" a
            # short vocabulary word; require the vocabulary word to be nearly as long.
            hits = [i for i in hits if len(self._vocabulary[i]) >= len(word) - 1]
        if hits:
            found[np.concatenate([self._postings[i] for i in hits])] = True
        return found
