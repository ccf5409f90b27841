"""Possible duplicates between forum intakes and office requests, scored and explained.

A forum intake may be an employee who already has a request at the office. Two records are
the same person for sure when they carry the same unique number (numéro unique); otherwise a
score combines the names (accents, case, typos and swapped first and last names tolerated,
rapidfuzz; the weaker of last and first name counts), the birth date (a typo or day and month inverted count for part) and the employer.
Blocking keeps it fast: an intake is compared only with the office records that share its
birth date, its unique number, its e-mail, or the first letters of one of its names with its
birth year, instead of with all of them (as the HMIS warehouse's deduplication does).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from housingmatch.domain.text import fold

#: Weights of the parts of the score (they sum to 1).
WEIGHT_NAME, WEIGHT_BIRTH, WEIGHT_EMPLOYER = 0.55, 0.30, 0.15
#: From this score on, a pair is proposed to the advisor as a possible duplicate.
THRESHOLD = 0.80
_PREFIX = 3


@dataclass(frozen=True, slots=True)
class Person:
    """What deduplication compares of a request (a key: its id or reference)."""

    key: str
    last_name: str
    first_name: str
    birth_date: date | None = None
    employer: str = ""
    unique_number: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class PossibleDuplicate:
    """A forum record and an office record that may be the same person."""

    forum_key: str
    office_key: str
    score: float
    exact: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Folded:
    person: Person
    last: str
    first: str
    tokens: tuple[str, ...]
    employer: str
    number: str
    email: str


# Names and employers repeat across 100 000 requests: fold each spelling once.
_fold_text = lru_cache(maxsize=262_144)(fold)


def _fold(person: Person) -> _Folded:
    last, first = _fold_text(person.last_name), _fold_text(person.first_name)
    return _Folded(
        person=person,
        last=last,
        first=first,
        tokens=tuple(f"{last} {first}".split()),
        employer=_fold_text(person.employer),
        number="".join((person.unique_number or "").split()).upper(),
        email=(person.email or "").strip().casefold(),
    )


def birth_similarity(a: date | None, b: date | None) -> float:
    """Return 1 for the same date, 0.8 for day and month inverted, 0.6 for one part wrong."""
    if a is None or b is None:
        return 0.5
    if a == b:
        return 1.0
    if (a.year, a.month, a.day) == (b.year, b.day, b.month):
        return 0.8
    same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day)
    return 0.6 if same == 2 else 0.0


def name_similarity(a: _Folded, b: _Folded) -> float:
    """Return how alike two persons' names are, the weaker of last and first name counting.

    Taking the weaker of the two keeps twins and siblings (same surname, another first name)
    apart from one person whose name was mistyped; first and last names swapped are tried too.
    """
    straight = min(fuzz.ratio(a.last, b.last), fuzz.ratio(a.first, b.first))
    swapped = min(fuzz.ratio(a.last, b.first), fuzz.ratio(a.first, b.last))
    return max(straight, swapped) / 100


def _score(forum: _Folded, office: _Folded) -> PossibleDuplicate:
    p, q = forum.person, office.person
    if forum.number and forum.number == office.number:
        return PossibleDuplicate(p.key, q.key, 1.0, True, ("même numéro unique",))
    name = name_similarity(forum, office)
    birth = birth_similarity(p.birth_date, q.birth_date)
    employer = (
        fuzz.token_set_ratio(forum.employer, office.employer) / 100
        if forum.employer and office.employer
        else 0.5
    )
    score = WEIGHT_NAME * name + WEIGHT_BIRTH * birth + WEIGHT_EMPLOYER * employer
    reasons = [f"noms semblables à {name:.0%}".replace("%", " %")]
    if birth == 1.0:
        reasons.append("même date de naissance")
    elif birth >= 0.6:
        reasons.append("date de naissance proche (faute de frappe ou jour et mois inversés)")
    if employer >= 0.9:
        reasons.append("même employeur")
    if forum.email and forum.email == office.email and name >= 0.8:
        score = max(score, 0.95)
        reasons.append("même adresse électronique")
    return PossibleDuplicate(p.key, q.key, round(min(score, 0.99), 4), False, tuple(reasons))


def score_pair(forum: Person, office: Person) -> PossibleDuplicate:
    """Return the score of one pair, without blocking (the simplest method, for checks)."""
    return _score(_fold(forum), _fold(office))


class OfficeIndex:
    """The office records, with blocking keys, ready to be compared with forum intakes."""

    def __init__(self, persons: Iterable[Person]) -> None:
        """Fold every record once and index it by its blocking keys."""
        self._records: list[_Folded] = []
        self._blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for person in persons:
            folded = _fold(person)
            position = len(self._records)
            self._records.append(folded)
            for key in self._keys(folded):
                self._blocks[key].append(position)

    def __len__(self) -> int:
        """Return the number of office records."""
        return len(self._records)

    @staticmethod
    def _keys(folded: _Folded) -> set[tuple[str, str]]:
        keys: set[tuple[str, str]] = set()
        birth = folded.person.birth_date
        if birth is not None:
            keys.add(("naissance", birth.isoformat()))
        year = str(birth.year) if birth is not None else "?"
        for token in folded.tokens:
            if len(token) >= 2:
                keys.add(("nom", f"{token[:_PREFIX]}|{year}"))
        if folded.number:
            keys.add(("numero", folded.number))
        if folded.email:
            keys.add(("email", folded.email))
        return keys

    def matches(self, person: Person, threshold: float = THRESHOLD) -> list[PossibleDuplicate]:
        """Return the office records that may be ``person``, best first."""
        folded = _fold(person)
        seen: set[int] = set()
        for key in self._keys(folded):
            seen.update(self._blocks.get(key, ()))
        found = [_score(folded, self._records[i]) for i in seen]
        found = [d for d in found if d.exact or d.score >= threshold]
        found.sort(key=lambda d: (-d.score, d.office_key))
        return found


def find_duplicates(
    office: Iterable[Person] | OfficeIndex,
    forum: Sequence[Person],
    threshold: float = THRESHOLD,
) -> list[PossibleDuplicate]:
    """Return every possible duplicate of the forum records among the office records."""
    index = office if isinstance(office, OfficeIndex) else OfficeIndex(office)
    return [d for person in forum for d in index.matches(person, threshold)]


def _cannot_reach(forum: _Folded, office: _Folded) -> bool:
    """Tell whether a pair scores below 0.70 whatever its names: the names' fuzzy match skipped.

    No unique number nor e-mail in common and birth dates unrelated (not a typo, not day and
    month inverted): the birth part is 0, so the score is at most name + employer weights.
    """
    if forum.number and forum.number == office.number:
        return False
    if forum.email and forum.email == office.email:
        return False
    return birth_similarity(forum.person.birth_date, office.person.birth_date) == 0.0


#: An office record as read from the database: key, last name, first name, birth date (ISO
#: text or None), employer, unique number, e-mail.
OfficeRow = tuple[str, str, str, str | None, str, str | None, str | None]


class ForumBlocks:
    """The forum intakes by blocking key, to meet every office record in one pass.

    The same keys and score as :class:`OfficeIndex`, the other way round: a package brings a
    few hundred intakes and the office holds 100 000 requests, so indexing the intakes and
    streaming the office rows folds and indexes far less (an office row is compared only
    when it shares a key with an intake, and only then turned into a :class:`Person`).
    """

    def __init__(self, forum: Sequence[Person]) -> None:
        """Fold the intakes once and index them by their blocking keys."""
        self._forum = [_fold(p) for p in forum]
        self._blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
        for position, folded in enumerate(self._forum):
            for key in OfficeIndex._keys(folded):
                self._blocks[key].append(position)

    def _hits(self, row: OfficeRow) -> set[int]:
        blocks = self._blocks
        _, last, first, birth, _, number, email = row
        hits: set[int] = set()
        if birth:
            hits.update(blocks.get(("naissance", birth), ()))
        year = birth[:4] if birth else "?"
        for token in f"{_fold_text(last)} {_fold_text(first)}".split():
            if len(token) >= 2:
                hits.update(blocks.get(("nom", f"{token[:_PREFIX]}|{year}"), ()))
        if number:
            hits.update(blocks.get(("numero", "".join(number.split()).upper()), ()))
        if email:
            hits.update(blocks.get(("email", email.strip().casefold()), ()))
        return hits

    def scan(
        self, office: Iterable[OfficeRow], threshold: float = THRESHOLD
    ) -> dict[str, list[PossibleDuplicate]]:
        """Return, by intake key, the office records that may be that intake, best first."""
        found: dict[str, list[PossibleDuplicate]] = defaultdict(list)
        # Without the birth date, names and employer alone stay under such a threshold.
        hopeless = threshold > WEIGHT_NAME + WEIGHT_EMPLOYER
        for row in office:
            hits = self._hits(row)
            if not hits:
                continue
            key, last, first, birth, employer, number, email = row
            person = Person(
                key,
                last,
                first,
                date.fromisoformat(birth) if birth else None,
                employer,
                number,
                email,
            )
            office_folded = _fold(person)
            for position in hits:
                forum = self._forum[position]
                if hopeless and _cannot_reach(forum, office_folded):
                    continue
                duplicate = _score(forum, office_folded)
                if duplicate.exact or duplicate.score >= threshold:
                    found[duplicate.forum_key].append(duplicate)
        for matches in found.values():
            matches.sort(key=lambda d: (-d.score, d.office_key))
        return dict(found)
