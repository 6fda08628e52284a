"""Count a run's inputs up front, cheaply, so the progress bar can show a total and an ETA.

The count walks the same paths as `mirrorclean.inputs.iter_documents` but reads no file: one directory
listing at a time, under a time budget. It gives up (None: the bar then shows a bare count) when the walk
takes longer than the budget, or when an input holds several documents (a WARC) whose number is only
known by reading it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable

from mirrorclean.inputs import MULTI_READERS, split_ext, wanted


class _OverBudget(Exception):
    pass


def count_inputs(paths: Iterable[str], *, budget: float = 2.0) -> int | None:
    """The number of documents `paths` will yield, or None when it cannot be known cheaply.

    >>> count_inputs(["-", "no/such/file.html"])
    2
    """
    deadline = time.monotonic() + budget
    total = 0
    seen: set[tuple[int, int]] = set()

    def one_file(path: str) -> int:
        if split_ext(path)[0] in MULTI_READERS:
            raise _OverBudget  # members unknown until read
        return 1

    def walk(folder: str) -> int:
        if time.monotonic() > deadline:
            raise _OverBudget
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                return 0
            seen.add(key)
            with os.scandir(folder) as it:
                entries = [(e.name, e.is_dir()) for e in it]
        except OSError:
            return 1  # an unreadable folder becomes one reject
        n = 0
        for name, is_dir in entries:
            if is_dir:
                n += walk(os.path.join(folder, name))
            elif wanted(name):
                n += one_file(name)
        return n

    try:
        for path in paths:
            if path == "-":
                total += 1
            elif os.path.isdir(path):
                total += walk(path)
            else:
                total += one_file(path) if os.path.exists(path) else 1
    except (_OverBudget, RecursionError):
        return None
    return total
