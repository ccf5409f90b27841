"""``report indicators``: the convention's art. 4 indicators of a period, as text, JSON, XLSX, PDF.

The ``report`` command group is shared with the other report commands: each module adds its
own sub-command to it through :func:`report_commands`, whichever registers first creating it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from housingmatch.cli.data import parse_day
from housingmatch.domain.session import Session
from housingmatch.errors import UserError


def report_commands(subparsers: Any) -> Any:
    """Return the sub-commands of ``report``, creating the group the first time it is asked."""
    existing = subparsers.choices.get("report")
    if existing is not None:
        for action in existing._actions:
            if isinstance(action, argparse._SubParsersAction):
                return action
    top = subparsers.add_parser(
        "report", help="bilans de la convention (indicateurs, obligations…)"
    )
    return top.add_subparsers(dest="report_command", metavar="BILAN", required=True)


def _text(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _detail(column: str) -> bool:
    return "moyenne" in column or column.startswith("Distance")


def _indicators(args: argparse.Namespace, store: Any, session: Session) -> int:
    from housingmatch.reports.indicators import tables
    from housingmatch.services import indicators as svc

    if args.date_from is None or args.date_to is None:
        raise UserError("Indiquez la période : --from AAAA-MM-JJ --to AAAA-MM-JJ.")
    by = svc.parse_breakdown(args.by)
    result = svc.indicators(store, session, args.date_from, args.date_to, by)
    written = []
    if args.xlsx is not None or args.pdf is not None:
        extra = svc.evaluation_tables(store, session, args.date_from, args.date_to)
    if args.xlsx is not None:
        written.append(svc.write_indicators_xlsx(store, session, result, args.xlsx, extra=extra))
    if args.pdf is not None:
        written.append(svc.write_indicators_pdf(store, session, result, args.pdf, extra=extra))
    if args.json:
        json.dump(svc.indicators_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for table in tables(result):
        print(table.title)
        if len(table.columns) > 8:  # the console shows counts and medians; the files hold all
            keep = [i for i, c in enumerate(table.columns) if not _detail(c)]
            table = replace(
                table,
                columns=tuple(table.columns[i] for i in keep),
                rows=tuple(tuple(r[i] for i in keep) for r in table.rows),
            )
        widths = [
            max(len(c), *(len(_text(r[i])) for r in table.rows)) if table.rows else len(c)
            for i, c in enumerate(table.columns)
        ]
        if len(table.columns) == 2:  # indicator / value
            for row in table.rows:
                print(f"  {_text(row[0]).ljust(widths[0])}  {_text(row[1])}")
        else:
            print("  " + " | ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)))
            for row in table.rows:
                cells = (_text(v).ljust(w) for v, w in zip(row, widths, strict=True))
                print("  " + " | ".join(cells))
            if not table.rows:
                print("  (aucune donnée sur la période)")
        print()
    for path in written:
        print(f"Écrit : {path}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``report indicators``."""
    sub = report_commands(subparsers)
    p: argparse.ArgumentParser = sub.add_parser(
        "indicators", help="indicateurs de la convention (art. 4) sur une période"
    )
    p.add_argument("--from", dest="date_from", type=parse_day, default=None, help="premier jour")
    p.add_argument("--to", dest="date_to", type=parse_day, default=None, help="dernier jour")
    p.add_argument("--by", default=None, help="ventilation : commune, bailleur ou typologie")
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument("--xlsx", type=Path, default=None, help="écrire le classeur XLSX")
    p.add_argument("--pdf", type=Path, default=None, help="écrire le rapport PDF")
    p.set_defaults(handler=_indicators)
