"""Turn the PATH arguments of `mirrorclean clean` into a lazy stream of documents.

Nothing here loads more than one document at a time: folders are walked one directory
listing at a time and each file is read only when the consumer asks for the next document.
A read failure never raises: it becomes a `Document` whose `error` says what went wrong,
which the runner turns into a reject with reason "unreadable".
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Extensions picked up when walking a folder (each may also end in ".gz"), and the kind they imply.
KINDS: dict[str, str] = {".html": "html", ".htm": "html", ".txt": "text"}

#: A single document larger than this (after gunzip) is rejected rather than loaded.
MAX_BYTES = 64 * 1024 * 1024

STDIN_SOURCE = "<stdin>"

_GZIP_MAGIC = b"\x1f\x8b"


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


def read_file(path: str, source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read (and gunzip when the name ends in .gz) one single-document file; never raises."""
    _, gz = split_ext(path)
    kind = kind_of(path)
    try:
        if gz:
            with gzip.open(path, "rb") as fh:
                data = _read_limited(fh, max_bytes)  # type: ignore[arg-type]
        else:
            with open(path, "rb") as fh:
                data = _read_limited(fh, max_bytes)
    except _TooLarge as exc:
        return Document(source, b"", kind, error=str(exc))
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return Document(source, b"", kind, error=f"corrupt gzip data: {exc}")
    except (OSError, ValueError) as exc:
        return Document(source, b"", kind, error=_describe(exc))
    return Document(source, data, kind)


def read_stdin(stream: BinaryIO, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read standard input as one document (gunzipped when it starts with the gzip magic)."""
    try:
        data = _read_limited(stream, max_bytes)
        if data.startswith(_GZIP_MAGIC):
            data = gzip.decompress(data)
            if len(data) > max_bytes:
                raise _TooLarge(f"larger than {max_bytes // (1024 * 1024)} MiB")
    except _TooLarge as exc:
        return Document(STDIN_SOURCE, b"", None, error=str(exc))
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        return Document(STDIN_SOURCE, b"", None, error=f"corrupt gzip data: {exc}")
    except (OSError, ValueError) as exc:
        return Document(STDIN_SOURCE, b"", None, error=_describe(exc))
    return Document(STDIN_SOURCE, data, None)


#: Readers for files that hold several documents, by lower-case extension (without .gz).
#: Each takes (path, source) and yields documents named with `member_source(source, n)`.
MULTI_READERS: dict[str, Callable[[str, str], Iterator[Document]]] = {}


def read_path_file(path: str, source: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Yield the document(s) held in one file."""
    multi = MULTI_READERS.get(split_ext(path)[0])
    if multi is not None:
        yield from multi(path, source)
    else:
        yield read_file(path, source, max_bytes=max_bytes)


def walk(folder: str, *, max_bytes: int = MAX_BYTES, _seen: set[tuple[int, int]] | None = None) -> Iterator[Document]:
    """Yield the input files under `folder`, recursively, in sorted path order.

    Symlinked folders are followed once (loops are skipped); a folder that cannot be listed
    yields one unreadable document named after it.
    """
    seen = set() if _seen is None else _seen
    try:
        st = os.stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_dir()) for e in it)
    except OSError as exc:
        yield Document(folder, b"", None, error=_describe(exc))
        return
    for name, is_dir in entries:
        path = os.path.join(folder, name)
        if is_dir:
            yield from walk(path, max_bytes=max_bytes, _seen=seen)
        elif wanted(name):
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
        elif os.path.isdir(path):
            yield from walk(path, max_bytes=max_bytes)
        elif os.path.exists(path):
            yield from read_path_file(path, path, max_bytes=max_bytes)
        else:
            yield Document(path, b"", kind_of(path), error="no such file or directory")
