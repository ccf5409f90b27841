"""Possible duplicates: the same person written another way is found, relatives are not."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from housingmatch.exchange.duplicates import (
    THRESHOLD,
    OfficeIndex,
    Person,
    birth_similarity,
    find_duplicates,
    score_pair,
)

OFFICE = [
    Person("OFF-1", "Lefèvre", "Cédric", date(1990, 4, 12), "Dijon Céréales SAS", "0212345678901"),
    Person(
        "OFF-2",
        "Faure",
        "Timothée",
        date(1985, 7, 3),
        "Clinique de Talant",
        email="t.faure@example.org",
    ),
    Person("OFF-3", "Martin", "Léa", date(1994, 2, 20), "Groupe Vouge"),
    Person("OFF-4", "Martin", "Inès", date(1994, 2, 20), "Groupe Vouge"),  # Léa's twin
    Person("OFF-5", "Bernard", "Nicolas", date(1979, 3, 13), "Saône SA"),
]
INDEX = OfficeIndex(OFFICE)


def found(person: Person) -> list[str]:
    return [d.office_key for d in INDEX.matches(person)]


def test_same_unique_number_is_exact_whatever_the_names():
    match = INDEX.matches(Person("F", "Dupont", "Jean", None, "", "0212 3456 78901"))
    assert [(d.office_key, d.exact, d.score) for d in match] == [("OFF-1", True, 1.0)]


def test_accents_case_and_swapped_names():
    assert found(Person("F", "CEDRIC", "LEFEVRE", date(1990, 4, 12))) == ["OFF-1"]


def test_a_typo_and_a_changed_email_with_another_employer_spelling():
    person = Person(
        "F", "Faur", "Timothee", date(1985, 7, 3), "Clinique Talant", email="tim@new.fr"
    )
    assert found(person) == ["OFF-2"]


def test_day_and_month_of_birth_inverted():
    assert birth_similarity(date(1985, 7, 3), date(1985, 3, 7)) == 0.8
    assert found(Person("F", "Faure", "Timothée", date(1985, 3, 7), "Clinique de Talant")) == [
        "OFF-2"
    ]


def test_a_wrong_day_of_birth_with_a_typo_in_the_name():
    assert found(Person("F", "BERNARD", "Nicoals", date(1979, 3, 2), "Saône SA")) == ["OFF-5"]


def test_a_twin_is_not_a_duplicate_of_the_other():
    assert found(Person("F", "Martin", "Léa", date(1994, 2, 20), "Groupe Vouge")) == ["OFF-3"]


def test_a_homonym_born_another_day_elsewhere_is_not_proposed():
    assert (
        found(Person("F", "Lefèvre", "Cédric", date(1971, 11, 2), "Transports Bourguignons")) == []
    )


def test_the_same_email_counts_only_with_a_close_name():
    relative = Person("F", "Faure", "Jeanne", date(1960, 1, 1), email="t.faure@example.org")
    assert found(relative) == []


def test_find_duplicates_over_a_forum_batch():
    forum = [Person("F1", "lefevre", "cedric", date(1990, 4, 12)), Person("F2", "Nouveau", "Jean")]
    assert [(d.forum_key, d.office_key) for d in find_duplicates(OFFICE, forum)] == [
        ("F1", "OFF-1")
    ]


_letters = st.text(alphabet="abcdeéèfghilmnor", min_size=3, max_size=9)


@settings(max_examples=100, deadline=None)
@given(
    office=st.lists(
        st.tuples(_letters, _letters, st.dates(date(1990, 1, 1), date(1990, 1, 5))), max_size=30
    ),
    forum=st.tuples(_letters, _letters, st.dates(date(1990, 1, 1), date(1990, 1, 5))),
)
def test_blocking_misses_nothing_that_shares_a_birth_date(office, forum):
    """With every birth date in one block or another, the index finds what a full scan finds."""
    people = [Person(f"O{i}", last, first, born) for i, (last, first, born) in enumerate(office)]
    intake = Person("F", *forum)
    full_scan = {p.key for p in people if score_pair(intake, p).score >= THRESHOLD}
    blocked = {d.office_key for d in OfficeIndex(people).matches(intake)}
    same_day = {p.key for p in people if p.birth_date == intake.birth_date}
    assert full_scan & same_day <= blocked <= full_scan


def test_the_forum_blocks_find_what_the_office_index_finds():
    from random import Random

    from housingmatch.exchange.duplicates import ForumBlocks

    rng = Random(7)
    last = ["Lefèvre", "Faure", "Martin", "Bernard", "Noël", "Dubois"]
    first = ["Cédric", "Léa", "Inès", "Hugo", "Nathalie"]
    office = [
        Person(
            f"OFF-{n}",
            rng.choice(last),
            rng.choice(first),
            date(1980 + rng.randrange(5), 1 + rng.randrange(3), 1 + rng.randrange(5)),
            rng.choice(["Dijon Céréales", "Groupe Vouge"]),
            f"02{n:08d}" if rng.random() < 0.3 else None,
            f"p{n}@example.org" if rng.random() < 0.5 else None,
        )
        for n in range(400)
    ]
    forum = [
        Person(
            f"F-{n}",
            rng.choice(last).upper(),
            rng.choice(first),
            date(1980 + rng.randrange(5), 1 + rng.randrange(3), 1 + rng.randrange(5)),
            "Dijon Cereales",
            f"02{rng.randrange(400):08d}" if rng.random() < 0.2 else None,
            f"p{rng.randrange(400)}@example.org" if rng.random() < 0.2 else None,
        )
        for n in range(60)
    ]
    index = OfficeIndex(office)
    rows = [
        (
            p.key,
            p.last_name,
            p.first_name,
            p.birth_date.isoformat() if p.birth_date else None,
            p.employer,
            p.unique_number,
            p.email,
        )
        for p in office
    ]
    scanned = ForumBlocks(forum).scan(rows)
    assert sum(len(v) for v in scanned.values()) > 20  # the case is not empty
    for person in forum:
        assert scanned.get(person.key, []) == index.matches(person)
