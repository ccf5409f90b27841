"""Measure duplicate detection between forum intakes and office requests: quality and time.

Usage: python benchmarks/bench_duplicates.py [--office 100000] [--forum 500] [--seed 1] [--json]
Prints precision, recall and times; the last line is one JSON object.

The office holds generated employees (demo names, birth dates, employers, e-mails). Half the
forum intakes are office employees seen again, written as at a forum: a typo in a name,
accents dropped, capitals, first and last names swapped, a changed e-mail (moved house, new
address), the employer written another way, sometimes a wrong day of birth or day and month inverted. The
other half are new people, among them the hard cases: homonyms (same names, another birth
date and employer) and siblings (same surname and employer, another first name and birth) and twins (same surname, birth date and
employer, another first name).
The anchor is the simplest method: the same score against every office record (no blocking),
run on a sample of the intakes and scaled. ``bench_merge.py`` runs the same people through the
real package merge (``services.merge.plan_import`` and ``import_package``) on databases.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta

from housingmatch.exchange.demo import EMPLOYER_STEMS, FIRST_NAMES, SURNAMES
from housingmatch.exchange.duplicates import THRESHOLD, OfficeIndex, Person, score_pair
from housingmatch.geo.normalize import strip_accents


def _typo(rng: random.Random, text: str) -> str:
    if len(text) < 4:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.choice(("delete", "double", "swap", "replace"))
    if kind == "delete":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    if kind == "swap":
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text[:i] + rng.choice("aeiourstnl") + text[i + 1 :]


def _office(rng: random.Random, count: int) -> list[Person]:
    people = []
    for n in range(count):
        last, first = rng.choice(SURNAMES), rng.choice(FIRST_NAMES)
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 46))
        employer = f"{rng.choice(EMPLOYER_STEMS)} {rng.choice(('SAS', 'SARL', 'SA', 'Groupe'))}"
        email = f"{strip_accents(first).lower()}.{strip_accents(last).lower()}{n}@example.org"
        number = f"0212{n:010d}" if rng.random() < 0.3 else None
        people.append(Person(f"OFF-{n}", last, first, birth, employer, number, email))
    return people


def _seen_again(rng: random.Random, person: Person, n: int) -> Person:
    last, first = person.last_name, person.first_name
    changes = rng.sample(
        ["typo", "accents", "caps", "swap", "employer", "birth"], k=rng.randint(1, 3)
    )
    if "typo" in changes:
        if rng.random() < 0.5:
            last = _typo(rng, last)
        else:
            first = _typo(rng, first)
    if "accents" in changes:
        last, first = strip_accents(last), strip_accents(first)
    if "caps" in changes:
        last = last.upper()
    if "swap" in changes:
        last, first = first, last
    employer = person.employer
    if "employer" in changes:
        employer = employer.split()[0]
    birth = person.birth_date
    if "birth" in changes and birth is not None:
        if rng.random() < 0.5 and birth.day <= 12 and birth.day != birth.month:
            birth = date(birth.year, birth.day, birth.month)  # day and month inverted
        else:
            birth = birth.replace(day=rng.choice([d for d in range(1, 29) if d != birth.day]))
    # A forum rarely has the unique number; the e-mail has often changed.
    return Person(f"FOR-{n}", last, first, birth, employer, None, f"nouveau{n}@example.net")


def _new_person(rng: random.Random, office: list[Person], n: int) -> Person:
    birth = date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 46))
    kind = rng.random()
    model = rng.choice(office)
    if kind < 0.4:  # homonym
        return Person(f"FOR-{n}", model.last_name, model.first_name, birth, "Autre Employeur SAS")
    if kind < 0.6:  # sibling at the same employer
        first = rng.choice([f for f in FIRST_NAMES if f != model.first_name])
        return Person(f"FOR-{n}", model.last_name, first, birth, model.employer)
    if kind < 0.7:  # twin: same surname, birth date and employer, another first name
        first = rng.choice([f for f in FIRST_NAMES if f != model.first_name])
        return Person(f"FOR-{n}", model.last_name, first, model.birth_date, model.employer)
    return Person(f"FOR-{n}", rng.choice(SURNAMES), rng.choice(FIRST_NAMES), birth, "Nouvelle SARL")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--office", type=int, default=100_000)
    parser.add_argument("--forum", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--anchor-sample", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    office = _office(rng, args.office)
    forum, truth = [], {}
    for n in range(args.forum):
        if n % 2 == 0:
            model = rng.choice(office)
            forum.append(_seen_again(rng, model, n))
            truth[f"FOR-{n}"] = model.key
        else:
            forum.append(_new_person(rng, office, n))

    start = time.perf_counter()
    index = OfficeIndex(office)
    built = time.perf_counter() - start
    start = time.perf_counter()
    found = [d for p in forum for d in index.matches(p)]
    matched = time.perf_counter() - start

    proposed = {(d.forum_key, d.office_key) for d in found}
    true_pairs = set(truth.items())
    tp = len(proposed & true_pairs)
    precision = tp / len(proposed) if proposed else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0

    sample = forum[: args.anchor_sample]
    start = time.perf_counter()
    anchor_found = 0
    for person in sample:
        anchor_found += sum(1 for o in office if score_pair(person, o).score >= THRESHOLD)
    anchor = (time.perf_counter() - start) * len(forum) / max(len(sample), 1)

    print(
        f"Bureau : {len(office)} demandes ; forum : {len(forum)} saisies ({len(truth)} déjà connues)"
    )
    print(
        f"Précision : {precision:.3f} ; rappel : {recall:.3f} ({tp} sur {len(true_pairs)}, {len(proposed)} paires proposées)"
    )
    print(
        f"Index du bureau : {built:.2f} s ; comparaison : {matched:.2f} s ; total : {built + matched:.2f} s"
    )
    print(
        f"Ancre (même score contre chaque demande, sans blocage) : {anchor:.1f} s estimées, {anchor / max(matched + built, 1e-9):.0f}× plus lent"
    )
    print(
        json.dumps(
            {
                "office": len(office),
                "forum": len(forum),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "index_s": round(built, 3),
                "match_s": round(matched, 3),
                "anchor_s": round(anchor, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
