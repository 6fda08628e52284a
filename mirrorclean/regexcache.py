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

Patterns joined from a set (an alternation of names, babel's plural operators, tokenize's string prefixes) come
out in another order in every process (str hashes are salted per process), so their key is new at every start
and would be stored again by every run: the file was rewritten at every start and grew by ~15 KB until it held
``MAX_ENTRIES``, after which no pattern was added at all. A third pattern with the same characters and flags as
two stored ones but in another order is taken for such a shuffle (two can be distinct patterns of the code, such
as a day/month and a month/day date: both are kept): all of them are dropped and the signature (type, flags,
length, digest of the sorted characters) is kept in the file, so later shuffles are neither stored nor a reason
to write. A run that compiled nothing new leaves the file alone.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp(), "regex.marshal")
>>> table = RegexTable.load(path)
>>> pat = table.compile(r"(?P<name>[\\u4e00-\\u9fff]{2,4})体育", 0)
>>> table.save()
>>> again = RegexTable.load(path).compile(r"(?P<name>[\\u4e00-\\u9fff]{2,4})体育", 0)
>>> again.groupindex == pat.groupindex, again.flags == pat.flags, again.search("乐竞体育").group("name")
(True, True, '乐竞')
>>> for shuffle in (r"育体(?P<name>[\\u4e00-\\u9fff]{2,4})", r"(?P<name>[\\u4e00-\\u9fff]{2,4})育体"):
...     shuffled = RegexTable.load(path)
...     _ = shuffled.compile(shuffle, 0)  # the same characters in another order
...     shuffled.save()
...     print(len(RegexTable.load(path).entries), len(RegexTable.load(path).volatile))
2 0
0 1
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

FORMAT = 3  # 2: opcodes stored as packed unsigned ints (a list of Python ints cost ~80 MB of memory a process);
# 3: (entries, signatures of patterns whose order changes from process to process)
MAX_ENTRIES = 2000  # patterns built from data at run time must not grow the file without bound
CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)  # the width of _sre's code words
Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
Key = tuple[str | bytes, int]
Signature = tuple[bool, int, int, bytes]
SHUFFLES = 3  # this many stored orders of the same characters make a pattern volatile


def signature(key: Key) -> Signature:
    """(bytes or not, flags, length, digest of the sorted characters): the same for every order of the pieces."""
    pattern, flags = key
    chars = bytes(sorted(pattern)) if isinstance(pattern, bytes) else "".join(sorted(pattern)).encode(
        "utf-8", "surrogatepass")
    return isinstance(pattern, bytes), flags, len(pattern), hashlib.blake2b(chars, digest_size=12).digest()


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

    def __init__(self, entries: dict[Key, Entry], path: Path, volatile: set[Signature] | None = None) -> None:
        self.entries = entries
        self.path = path
        self.volatile = volatile if volatile is not None else set()  # see the module's docstring
        self.new: dict[Key, None] = {}  # keys compiled by this process and not found in the table

    @property
    def added(self) -> int:
        """How many patterns this process compiled that the table did not have."""
        return len(self.new)

    @classmethod
    def load(cls, path: Path | None = None) -> RegexTable:
        """The stored table at `path` (default: the cache folder's), empty when there is none or it cannot be
        read."""
        path = path or _path()
        try:
            entries, volatile = marshal.loads(path.read_bytes())
            if not isinstance(entries, dict) or not isinstance(volatile, set | frozenset):
                raise TypeError
        except (OSError, ValueError, EOFError, TypeError):
            entries, volatile = {}, set()
        return cls(entries, path, set(volatile))

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
            self.new[key] = None
        return compiled

    def save(self) -> None:
        """Write what this process added, merged with what is on disk now (to a temporary name, then renamed:
        parallel processes never see half a file, nor lose each other's entries but in a race); nothing when it
        added nothing but shuffles of known volatile patterns; a folder that cannot be written is left alone."""
        new = [key for key in self.new if key in self.entries and signature(key) not in self.volatile]
        if not new:
            return
        disk = RegexTable.load(self.path)  # what other processes (pool workers) saved meanwhile
        entries, volatile = disk.entries, disk.volatile | self.volatile
        by_shape: dict[tuple[int, int], list[Key]] = {}
        for key in entries:
            by_shape.setdefault((key[1], len(key[0])), []).append(key)
        changed = False
        for key in new:
            if key in entries:
                if entries[key] != self.entries[key]:  # a stale entry this process compiled afresh
                    entries[key] = self.entries[key]
                    changed = True
                continue
            sig = signature(key)
            if sig in volatile:
                continue
            shuffles = [old for old in by_shape.get((key[1], len(key[0])), ()) if old in entries and signature(old) == sig]
            if len(shuffles) + 1 >= SHUFFLES:  # the same pieces in a third order: a pattern joined from a set
                volatile.add(sig)
                for old in shuffles:
                    del entries[old]
                changed = True
            elif len(entries) < MAX_ENTRIES:
                entries[key] = self.entries[key]
                by_shape.setdefault((key[1], len(key[0])), []).append(key)
                changed = True
        self.volatile = volatile
        if not changed and volatile == disk.volatile:
            self.new.clear()
            return
        self.entries = entries
        try:
            data = marshal.dumps((self.entries, self.volatile))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-")
        except (OSError, ValueError):
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.path)
            self.new.clear()
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
