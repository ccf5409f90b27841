"""Compile every ``ui/*.ui`` form into ``housingmatch/gui/forms/ui_*.py`` with pyside6-uic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from housingmatch.paths import ui_dir

HEADER = (
    "# Generated from ui/{name} by pyside6-uic: do not edit.\n"
    "# Regenerate with: python -m housingmatch.gui.forms\n"
    "# ruff: noqa\n"
)


def compile_form(source: Path) -> str:
    """Return the Python code of one form, with the "generated" header."""
    code = subprocess.run(
        ["pyside6-uic", "--no-autoconnection", str(source)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return HEADER.format(name=source.name) + code


def target_of(source: Path) -> Path:
    """Return where the compiled form of ``source`` is kept."""
    return Path(__file__).with_name(f"ui_{source.stem}.py")


def main() -> int:
    """Compile all forms; with ``--check``, only report forms that are out of date."""
    check = "--check" in sys.argv[1:]
    stale = []
    for source in sorted(ui_dir().glob("*.ui")):
        code = compile_form(source)
        target = target_of(source)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != code:
                stale.append(target.name)
        else:
            target.write_text(code, encoding="utf-8")
    for name in stale:
        print(f"{name} is out of date: run python -m housingmatch.gui.forms", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
