"""Measure the real merge of a forum package: plan_import and import_package at the office.

Usage: python benchmarks/bench_merge.py [--office 100000] [--forum 500] [--seed 1] [--json]
Prints precision, recall and times; the last line is one JSON object.

The employees are those of ``bench_duplicates.py`` (same generators), but written as real
requests: an office database of ``--office`` requests, and a forum laptop whose ``--forum``
intakes are half office employees seen again (a typo, accents dropped, capitals, first and
last names swapped, the employer written another way, a wrong day of birth, and always a
changed e-mail and a moved house) and half new people (homonyms, siblings, twins among them).
The laptop writes its package (``services.merge.export_package``, the default scrypt cost);
the office opens, validates and plans it (``plan_import``: decryption, the import's validation
of every record, blocking and scoring against every office request), then imports it
(``import_package``, one transaction). The anchor is ``bench_duplicates.py``'s: the same score
against every office request without blocking, on a sample of the intakes, scaled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_duplicates import _new_person, _office, _seen_again

from housingmatch.domain.model import (
    Applicant,
    CurrentHousing,
    Employer,
    Household,
    ModeTransport,
    Request,
    SituationLogement,
    TypeContrat,
    Workplace,
)
from housingmatch.exchange import package as pkg
from housingmatch.exchange.duplicates import THRESHOLD, Person, score_pair
from housingmatch.exchange.forum_records import person as forum_person_of
from housingmatch.services import identity, local_session, merge
from housingmatch.store import Store
from housingmatch.store.backup import BackupPolicy

COMMUNES = ("21231", "21166", "21355", "21515", "21617", "21263")
PASSPHRASE = "phrase de passe du banc d'essai"


def _request(rng: random.Random, ref: str, person: Person, filed: date) -> Request:
    assert person.birth_date is not None
    return Request(
        ref=ref,
        filing_date=filed,
        applicant=Applicant(
            person.last_name,
            person.first_name,
            person.birth_date,
            person.email,
            None,
            f"{rng.randint(1, 99)} rue {rng.choice(('du Lac', 'Neuve', 'des Écoles'))}",
        ),
        household=Household(
            persons=rng.randint(1, 4), fiscal_income=float(rng.randint(9, 40) * 1000)
        ),
        employer=Employer(person.employer),
        workplace=Workplace(rng.choice(COMMUNES), transport=ModeTransport.VOITURE),
        contract=TypeContrat.CDI,
        housing=CurrentHousing(rng.choice(COMMUNES), SituationLogement.LOCATAIRE_PRIVE, 550.0),
        unique_number=person.unique_number,
    )


def _moved(rng: random.Random, request: Request) -> Request:
    """The employee moved house: another commune and address."""
    home = rng.choice([c for c in COMMUNES if c != request.housing.commune])
    return replace(
        request,
        housing=replace(request.housing, commune=home),
        applicant=replace(request.applicant, address="12 avenue de la Gare"),
    )


def main() -> None:
    """Build both databases, run the merge and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--office", type=int, default=100_000)
    parser.add_argument("--forum", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--anchor-sample", type=int, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    session = local_session()
    policy = BackupPolicy(automatic=False)
    folder = Path(tempfile.mkdtemp(prefix="bench_merge_"))

    people = _office(rng, args.office)
    start = time.perf_counter()
    office = Store.open(folder / "bureau.sqlite", policy=policy)
    office_refs = {}
    requests = []
    for n, person in enumerate(people):
        ref = f"DEM-2026-{n + 1:06d}"
        office_refs[person.key] = ref
        requests.append(_request(rng, ref, person, date(2025, 1, 1)))
    by_key = {p.key: r for p, r in zip(people, requests, strict=True)}
    office.requests.save_many(requests, "banc", "banc d'essai")
    built = time.perf_counter() - start

    laptop = Store.open(folder / "portable.sqlite", policy=policy)
    identity.mark_forum_device(laptop, session)
    allocate = identity.ref_allocator(laptop)
    intakes, truth = [], {}
    for n in range(args.forum):
        ref = allocate()
        if n % 2 == 0:
            model = rng.choice(people)
            seen = _seen_again(rng, model, n)
            intake = _moved(rng, _request(rng, ref, seen, date(2026, 11, 20)))
            # The household and income the advisor hears at the forum are the office's.
            intake = replace(intake, household=by_key[model.key].household)
            truth[ref] = office_refs[model.key]
        else:
            intake = _request(rng, ref, _new_person(rng, people, n), date(2026, 11, 20))
        intakes.append(intake)
    laptop.requests.save_many(intakes, "forum", "saisie au forum", preserve_state=False)
    package = folder / "forum.hmpkg"
    start = time.perf_counter()
    merge.export_package(laptop, session, package, PASSPHRASE)
    exported = time.perf_counter() - start

    start = time.perf_counter()
    plan = merge.plan_import(office, session, package, PASSPHRASE)
    planned = time.perf_counter() - start
    start = time.perf_counter()
    done = merge.import_package(office, session, package, PASSPHRASE)
    imported = time.perf_counter() - start

    # The key derivation (scrypt, 128 MiB, deliberately slow against guessing) on its own.
    start = time.perf_counter()
    hashlib.scrypt(
        PASSPHRASE.encode(),
        salt=b"0" * 16,
        n=pkg.SCRYPT_N,
        r=pkg.SCRYPT_R,
        p=pkg.SCRYPT_P,
        maxmem=256 * pkg.SCRYPT_N * pkg.SCRYPT_R * pkg.SCRYPT_P,
        dklen=64,
    )
    kdf = time.perf_counter() - start

    proposed = {(p.forum_ref, p.office_ref) for p in plan.duplicates}
    true_pairs = set(truth.items())
    tp = len(proposed & true_pairs)
    precision = tp / len(proposed) if proposed else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    assert len(done.duplicates) == len(plan.duplicates)

    forum_people = [forum_person_of(i.ref, i) for i in intakes[: args.anchor_sample]]
    start = time.perf_counter()
    for forum_person in forum_people:
        sum(1 for o in people if score_pair(forum_person, o).score >= THRESHOLD)
    anchor = (time.perf_counter() - start) * len(intakes) / max(len(forum_people), 1)

    print(
        f"Bureau : {len(people)} demandes (écrites en {built:.0f} s) ; forum : {len(intakes)} "
        f"saisies ({len(truth)} déjà connues au bureau)"
    )
    print(
        f"Précision : {precision:.3f} ; rappel : {recall:.3f} ({tp} sur {len(true_pairs)}, "
        f"{len(proposed)} paires proposées ; {len(plan.new_requests)} nouvelles demandes)"
    )
    print(
        f"Paquet écrit au portable : {exported:.2f} s ; plan au bureau (déchiffrement, "
        f"validation, doublons) : {planned:.2f} s ; import (tout ou rien) : {imported:.2f} s ; "
        f"dont dérivation de la clé (scrypt) : {kdf:.2f} s à chaque ouverture"
    )
    print(
        f"Ancre (même score contre chaque demande, sans blocage) : {anchor:.1f} s estimées "
        f"pour la seule comparaison, {anchor / max(planned, 1e-9):.0f}× le plan complet"
    )
    office.close()
    laptop.close()
    print(
        json.dumps(
            {
                "office": len(people),
                "forum": len(intakes),
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "export_s": round(exported, 3),
                "plan_s": round(planned, 3),
                "import_s": round(imported, 3),
                "kdf_s": round(kdf, 3),
                "anchor_s": round(anchor, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
