"""Python's cyclic garbage collector paused while a `mirrorclean` process starts (imports, the first page).

Why: start-up allocates ~500,000 long-lived objects (modules, compiled patterns, the cleaners' tables), and the
collector, triggered every 700 allocations, walks them again and again although none of them is garbage:
~40-60 ms of a 0.5 s `clean PAGE`. What is built then lives as long as the process.

How: :func:`pause` (called first thing by the command's entry point, ``mirrorclean/__main__.py``) disables the
collector; :func:`resume` moves every object alive then to the permanent generation (:func:`gc.freeze`, so no
later collection scans the tables again) and enables the collector. The CLI resumes as soon as a command other
than `clean` is chosen, `clean` after its first document (the tables are built lazily by the first page) or before
it starts a worker pool; pool workers resume in their initializer (the forkserver stays paused: it only forks, and
its frozen tables are shared with the workers, whose collections no longer touch their pages). Reference counting
is not affected: everything that is not in a cycle is freed as usual while paused. A program that imports
`mirrorclean.cli` or `cleaners` never pauses, so :func:`resume` does nothing there.
"""

from __future__ import annotations

import gc

__all__ = ["pause", "paused", "resume"]

_paused = False


def pause() -> None:
    """Disable the collector until :func:`resume` (if it is enabled now)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def paused() -> bool:
    """True between :func:`pause` and :func:`resume`."""
    return _paused


def resume() -> None:
    """Freeze what start-up built and enable the collector again; nothing when :func:`pause` did not disable it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
