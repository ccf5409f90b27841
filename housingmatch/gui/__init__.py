"""The desktop application (PySide6): the only package that imports Qt."""

from __future__ import annotations

import ctypes
import sys

# PySide6 6.12 on CPython 3.11 releases one reference to None too many on every call of a
# method returning void (``setText``, ``setToolTip``...; measured: 100 calls, -100 references)
# and likewise to True/False. CPython 3.12 made these objects immortal, which hides the bug;
# on 3.11 the count reaches zero after some thousands of calls and the process aborts
# ("none_dealloc"). Until PySide6 is fixed, give them a reference count no session can use
# up, as 3.12 does. Remove when the supported PySide6 no longer shows the leak.
_PINNED_REFERENCES = 1 << 40


def _pin_singletons() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _PINNED_REFERENCES


_pin_singletons()
