"""Typo- and accent-tolerant quick search over the folded search keys of a table.

The keys are folded by the store (``housingmatch.domain.text.fold``: lower case, no accents).
Words made of letters go into a small vocabulary matched with rapidfuzz (a few thousand
surnames, first names and employer words, whatever the number of rows); words with digits
(references, unique numbers) are matched as substrings. Each query word must match (AND);
the result is a boolean mask over the rows, computed in a few milliseconds at 100 000 rows.

:meth:`SearchIndex.scores` also says how well each row matches (``fuzz.ratio`` of the best
vocabulary word per query word, summed): "dupon" scores Dupont above Duponchel, so the table
can list the best matches first. One row can be changed or added in place after a save.

A key may put `` | `` before its secondary words (employer, communes): they match as well,
but a name that matches equally well ranks first ("martn" lists MARTIN before a request
whose home commune is Saint-Martin-du-Mont).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from housingmatch.domain.text import fold


def _min_score(word: str) -> float:
    """Return the partial-ratio score a vocabulary word needs to match a query word."""
    if len(word) <= 4:
        return 100.0  # short words: exact substring only, or everything matches
    if len(word) <= 6:
        return 80.0
    return 75.0


SECONDARY = "|"
# Similarity kept for a match on a secondary word (the primary words are the names).
SECONDARY_WEIGHT = 0.75


def _letter_words(key: str) -> set[str]:
    return {word for word in key.split() if word.isalpha()}


def _primary_words(key: str) -> set[str]:
    return _letter_words(key.partition(SECONDARY)[0])


class SearchIndex:
    """An inverted index over folded keys: letter words fuzzily, digit words as substrings."""

    def __init__(self, keys: Sequence[str]) -> None:
        """Index ``keys`` (one folded string per row)."""
        self.size = len(keys)
        self._keys = list(keys)
        postings: dict[str, list[int]] = {}
        primary: dict[str, list[int]] = {}
        for row, key in enumerate(self._keys):
            head, _, tail = key.partition(SECONDARY)
            for word in head.split():
                if word.isalpha():
                    postings.setdefault(word, []).append(row)
                    primary.setdefault(word, []).append(row)
            for word in tail.split():
                if word.isalpha():
                    postings.setdefault(word, []).append(row)
        self._vocabulary = list(postings)
        self._word_ids = {word: i for i, word in enumerate(self._vocabulary)}
        self._postings = [np.asarray(postings[w], dtype=np.int64) for w in self._vocabulary]
        self._primary = [np.asarray(primary.get(w, ()), dtype=np.int64) for w in self._vocabulary]

    def match(self, query: str) -> np.ndarray | None:
        """Return the mask of rows matching every word of ``query``; None for an empty query."""
        scores = self.scores(query)
        return None if scores is None else scores > 0

    def scores(self, query: str) -> np.ndarray | None:
        """Return how well each row matches ``query`` (0: no match); None for an empty query."""
        words = fold(query).split()
        if not words:
            return None
        total = np.zeros(self.size, dtype=np.float64)
        matched = np.ones(self.size, dtype=bool)
        for word in words:
            found = self._word_scores(word)
            matched &= found > 0  # every word must match
            if not matched.any():
                break
            total += found
        return np.where(matched, total, 0.0)

    def update(self, row: int, key: str) -> None:
        """Index a new folded key for an existing ``row`` (after the record was saved)."""
        old, new = _letter_words(self._keys[row]), _letter_words(key)
        for word in old:
            i = self._word_ids[word]
            self._postings[i] = self._postings[i][self._postings[i] != row]
            self._primary[i] = self._primary[i][self._primary[i] != row]
        self._keys[row] = key
        primary = _primary_words(key)
        for word in new:
            self._add_posting(word, row, word in primary)

    def append(self, key: str) -> int:
        """Index one more row (a record created after the index was built); return its row."""
        row = self.size
        self._keys.append(key)
        self.size += 1
        primary = _primary_words(key)
        for word in _letter_words(key):
            self._add_posting(word, row, word in primary)
        return row

    def _add_posting(self, word: str, row: int, primary: bool) -> None:
        i = self._word_ids.get(word)
        if i is None:
            i = self._word_ids[word] = len(self._vocabulary)
            self._vocabulary.append(word)
            self._postings.append(np.asarray([row], dtype=np.int64))
            self._primary.append(np.asarray([], dtype=np.int64))
        else:
            self._postings[i] = np.append(self._postings[i], row)
        if primary:
            self._primary[i] = np.append(self._primary[i], row)

    def _word_scores(self, word: str) -> np.ndarray:
        found = np.zeros(self.size, dtype=np.float64)
        if not word.isalpha():
            rows = [i for i, key in enumerate(self._keys) if word in key]
            found[rows] = 100.0
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
        # The quality of a hit is its full similarity: "dupon" is nearer Dupont than
        # Duponchel although both contain it. Best hit per row wins (assigned last).
        quality = sorted((max(fuzz.ratio(word, self._vocabulary[i]), 1.0), i) for i in hits)
        for score, i in quality:
            rows = self._postings[i]
            found[rows] = np.maximum(found[rows], score * SECONDARY_WEIGHT)
        for score, i in quality:
            rows = self._primary[i]
            found[rows] = np.maximum(found[rows], score)
        return found
