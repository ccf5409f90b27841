"""Measure the offline gazetteer: loading, bulk resolution of an import column, cold lookups.

Usage: python benchmarks/bench_gazetteer.py [--names 10000] [--seed 1] [--json]
Prints the figures; the last line is one JSON object.

The 10 000 names imitate the "commune" column of an import of employees' requests: Côte-d'Or
communes drawn by population (so Dijon Métropole dominates and names repeat), written with
accents stripped, in capitals, with St/Ste abbreviations, with small typos, as postal codes,
with a department suffix, or as former communes (Crimolois, Neuilly-lès-Dijon).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Callable

from housingmatch.geo import AmbiguousCommune, Commune, CommuneNotFound, Gazetteer
from housingmatch.geo.normalize import strip_accents

FORMER_COMMUNES = ["Crimolois", "Neuilly-lès-Dijon", "NEUILLY LES DIJON", "crimolois"]
NEUILLY_CRIMOLOIS = "21452"


def _typo(rng: random.Random, text: str) -> str:
    """Return ``text`` with one deleted, doubled or swapped letter (not the first one)."""
    if len(text) < 5:
        return text
    position = rng.randrange(1, len(text) - 1)
    kind = rng.choice(("delete", "double", "swap"))
    if kind == "delete":
        return text[:position] + text[position + 1 :]
    if kind == "double":
        return text[:position] + text[position] + text[position:]
    return text[:position] + text[position + 1] + text[position] + text[position + 2 :]


def realistic_names(gazetteer: Gazetteer, count: int, seed: int) -> list[tuple[str, str]]:
    """Return ``count`` (commune text as an import file carries it, intended INSEE code)."""
    rng = random.Random(seed)
    communes = [c for c in gazetteer.communes("21") if c.population > 0]
    weights = [c.population for c in communes]
    texts: list[tuple[str, str]] = []
    for commune in rng.choices(communes, weights=weights, k=count):
        code = commune.code_insee
        draw = rng.random()
        if draw < 0.30:
            text = commune.nom
        elif draw < 0.55:
            text = strip_accents(commune.nom).upper()
        elif draw < 0.65:
            text = strip_accents(commune.nom).replace("-", " ").replace("Saint ", "St ")
        elif draw < 0.75:
            text = _typo(rng, commune.nom)
        elif draw < 0.88:
            text = rng.choice(commune.codes_postaux)
        elif draw < 0.93:
            text = f"{commune.nom} ({commune.code_departement})"
        elif draw < 0.97:
            text = f"{rng.choice(commune.codes_postaux)} {commune.nom.upper()}"
        else:
            text, code = rng.choice(FORMER_COMMUNES), NEUILLY_CRIMOLOIS
        texts.append((text, code))
    return texts


def _outcomes(sample: list[tuple[str, str]], results: list[object]) -> Counter[str]:
    """Count right / wrong resolutions and each kind of failure."""
    counts: Counter[str] = Counter(
        right=0, wrong=0, AmbiguousCommune=0, ambiguous_bare_code=0, CommuneNotFound=0
    )
    for (text, code), result in zip(sample, results, strict=True):
        if isinstance(result, Commune):
            counts["right" if result.code_insee == code else "wrong"] += 1
        else:
            counts[type(result).__name__] += 1
            if isinstance(result, AmbiguousCommune) and text.isdigit():
                counts["ambiguous_bare_code"] += 1
    return counts


def _describe(counts: Counter[str]) -> str:
    return (
        f"{counts['right']} right, {counts['wrong']} wrong, "
        f"{counts['AmbiguousCommune']} ambiguous ({counts['ambiguous_bare_code']} bare codes), "
        f"{counts['CommuneNotFound']} not found"
    )


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _cold_ms(text: str) -> tuple[float, str]:
    """Return the time of a first lookup on a fresh gazetteer (no cache, no lazy index)."""
    gazetteer = Gazetteer()
    start = time.perf_counter()
    try:
        outcome = gazetteer.resolve(text).label
    except (AmbiguousCommune, CommuneNotFound) as error:
        outcome = type(error).__name__
    return (time.perf_counter() - start) * 1000.0, outcome


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--names", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()

    loads = []
    gazetteer = Gazetteer()
    for _ in range(3):
        elapsed, gazetteer = _timed(Gazetteer)  # type: ignore[assignment]
        loads.append(elapsed)
    assert isinstance(gazetteer, Gazetteer)
    load_s = statistics.median(loads)

    sample = realistic_names(gazetteer, args.names, args.seed)
    texts = [text for text, _ in sample]
    distinct = len(set(texts))
    resolve_s, results = _timed(lambda: gazetteer.resolve_many(texts))
    assert isinstance(results, list)
    outcomes = _outcomes(sample, results)
    again_s, _ = _timed(lambda: gazetteer.resolve_many(texts))
    postal_s, postal_results = _timed(lambda: gazetteer.resolve_many(texts, code_kind="postal"))
    assert isinstance(postal_results, list)
    postal_outcomes = _outcomes(sample, postal_results)

    cold_department_ms, cold_department = _cold_ms("Quetigy")
    cold_france_ms, cold_france = _cold_ms("Neuilly sur Seinne")
    cold_unknown_ms, _ = _cold_ms("Dijjjon")
    warm = Gazetteer()
    warm.warm_up()
    start = time.perf_counter()
    warm.resolve("Neuilly sur Seinne")
    warm_france_ms = (time.perf_counter() - start) * 1000.0

    fresh = Gazetteer()
    first_search_ms = _timed(lambda: fresh.search("dij"))[0] * 1000.0
    search_ms = _timed(lambda: fresh.search("saint"))[0] * 1000.0

    figures = {
        "communes": len(gazetteer),
        "load_s": round(load_s, 3),
        "names": len(texts),
        "distinct_names": distinct,
        "resolve_many_s": round(resolve_s, 3),
        "resolve_many_cached_s": round(again_s, 4),
        "resolved_right": outcomes["right"],
        "resolved_wrong": outcomes["wrong"],
        "ambiguous": outcomes["AmbiguousCommune"],
        "ambiguous_bare_codes": outcomes["ambiguous_bare_code"],
        "not_found": outcomes["CommuneNotFound"],
        "postal_kind_resolve_many_s": round(postal_s, 3),
        "postal_kind_resolved_right": postal_outcomes["right"],
        "postal_kind_resolved_wrong": postal_outcomes["wrong"],
        "postal_kind_ambiguous": postal_outcomes["AmbiguousCommune"],
        "cold_fuzzy_department_ms": round(cold_department_ms, 2),
        "cold_fuzzy_france_ms": round(cold_france_ms, 2),
        "cold_unknown_name_ms": round(cold_unknown_ms, 2),
        "warm_fuzzy_france_ms": round(warm_france_ms, 2),
        "first_search_ms": round(first_search_ms, 2),
        "search_ms": round(search_ms, 2),
    }
    if not args.json:
        print(f"communes loaded           : {len(gazetteer)} in {load_s:.3f} s (median of 3)")
        print(
            f"resolve_many              : {len(texts)} names ({distinct} distinct) "
            f"in {resolve_s:.3f} s, again (cached) in {again_s:.4f} s"
        )
        print(f"outcomes (code_kind=auto) : {_describe(outcomes)}")
        print(
            f"code_kind='postal'        : {postal_s:.3f} s, {_describe(postal_outcomes)} "
            "(bare codes read as postal codes only)"
        )
        print(
            f"cold fuzzy, department    : {cold_department_ms:.2f} ms ('Quetigy' → {cold_department})"
        )
        print(
            f"cold fuzzy, France        : {cold_france_ms:.2f} ms "
            f"('Neuilly sur Seinne' → {cold_france}; includes the lazy France-wide list)"
        )
        print(f"cold unknown name         : {cold_unknown_ms:.2f} ms ('Dijjjon')")
        print(f"warm fuzzy, France        : {warm_france_ms:.2f} ms (after warm_up())")
        print(f"first search / next search: {first_search_ms:.2f} ms / {search_ms:.2f} ms")
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
