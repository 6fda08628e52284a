"""A disk cache for tables that are slow to build and never change between runs (the character model's arrays,
jieba's word table): built once per machine, then loaded in milliseconds by every process.

Where: ``$MIRRORCLEAN_CACHE`` if set, else ``$XDG_CACHE_HOME/mirrorclean`` or ``~/.cache/mirrorclean``.
An entry is keyed by its name, a format version and the size and modification time of the file it was
built from, so a new model or dictionary makes a new entry. Entries are written to a temporary name and
renamed, so parallel workers never read half a file. When the folder cannot be written (a read-only home),
tables are built in memory as before: the cache only ever saves time, it never changes a result.

>>> import tempfile, os
>>> os.environ["MIRRORCLEAN_CACHE"] = tempfile.mkdtemp()
>>> calls = []
>>> build = lambda: calls.append(1) or {"a": np.arange(3, dtype=np.uint64)}
>>> src = Path(__file__)
>>> [cached_arrays("t", src, build)["a"].tolist() for _ in range(2)], len(calls)
([[0, 1, 2], [0, 1, 2]], 1)
>>> cached_object("o", src, lambda: {"x": 1.5}), cached_object("o", src, lambda: None)
({'x': 1.5}, {'x': 1.5})
>>> del os.environ["MIRRORCLEAN_CACHE"]
"""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["cache_dir", "cached_arrays", "cached_object", "can_store"]

FORMAT = 1


def cache_dir() -> Path:
    """The cache folder (not created here)."""
    if os.environ.get("MIRRORCLEAN_CACHE"):
        return Path(os.environ["MIRRORCLEAN_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "mirrorclean")


def _key(name: str, source: Path) -> str:
    st = source.stat()
    digest = hashlib.sha1(f"{FORMAT}|{source.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return f"{name}-{digest}"


def cached_arrays(name: str, source: Path, build: Callable[[], dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """The arrays `build()` makes from `source`, memory-mapped from the cache (built and stored on first use)."""
    folder = cache_dir() / _key(name, source)
    try:
        if folder.is_dir():
            # plain ndarray views of the maps: numpy.memmap results pay a subclass hook on every operation
            return {p.stem: np.asarray(np.load(p, mmap_mode="r")) for p in folder.glob("*.npy")}
    except (OSError, ValueError):
        pass
    arrays = build()
    tmp = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{name}-"))
        for key, array in arrays.items():
            np.save(tmp / f"{key}.npy", np.ascontiguousarray(array))
        os.rename(tmp, folder)
    except OSError:  # not writable, or another process stored it first: the built arrays serve this process
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return arrays


def cached_object(name: str, source: Path, build: Callable[[], Any]) -> Any:
    """A table of plain Python values (dicts, lists, strings, numbers) built from `source`, marshalled in the cache."""
    path = cache_dir() / f"{_key(name, source)}.marshal"
    try:
        if path.is_file():
            return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(value))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
    return value


def can_store(name: str, source: Path) -> bool:
    """Whether the entry `name` of `source` is in the cache or can be put there: for tables that only save time when
    kept (the character model's hash tables), which a process that cannot keep them does without."""
    try:
        if (cache_dir() / _key(name, source)).is_dir():
            return True
        cache_dir().mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(cache_dir(), os.W_OK)
