"""A disk cache of compiled regular expressions, so that a `mirrorclean` process does not spend its start-up
compiling the same patterns as the last one.

Why: a `clean` of one page compiles ~680 patterns (the cleaners' rules, trafilatura's, courlan's) and that
took 0.37 s of its 0.8 s, most of it in CPython's ``_optimize_charset`` building a 64K bitmap for every
class with a CJK range. What the compiler produces (the opcode list, the group tables) depends only on the
pattern, its flags and the interpreter, so it is kept on disk and handed to ``_sre.compile`` next time.

How: :func:`install` (called by ``mirrorclean/__main__.py``, the command's entry point, and by pool workers)
wraps ``re._compiler.compile`` (the function ``re.compile`` calls on a miss of its own
in-memory cache). A pattern seen before by this interpreter build is rebuilt from the stored code; any other is
compiled as usual and stored when the process exits. Entries are keyed by pattern, flags, ``sys.version`` and
``_sre.MAGIC``; ``_sre`` validates the code it is given, and any failure falls back to the ordinary compiler,
so the cache only ever saves time: the pattern object is the same either way. ``MIRRORCLEAN_REGEX_CACHE=0``
turns it off; the file lives in the cache folder of
:mod:`cleaners.cache`.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp(), "regex.marshal")
>>> table = RegexTable.load(path)
>>> pat = table.compile(r"(?P<name>[\\u4e00-\\u9fff]{2,4})体育", 0)
>>> table.save()
>>> again = RegexTable.load(path).compile(r"(?P<name>[\\u4e00-\\u9fff]{2,4})体育", 0)
>>> again.groupindex == pat.groupindex, again.flags == pat.flags, again.search("乐竞体育").group("name")
(True, True, '乐竞')
"""

from __future__ import annotations

import _sre
import atexit
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["ORIGINAL_COMPILE", "RegexTable", "install"]

FORMAT = 2  # 2: opcodes stored as packed unsigned ints (a list of Python ints cost ~80 MB of memory a process)
MAX_ENTRIES = 2000  # patterns built from data at run time must not grow the file without bound
CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)  # the width of _sre's code words
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]


def cache_dir() -> Path:
    """:func:`cleaners.cache.cache_dir`, read without importing `cleaners` (whose import compiles the patterns)."""
    if os.environ.get("MIRRORCLEAN_CACHE"):
        return Path(os.environ["MIRRORCLEAN_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "mirrorclean")


def _path() -> Path:
    tag = hashlib.sha1(f"{FORMAT}|{sys.version}|{_sre.MAGIC}".encode()).hexdigest()[:16]
    return cache_dir() / f"regex-{tag}.marshal"


class RegexTable:
    """Compiled patterns by (pattern, flags): loaded from disk, extended by misses, saved back."""

    def __init__(self, entries: dict[tuple[str | bytes, int], Entry], path: Path) -> None:
        self.entries = entries
        self.path = path
        self.added = 0

    @classmethod
    def load(cls, path: Path | None = None) -> RegexTable:
        """The stored table at `path` (default: the cache folder's), empty when there is none or it cannot be
        read."""
        path = path or _path()
        try:
            entries = marshal.loads(path.read_bytes())
            if not isinstance(entries, dict):
                entries = {}
        except (OSError, ValueError, EOFError, TypeError):
            entries = {}
        return cls(entries, path)

    def compile(self, pattern: Any, flags: int) -> re.Pattern[Any]:
        """What ``re._compiler.compile(pattern, flags)`` returns, from the table when the pattern is in it."""
        if not isinstance(pattern, str | bytes) or flags & re.DEBUG:
            return ORIGINAL_COMPILE(pattern, flags)
        # lxml's EXSLT re:test passes str subclasses, which marshal refuses
        pattern = str(pattern) if isinstance(pattern, str) else bytes(pattern)
        key = (pattern, int(flags))
        entry = self.entries.get(key)
        if entry is not None:
            try:
                final_flags, packed, groups, groupindex, indexgroup = entry
                return _sre.compile(pattern, final_flags, array(CODE_TYPE, packed).tolist(), groups, groupindex,
                                    indexgroup)
            except Exception:  # noqa: BLE001 - a stale or damaged entry: compile it afresh
                del self.entries[key]
        try:  # what re._compiler.compile does, keeping its parts
            parsed = _parser.parse(pattern, flags)
            code = _compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            compiled = _sre.compile(pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
                                    tuple(indexgroup))
        except re.error:
            raise  # a bad pattern is the caller's error, as with re.compile
        except Exception:  # noqa: BLE001 - another interpreter's internals: compile as usual, keep nothing
            return ORIGINAL_COMPILE(pattern, flags)
        if len(self.entries) < MAX_ENTRIES:
            self.entries[key] = (flags | parsed.state.flags, array(CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
                                 groupindex, tuple(indexgroup))
            self.added += 1
        return compiled

    def save(self) -> None:
        """Write the table if it grew, merged with what is on disk now (to a temporary name, then renamed: parallel
        processes never see half a file, nor lose each other's entries but in a race); a folder that cannot be
        written is left alone."""
        if not self.added:
            return
        stored = RegexTable.load(self.path).entries  # what other processes (pool workers) saved meanwhile
        stored.update(self.entries)
        self.entries = dict(list(stored.items())[:MAX_ENTRIES])
        try:
            data = marshal.dumps(self.entries)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-")
        except (OSError, ValueError):
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
            self.added = 0
        except OSError:
            Path(tmp).unlink(missing_ok=True)


ORIGINAL_COMPILE = _compiler.compile  # CPython's own, whatever install() does
_installed: RegexTable | None = None


def install() -> RegexTable | None:
    """Route this process's regex compilation through the disk cache (once; saved at exit). Returns the table,
    or None when ``MIRRORCLEAN_REGEX_CACHE=0``."""
    global _installed
    if os.environ.get("MIRRORCLEAN_REGEX_CACHE", "1") == "0":
        return None
    if _installed is None:
        _installed = RegexTable.load()
        _compiler.compile = _installed.compile
        atexit.register(_installed.save)
    return _installed
