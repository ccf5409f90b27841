"""Reference data tables (communes, former communes, QPV, income ceilings), from resources/."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from housingmatch.paths import resource
from housingmatch.store.audit import AuditLog, PendingEntry
from housingmatch.store.database import now_iso


@dataclass(frozen=True, slots=True)
class CeilingRow:
    """One income ceiling (EUR/year) of the reference table."""

    year: int
    zone: str
    financing: str
    category: str
    amount: float


@dataclass(frozen=True, slots=True)
class QuartileThreshold:
    """A first-quartile threshold (EUR per consumption unit and year) entered by a user."""

    epci: str
    year: int
    amount: float
    updated_at: str
    updated_by: str


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _num(text: str) -> float | None:
    return float(text) if text else None


_DATASETS: dict[str, tuple[str, str]] = {
    # dataset: (resource path, table)
    "communes": ("geo/communes_france.csv", "ref_communes"),
    "communes_anciennes": ("geo/communes_deleguees_associees.csv", "ref_communes_anciennes"),
    "qpv": ("geo/qpv_dijon_metropole.csv", "ref_qpv"),
    "plafonds": ("reference/plafonds.csv", "ref_ceilings"),
}


class ReferenceData:
    """Loads and reads the reference tables of a database."""

    def __init__(self, db: sqlite_utils.Database, audit: AuditLog) -> None:
        """Wrap an open database and its audit log."""
        self._db = db
        self._audit = audit

    def refresh(self) -> list[str]:
        """Reload every dataset whose resource file changed; return the datasets reloaded."""
        loaded = dict(self._db.execute("SELECT dataset, source FROM ref_sources").fetchall())
        reloaded = []
        for dataset, (rel, table) in _DATASETS.items():
            path = resource(*rel.split("/"))
            digest = f"{rel} sha256:{_digest(path)}"
            if loaded.get(dataset) == digest:
                continue
            with self._db.atomic():
                self._db.execute(f"DELETE FROM {table}")
                getattr(self, f"_load_{dataset}")(path)
                self._db.execute(
                    "INSERT OR REPLACE INTO ref_sources (dataset, source, loaded_at) VALUES (?, ?, ?)",
                    [dataset, digest, now_iso()],
                )
                self._audit.append(
                    "système", [PendingEntry("load", "reference", dataset, {"source": digest})]
                )
            reloaded.append(dataset)
        return reloaded

    def _load_communes(self, path: Path) -> None:
        self._db.conn.executemany(
            "INSERT INTO ref_communes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r["code_insee"],
                    r["nom"],
                    r["code_departement"],
                    r["code_epci"],
                    r["codes_postaux"],
                    int(r["population"] or 0),
                    _num(r["latitude"]),
                    _num(r["longitude"]),
                )
                for r in _rows(path)
            ],
        )

    def _load_communes_anciennes(self, path: Path) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO ref_communes_anciennes VALUES (?, ?, ?)",
            [
                (r["code_insee_ancienne"], r["nom_ancienne"], r["code_insee_commune"])
                for r in _rows(path)
            ],
        )

    def _load_qpv(self, path: Path) -> None:
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO ref_qpv VALUES (?, ?, ?)",
            [(int(r["geographie"]), r["nom_qpv"], r["code_insee_commune"]) for r in _rows(path)],
        )

    def _load_plafonds(self, path: Path) -> None:
        self._db.conn.executemany(
            "INSERT OR REPLACE INTO ref_ceilings VALUES (?, ?, ?, ?, ?)",
            [
                (
                    int(r["year"]),
                    r["zone"],
                    r["financing"],
                    r["household_category"],
                    float(r["amount_eur"]),
                )
                for r in _rows(path)
                if r.get("amount_eur")
            ],
        )

    def ceilings(self) -> list[CeilingRow]:
        """Return every income ceiling of the reference table."""
        rows = self._db.execute(
            "SELECT year, zone, financing, category, amount FROM ref_ceilings "
            "ORDER BY year, zone, financing, category"
        )
        return [CeilingRow(*r) for r in rows]

    def quartile_thresholds(self) -> list[QuartileThreshold]:
        """Return the first-quartile thresholds entered, by EPCI then year."""
        rows = self._db.execute(
            "SELECT epci, year, amount, updated_at, updated_by FROM quartile_thresholds "
            "ORDER BY epci, year"
        )
        return [QuartileThreshold(*r) for r in rows]

    def set_quartile_threshold(self, epci: str, year: int, amount: float, actor: str) -> None:
        """Record (or replace) the threshold of an EPCI for a year, audited."""
        old = self._db.execute(
            "SELECT amount FROM quartile_thresholds WHERE epci = ? AND year = ?", [epci, year]
        ).fetchone()
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO quartile_thresholds (epci, year, amount, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (epci, year) DO UPDATE SET "
                "amount = excluded.amount, updated_at = excluded.updated_at, "
                "updated_by = excluded.updated_by",
                [epci, year, amount, now_iso(), actor],
            )
            self._audit.append(
                actor,
                [
                    PendingEntry(
                        "update" if old else "create",
                        "reference",
                        f"premier_quartile:{epci}:{year}",
                        {"seuil": [old[0] if old else None, amount]},
                    )
                ],
            )

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each reference table."""
        return {
            dataset: int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for dataset, (_, table) in _DATASETS.items()
        }
