"""Bulk reads: the cyclic garbage collector is paused while many records are built."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic GC (process-wide, nestable, thread-safe) for a bulk build.

    Building 100 000 requests makes about a million small objects that are all kept: each
    generation-0 collection would scan the growing heap for nothing (measured: 7.2 s with the
    collector, 4.6 s without, for 100 000 requests). Reference counting still frees garbage.
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
