"""Entry point: with a command, the command line; without one, the desktop application."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from housingmatch.cli import build_parser, default_db_path, demo_db_path
from housingmatch.cli import main as cli_main


def main(argv: Sequence[str] | None = None) -> int:
    """Open the application, or run a subcommand when one is given."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    if args.command is not None:
        return cli_main(argv)
    from housingmatch.gui.display import start_problem

    # Before Qt loads: a missing system library would abort the process in English.
    problem = start_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from housingmatch.gui.app import run_gui

    path = args.db or (demo_db_path() if args.demo else default_db_path())
    return int(run_gui(path, demo=args.demo, language=args.lang, forum=args.forum_mode))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
