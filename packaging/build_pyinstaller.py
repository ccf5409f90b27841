"""Build HousingMatch as a folder that runs without Python or pip (PyInstaller, one directory).

Usage, from the repository root, with the project's dependencies and PyInstaller installed
(``python3 -m pip install ".[test]" pyinstaller``)::

    python3 packaging/build_pyinstaller.py            # dist/housingmatch/housingmatch
    python3 packaging/build_pyinstaller.py --check    # and start it offscreen (--version, screenshots)

The folder ``dist/housingmatch`` holds the program, Qt and the reference data
(``_internal/housingmatch/_data``, found by ``housingmatch.paths`` as in a wheel), plus
``housingmatch.desktop`` and ``housingmatch.png`` for a desktop menu entry
(``install-desktop-entry.sh`` copies them into ``~/.local/share``). The Linux system libraries
that Qt's window needs are still the system's (README, *System libraries on Linux*).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "housingmatch"
ICON_SVG = ROOT / "resources" / "icons" / "housingmatch.svg"
# Qt modules the application never imports (smaller folder, quicker start).
EXCLUDED = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtQuick",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtPdf",
    "tkinter",
)

INSTALL_DESKTOP = """#!/bin/sh
# Add HousingMatch to the desktop menu of the current user.
set -e
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$HOME/.local/share/applications" "$HOME/.local/share/icons/hicolor/256x256/apps"
sed "s|^Exec=.*|Exec=\\"$here/housingmatch\\" %f|" "$here/housingmatch.desktop" \\
    > "$HOME/.local/share/applications/housingmatch.desktop"
cp "$here/housingmatch.png" "$HOME/.local/share/icons/hicolor/256x256/apps/housingmatch.png"
echo "HousingMatch ajouté au menu des applications."
"""


def render_png(svg: Path, png: Path, size: int = 256) -> None:
    """Render the SVG icon to a PNG (desktop entries want a bitmap in hicolor)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    image.save(str(png))


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; return the built folder."""
    sep = os.pathsep
    data = [
        f"{ROOT / 'resources'}{sep}{NAME}/_data/resources",
        f"{ROOT / 'ui'}{sep}{NAME}/_data/ui",
        f"{ROOT / 'db'}{sep}{NAME}/_data/db",
    ]
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--onedir",
        "--name",
        NAME,
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        # Modules the application imports lazily (by name) and PyInstaller cannot see.
        "--collect-submodules",
        "housingmatch",
        "--hidden-import",
        "PySide6.QtSvg",
    ]
    for item in data:
        command += ["--add-data", item]
    for module in EXCLUDED:
        command += ["--exclude-module", module]
    command.append(str(ROOT / "packaging" / "launcher.py"))
    subprocess.run(command, check=True, cwd=ROOT)
    folder = dist / NAME
    shutil.copy(ROOT / "packaging" / "housingmatch.desktop", folder / "housingmatch.desktop")
    render_png(ICON_SVG, folder / "housingmatch.png")
    script = folder / "install-desktop-entry.sh"
    script.write_text(INSTALL_DESKTOP, encoding="utf-8")
    script.chmod(0o755)
    return folder


def check(folder: Path) -> None:
    """Start the built program offscreen: its version, then one screenshots run."""
    program = folder / NAME
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    version = subprocess.run(
        [str(program), "--version"], env=env, capture_output=True, text=True, check=True
    )
    print(version.stdout.strip())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.sqlite"
        subprocess.run(
            [str(program), "--db", str(db), "demo", "--requests", "300", "--units", "20"],
            env=env,
            check=True,
        )
        shots = subprocess.run(
            [str(program), "--db", str(db), "screenshots", "--out", str(Path(tmp) / "shots")],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"{len(shots.stdout.split())} images rendues par le programme construit.")


def main() -> int:
    """Build (and optionally check) the PyInstaller folder."""
    parser = argparse.ArgumentParser(description="Construire HousingMatch avec PyInstaller.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="dossier de sortie")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="dossier de travail"
    )
    parser.add_argument("--check", action="store_true", help="démarrer le programme construit")
    args = parser.parse_args()
    folder = build(args.dist.resolve(), args.work.resolve())
    print(f"Construit : {folder}")
    if args.check:
        check(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
