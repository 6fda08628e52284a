"""Turn the PATH arguments of `mirrorclean clean` into a lazy stream of documents.

Nothing here loads more than one document at a time: folders are walked one directory
listing at a time and each file is read only when the consumer asks for the next document.
A read failure never raises: it becomes a `Document` whose `error` says what went wrong and
whose `reason` names the reject the runner writes for it ("unreadable", "not_a_regular_file").

Nothing here can hang or blow up memory on a hostile input: a FIFO, socket or device (given or
inside a folder) is a reject without being opened for a blocking read, a symlink loop is a reject
for that entry alone, and the size cap applies while decompressing (a gzip bomb stops at the cap).
The shell's own streams (`-`, /dev/stdin, /dev/fd/N as made by `<(...)`) are read as streams.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import BinaryIO

#: Extensions picked up when walking a folder (each may also end in ".gz"), and the kind they imply.
KINDS: dict[str, str] = {".html": "html", ".htm": "html", ".txt": "text"}

#: A single document larger than this (after gunzip) is rejected rather than loaded.
MAX_BYTES = 64 * 1024 * 1024

STDIN_SOURCE = "<stdin>"

_GZIP_MAGIC = b"\x1f\x8b"

#: Paths that name a stream this process already holds (stdin, a `<(...)` process substitution).
_STREAM_PATH_RE = re.compile(r"/dev/stdin|/dev/fd/\d+|/proc/self/fd/\d+")


@dataclass(frozen=True)
class Document:
    """One input document: raw bytes plus what is known about them.

    `source` names the document in records and rejects: the path as the user gave it
    (folder members are joined to it), `<stdin>`, or `path#N` for the N-th member of a
    multi-document file. `error` is set (and `data` empty) when the input could not be read.
    """

    source: str
    data: bytes
    kind: str | None = None
    url: str | None = None
    http_charset: str | None = None
    error: str | None = None
    continuations: tuple[tuple[bytes, str | None, str | None], ...] = ()  # further pages of a split article
    reason: str = "unreadable"  # the reject reason when `error` is set (cleaners.record.REJECT_REASONS)


def member_source(path: str, index: int) -> str:
    """Name the `index`-th (1-based) document of a multi-document file such as a WARC."""
    return f"{path}#{index}"


def split_ext(name: str) -> tuple[str, bool]:
    """Return (lower-case extension without ".gz", whether the name ends in ".gz")."""
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    return os.path.splitext(lower)[1], gz


def wanted(name: str) -> bool:
    """True when a folder member with this file name is an input (.html/.htm/.txt, optionally .gz)."""
    return split_ext(name)[0] in KINDS


def kind_of(name: str) -> str | None:
    """The document kind implied by a file name ("html", "text"), or None to let the cleaner guess."""
    return KINDS.get(split_ext(name)[0])


def _describe(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _read_limited(fh: BinaryIO, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge(f"larger than {max_bytes // (1024 * 1024)} MiB")
    return data


class _TooLarge(Exception):
    pass


class NotRegularFile(OSError):
    """The path names a FIFO, socket, device or folder where a file's bytes were expected."""


def file_type(mode: int) -> str:
    """Name the type of a non-regular file from its st_mode.

    >>> file_type(stat.S_IFIFO), file_type(stat.S_IFCHR)
    ('a FIFO (named pipe)', 'a character device')
    """
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading; raise NotRegularFile for anything else, without ever blocking.

    The open is non-blocking and the type is checked on the open descriptor, so a FIFO with no writer
    (or a path swapped for one after a check) can't hang the run.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket (or a device with nothing behind it)
            raise NotRegularFile(file_type(os.stat(path).st_mode)) from exc
        raise
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFile(file_type(mode))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_stream(fh: BinaryIO, max_bytes: int, gz: bool | None) -> bytes:
    """Read one document from an open stream, gunzipping it (gz=None: when it starts with the gzip magic).

    The cap holds while decompressing: a gzip bomb stops at `max_bytes` of output.
    """
    if gz is None:
        data = _read_limited(fh, max_bytes)
        if not data.startswith(_GZIP_MAGIC):
            return data
        fh = io.BytesIO(data)
    elif not gz:
        return _read_limited(fh, max_bytes)
    with gzip.GzipFile(fileobj=fh, mode="rb") as unzipped:
        return _read_limited(unzipped, max_bytes)  # type: ignore[arg-type]


def _read_document(source: str, kind: str | None, opener: Callable[[], AbstractContextManager[BinaryIO]], max_bytes: int,
                   gz: bool | None) -> Document:
    """Open and read one document; every failure becomes a Document with `error` (and `reason`) set."""
    try:
        with opener() as fh:
            data = _read_stream(fh, max_bytes, gz)
    except NotRegularFile as exc:
        return Document(source, b"", kind, error=str(exc), reason="not_a_regular_file")
    except _TooLarge as exc:
        return Document(source, b"", kind, error=str(exc))
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return Document(source, b"", kind, error=f"corrupt gzip data: {exc}")
    except (OSError, ValueError) as exc:
        return Document(source, b"", kind, error=_describe(exc))
    return Document(source, data, kind)


def read_file(path: str, source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read (and gunzip when the name ends in .gz) one single-document file; never raises or blocks."""
    return _read_document(source, kind_of(path), lambda: open_regular(path), max_bytes, split_ext(path)[1])


def read_stdin(stream: BinaryIO, *, max_bytes: int = MAX_BYTES, source: str = STDIN_SOURCE) -> Document:
    """Read standard input (or another stream) as one document, gunzipped when it starts with the gzip magic."""
    return _read_document(source, None, lambda: nullcontext(stream), max_bytes, None)  # stdin stays open


#: Readers for files that hold several documents, by lower-case extension (without .gz).
#: Each takes (path, source) and yields documents named with `member_source(source, n)`; it is only
#: called for regular files and opens them with `open_regular` (never a blocking open).
MULTI_READERS: dict[str, Callable[[str, str], Iterator[Document]]] = {}


def read_path_file(path: str, source: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Yield the document(s) held in one file (a FIFO, socket or device is one not_a_regular_file reject)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        yield Document(source, b"", kind_of(path), error=_describe(exc))
        return
    if not stat.S_ISREG(mode):
        yield Document(source, b"", kind_of(path), error=file_type(mode), reason="not_a_regular_file")
        return
    multi = MULTI_READERS.get(split_ext(path)[0])
    if multi is not None:
        yield from multi(path, source)
    else:
        yield read_file(path, source, max_bytes=max_bytes)


def _entry_is_dir(entry: os.DirEntry[str]) -> bool | OSError:
    """Whether a folder entry is a folder (following symlinks), or the error that says it can't be told."""
    try:
        if entry.is_dir():
            return True
        if entry.is_symlink():
            os.stat(entry.path)  # a dangling link or a loop: the error names it
        return False
    except OSError as exc:
        return exc


def walk(folder: str, *, max_bytes: int = MAX_BYTES, _seen: set[tuple[int, int]] | None = None) -> Iterator[Document]:
    """Yield the input files under `folder`, recursively, in sorted path order.

    Symlinked folders are followed once (loops are skipped); a folder that cannot be listed
    yields one unreadable document named after it; an input entry that cannot be resolved (a
    symlink loop, a dangling link) is one unreadable document and the walk goes on.
    """
    seen = set() if _seen is None else _seen
    try:
        st = os.stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as it:
            entries = sorted(((e.name, _entry_is_dir(e)) for e in it), key=lambda pair: pair[0])
    except OSError as exc:
        yield Document(folder, b"", None, error=_describe(exc))
        return
    for name, is_dir in entries:
        path = os.path.join(folder, name)
        if is_dir is True:
            yield from walk(path, max_bytes=max_bytes, _seen=seen)
        elif not wanted(name):
            continue
        elif isinstance(is_dir, OSError):
            yield Document(path, b"", kind_of(name), error=_describe(is_dir))
        else:
            yield from read_path_file(path, path, max_bytes=max_bytes)


def iter_documents(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Document]:
    """Yield every document named by `paths` ("-" is standard input), lazily and in order.

    A file named explicitly is read whatever its extension; folders contribute only
    .html/.htm/.txt files (optionally .gz). Missing or unreadable paths yield a document with
    `error` set instead of raising.
    """
    for path in paths:
        if path == "-":
            yield read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes=max_bytes)
        elif _STREAM_PATH_RE.fullmatch(path):
            yield _read_document(path, kind_of(path), lambda p=path: open(p, "rb"), max_bytes, None)
        elif os.path.isdir(path):
            yield from walk(path, max_bytes=max_bytes)
        else:
            yield from read_path_file(path, path, max_bytes=max_bytes)
