"""Can the window start here? Checked before Qt loads its platform plugin (no Qt import).

Qt aborts the process (exit 134, an English message, a core dump) when the X11 platform
plugin misses one of its system libraries. Those libraries are looked up by name first, so
a fresh machine gets one French sentence naming what to install, or how to start offscreen.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SystemLibrary:
    """A shared library the xcb platform plugin of PySide6 links, and who ships it."""

    soname: str
    debian: str
    fedora: str


# What PySide6's ``libqxcb.so`` and ``libQt6XcbQpa.so`` need beyond the wheel (read from their
# ELF NEEDED entries, PySide6 6.11, and Qt's "Qt for X11 Requirements" page).
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
)

OFFSCREEN_HINT = "QT_QPA_PLATFORM=offscreen housingmatch --demo"


def loads(soname: str) -> bool:
    """Tell whether the dynamic linker finds and loads ``soname`` (as Qt's plugin would)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def platform_of(environ: Mapping[str, str]) -> str | None:
    """Return the platform Qt will use: ``QT_QPA_PLATFORM``, ``xcb``, ``wayland`` or None."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(":")[0]
    if environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    if environ.get("DISPLAY"):
        return "xcb"
    return None


def missing_libraries(load: Callable[[str], bool] = loads) -> list[SystemLibrary]:
    """Return the xcb libraries the dynamic linker cannot load."""
    return [lib for lib in XCB_LIBRARIES if not load(lib.soname)]


def _packages(names: list[str]) -> str:
    return " ".join(dict.fromkeys(names))


def start_problem(
    environ: Mapping[str, str] | None = None,
    load: Callable[[str], bool] = loads,
    system: str | None = None,
) -> str | None:
    """Return one French sentence saying why the window cannot start here, or None.

    Only Linux (and the other X11/Wayland systems) is checked: Windows and macOS have their
    own platform plugins, shipped whole in the wheel.
    """
    system = sys.platform if system is None else system
    if system.startswith(("win", "darwin", "cygwin")):
        return None
    environ = os.environ if environ is None else environ
    platform = platform_of(environ)
    if platform is None:
        return (
            "Aucun écran n'est disponible (ni DISPLAY ni WAYLAND_DISPLAY ne sont définis) : "
            "ouvrez HousingMatch depuis une session graphique, ou hors écran avec "
            f"« {OFFSCREEN_HINT} » (les commandes, dont screenshots, marchent sans écran)."
        )
    if platform != "xcb":
        return None
    missing = missing_libraries(load)
    if not missing:
        return None
    sonames = [lib.soname for lib in missing]
    names = " et ".join([", ".join(sonames[:-1]), sonames[-1]]) if len(sonames) > 1 else sonames[0]
    several = len(missing) > 1
    return (
        f"La fenêtre ne peut pas s'ouvrir : {'les bibliothèques système' if several else 'la bibliothèque système'} "
        f"{names} {'manquent' if several else 'manque'} (Debian/Ubuntu : "
        f"« sudo apt install {_packages([lib.debian for lib in missing])} », Fedora : "
        f"« sudo dnf install {_packages([lib.fedora for lib in missing])} ») ; "
        f"sans les installer, HousingMatch démarre hors écran avec « {OFFSCREEN_HINT} »."
    )
