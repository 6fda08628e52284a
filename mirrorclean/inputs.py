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
import json
import os
import re
import stat
import sys
import zlib
from collections import Counter
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
    """Return (lower-case extension without ".gz"/".zst", whether the name ends in ".gz" or ".zst").

    >>> split_ext("CC-MAIN-0001.warc.gz"), split_ext("part.jsonl.zst"), split_ext("a.HTML")
    (('.warc', True), ('.jsonl', True), ('.html', False))
    """
    lower = name.lower()
    packed = lower.endswith((".gz", ".zst"))
    if packed:
        lower = lower[: lower.rindex(".")]
    return os.path.splitext(lower)[1], packed


#: Multi-document files a folder walk picks up (a plain .json is read only when named: it may be anything).
WALKED_MULTI = (".warc", ".jsonl")


def wanted(name: str) -> bool:
    """True when a folder member with this file name is an input: .html/.htm/.txt (optionally .gz), a WARC
    (.warc, .warc.gz) or JSON Lines (.jsonl, .jsonl.gz, .jsonl.zst).

    >>> [wanted(n) for n in ("a.html", "b.txt.gz", "c.warc.gz", "d.jsonl.zst", "e.json", "f.png", "g.html.zst")]
    [True, True, True, True, False, False, False]
    """
    ext, _ = split_ext(name)
    if name.lower().endswith(".zst"):
        return ext == ".jsonl"
    return ext in KINDS or ext in WALKED_MULTI


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


def _unopened(source: str, exc: OSError) -> Document:
    """The reject document of an input that could not be opened (a FIFO or device, a missing file …)."""
    if isinstance(exc, NotRegularFile):
        return Document(source, b"", None, error=str(exc), reason="not_a_regular_file")
    return Document(source, b"", None, error=_describe(exc))


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
    return _read_document(source, kind_of(path), lambda: open_regular(path), max_bytes, path.lower().endswith(".gz"))


def read_stdin(stream: BinaryIO, *, max_bytes: int = MAX_BYTES, source: str = STDIN_SOURCE) -> Document:
    """Read standard input (or another stream) as one document, gunzipped when it starts with the gzip magic."""
    return _read_document(source, None, lambda: nullcontext(stream), max_bytes, None)  # stdin stays open


#: Readers for files that hold several documents, by lower-case extension (without .gz/.zst).
#: Each takes (path, source, max_bytes, skipped) and yields documents named `source#N`; it is only
#: called for regular files and opens them with `open_regular` (never a blocking open).
MULTI_READERS: dict[str, Callable[[str, str, int, Counter[str] | None], Iterator[Document]]] = {
    ".warc": lambda path, source, max_bytes, skipped: read_warc(path, source, max_bytes=max_bytes, skipped=skipped),
    ".arc": lambda path, source, max_bytes, skipped: read_warc(path, source, max_bytes=max_bytes, skipped=skipped),
    ".jsonl": lambda path, source, max_bytes, skipped: read_jsonl(path, source, max_bytes=max_bytes, skipped=skipped),
    ".json": lambda path, source, max_bytes, skipped: read_jsonl(path, source, max_bytes=max_bytes, skipped=skipped),
    ".ndjson": lambda path, source, max_bytes, skipped: read_jsonl(path, source, max_bytes=max_bytes, skipped=skipped),
}


def read_path_file(path: str, source: str, *, max_bytes: int = MAX_BYTES,
                   skipped: Counter[str] | None = None) -> Iterator[Document]:
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
        yield from multi(path, source, max_bytes, skipped)
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


def _entry_is_link(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a symlink (True when that cannot be told: its real path is then worked out)."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


def _real_path(path: str, real_folder: str, name: str, is_link: bool) -> str:
    """``os.path.realpath(path)`` of the entry `name` of a folder whose real path is `real_folder`: the two joined
    when the entry is not a symlink (realpath resolves a path's components left to right, so only a link in the
    last one could change it), without realpath's system calls for every component of every file.

    >>> import tempfile
    >>> top = os.path.realpath(tempfile.mkdtemp())
    >>> os.mkdir(os.path.join(top, "d")); os.symlink(os.path.join(top, "d"), os.path.join(top, "link"))
    >>> open(os.path.join(top, "d", "a.html"), "w").close()
    >>> via = os.path.join(top, "link", "a.html")
    >>> _real_path(via, os.path.realpath(os.path.join(top, "link")), "a.html", False) == os.path.realpath(via)
    True
    """
    return os.path.realpath(path) if is_link else os.path.join(real_folder, name)


def walk(folder: str, *, max_bytes: int = MAX_BYTES, _seen: set[tuple[int, int]] | None = None,
         skipped: Counter[str] | None = None, exclude: frozenset[str] = frozenset()) -> Iterator[Document]:
    """Yield the input files under `folder`, recursively, in sorted path order.

    Symlinked folders are followed once (loops are skipped); a folder that cannot be listed
    yields one unreadable document named after it; an input entry that cannot be resolved (a
    symlink loop, a dangling link) is one unreadable document and the walk goes on. Files whose real
    path is in `exclude` (this run's own outputs) are passed over.
    """
    seen = set() if _seen is None else _seen
    try:
        st = os.stat(folder)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as it:
            entries = sorted(((e.name, _entry_is_dir(e), _entry_is_link(e)) for e in it), key=lambda row: row[0])
    except OSError as exc:
        yield Document(folder, b"", None, error=_describe(exc))
        return
    real_folder = os.path.realpath(folder) if exclude else ""
    for name, is_dir, is_link in entries:
        path = os.path.join(folder, name)
        if is_dir is True:
            yield from walk(path, max_bytes=max_bytes, _seen=seen, skipped=skipped, exclude=exclude)
        elif not wanted(name) or (exclude and _real_path(path, real_folder, name, is_link) in exclude):
            continue
        elif isinstance(is_dir, OSError):
            yield Document(path, b"", kind_of(name), error=_describe(is_dir))
        else:
            yield from read_path_file(path, path, max_bytes=max_bytes, skipped=skipped)


def iter_documents(
    paths: Iterable[str], *, stdin: BinaryIO | None = None, max_bytes: int = MAX_BYTES,
    skipped: Counter[str] | None = None, exclude: Iterable[str] = (),
) -> Iterator[Document]:
    """Yield every document named by `paths` ("-" is standard input), lazily and in order.

    A file named explicitly is read whatever its extension (a WARC or JSON Lines file by its
    extension gives one document per member); folders contribute .html/.htm/.txt files
    (optionally .gz), WARC and JSON Lines files. Missing or unreadable paths yield a document with
    `error` set instead of raising. WARC members that are not documents are counted in `skipped`.
    """
    excluded = frozenset(os.path.realpath(p) for p in exclude)
    for path in paths:
        if path == "-":
            yield read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes=max_bytes)
        elif _STREAM_PATH_RE.fullmatch(path):
            yield _read_document(path, kind_of(path), lambda p=path: open(p, "rb"), max_bytes, None)
        elif os.path.isdir(path):
            yield from walk(path, max_bytes=max_bytes, skipped=skipped, exclude=excluded)
        else:
            yield from read_path_file(path, path, max_bytes=max_bytes, skipped=skipped)


# --------------------------------------------------------------------------- WARC


_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML_SNIFF_RE = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL)


def http_charset_of(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any.

    >>> http_charset_of('text/html; charset="GBK"'), http_charset_of("text/html")
    ('GBK', None)
    """
    match = _CHARSET_RE.search(content_type or "")
    return match.group(1) if match else None


def is_html_response(content_type: str | None, head: bytes) -> bool:
    """An HTML payload: by its Content-Type, or (none given) by its first bytes.

    >>> is_html_response("text/html; charset=utf-8", b""), is_html_response("image/png", b"<html>")
    (True, False)
    >>> is_html_response(None, b"  <!DOCTYPE html><html>"), is_html_response("", b"GIF89a")
    (True, False)
    """
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        return kind in ("text/html", "application/xhtml+xml", "application/vnd.wap.xhtml+xml")
    return bool(_HTML_SNIFF_RE.match(head[:2048]))


def read_warc(path: str, source: str, *, max_bytes: int = MAX_BYTES,
              skipped: Counter[str] | None = None) -> Iterator[Document]:
    """Yield each HTML `response` record of a WARC (plain or gzipped, as Common Crawl ships them).

    Evidence: the WARC headers (type, `WARC-Target-URI`), the HTTP status line and Content-Type (its
    charset becomes `http_charset`). A document's `source` is `path#offset`, the record's byte offset in
    the file as stored (what a Common Crawl index gives). Other records (warcinfo, request, metadata,
    revisit, non-HTML or non-2xx responses) are counted in `skipped` by a short reason. A WARC cut short
    or corrupt yields every whole record before the damage, then one `unreadable` document saying at which
    offset it broke. Records are read one at a time: memory holds one payload (capped at `max_bytes`).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = skipped if skipped is not None else Counter()
    try:
        fh = open_regular(path)
    except OSError as exc:  # NotRegularFile too
        yield _unopened(source, exc)
        return
    offset = 0
    whole = 0
    records: ArchiveIterator | None = None
    with fh:
        try:
            records = ArchiveIterator(fh, arc2warc=True)
            for record in records:
                offset = records.offset  # where this record starts (read_to_end moves it on)
                doc = _warc_document(record, f"{source}#{offset}", max_bytes, skipped)
                if record.raw_stream.limit > 0:  # the record's block ends before its Content-Length
                    raise EOFError(f"record cut short ({record.raw_stream.limit} bytes missing)")
                whole += 1
                if doc is not None:
                    yield doc
            offset = records.offset
            size = os.fstat(fh.fileno()).st_size
            if offset < size and os.pread(fh.fileno(), 4096, offset).strip(b"\r\n\x00 "):
                raise EOFError(f"the last {size - offset} bytes are not a whole record")
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input; each is a reject
            offset = max(offset, records.offset if records is not None else 0)
            if isinstance(exc, ArchiveLoadFailed):  # its message quotes the bad line: binary noise, kept short
                detail = f"not a WARC record: {str(exc)[:80]}"
            elif isinstance(exc, OSError):
                detail = _describe(exc)
            else:  # warcio trips over a header cut short (AttributeError, KeyError …): name what broke, not how
                detail = f"damaged record header or block (the WARC reader's {type(exc).__name__}: {str(exc)[:80]})"
            yield Document(f"{source}#{offset}", b"", None,
                           error=f"WARC broken at byte offset {offset} after {whole} whole records: {detail}")


def _warc_document(record: object, source: str, max_bytes: int, skipped: Counter[str]) -> Document | None:
    """One WARC record as a Document, or None (counted in `skipped`) when it is not an HTML page."""
    rec_type = getattr(record, "rec_type", None) or "unknown"
    if rec_type != "response":
        skipped[f"warc {rec_type}"] += 1
        _drain(record)
        return None
    http = getattr(record, "http_headers", None)
    if http is None:  # a DNS or other non-HTTP response
        skipped["not http"] += 1
        _drain(record)
        return None
    status = (http.get_statuscode() or "") if hasattr(http, "get_statuscode") else ""
    if not status.startswith("2"):
        skipped[f"http {status[:1] or '?'}xx"] += 1
        _drain(record)
        return None
    content_type = http.get_header("Content-Type")
    url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
    if content_type and not is_html_response(content_type, b""):  # an image, a video: never read into memory
        skipped["not html"] += 1
        _drain(record)
        return None
    try:
        stream = record.content_stream()  # type: ignore[attr-defined]
        data = stream.read(2048)
        if not is_html_response(content_type, data):
            skipped["not html"] += 1
            _drain(record)
            return None
        data += stream.read(max_bytes + 1 - len(data))
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # a broken Content-Encoding: this record alone
        _drain(record)
        return Document(source, b"", "html", url=url, error=f"payload cannot be decoded: {exc}")
    if len(data) > max_bytes:
        _drain(record)
        return Document(source, b"", "html", url=url, error=f"larger than {max_bytes // (1024 * 1024)} MiB")
    _drain(record)
    return Document(source, data, "html", url=url, http_charset=http_charset_of(content_type))


def _drain(record: object) -> None:
    """Read what is left of a record's block, so that a cut-short one shows (its stream's limit stays > 0)."""
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(1 << 16):
        pass


# --------------------------------------------------------------------------- JSON Lines


#: Fields holding the page, in order of preference, and the kind they imply (CCNet / ChineseWebText dumps
#: carry `raw_content`; Common Crawl derived sets `html` or `content`).
JSONL_FIELDS = (("html", "html"), ("raw_content", "text"), ("text", "text"), ("content", "text"))


def _open_packed(path: str) -> BinaryIO:
    """Open a regular file, decompressing .gz / .zst on the fly (a stream: never read whole)."""
    fh = open_regular(path)
    lower = path.lower()
    if lower.endswith(".gz"):
        return gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[return-value]
    if lower.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            fh.close()
            raise OSError(errno.ENOPKG, "reading .zst needs zstandard: pip install 'mirrorclean[corpus]'") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(fh, closefd=True))  # type: ignore[arg-type]
    return fh


def read_jsonl(path: str, source: str, *, max_bytes: int = MAX_BYTES,
               skipped: Counter[str] | None = None) -> Iterator[Document]:
    """Yield one document per line of a JSON Lines file (plain, .gz or .zst), named `path#line`.

    Evidence: the object's `html` field (kind html), else `raw_content` (CCNet / ChineseWebText), `text`
    or `content` (kind text); `url` when present. A line that is not a JSON object, or has none of those
    fields, is an `unreadable` document for that line alone; blank lines are skipped. A stream that
    breaks (a cut-off .gz) ends with one unreadable document saying at which line.
    """
    try:
        fh = _open_packed(path)
    except OSError as exc:  # NotRegularFile too
        yield _unopened(source, exc)
        return
    number = 0
    with fh:
        try:
            while True:
                line = fh.readline(max_bytes + 1)
                if not line:
                    break
                number += 1
                if len(line) > max_bytes:
                    while line and not line.endswith(b"\n"):  # skip the rest of the over-long line
                        line = fh.readline(1 << 20)
                    yield Document(member_source(source, number), b"", None,
                                   error=f"line larger than {max_bytes // (1024 * 1024)} MiB")
                    continue
                if not line.strip():
                    if skipped is not None:
                        skipped["blank line"] += 1
                    continue
                yield _jsonl_document(line, member_source(source, number))
        except (OSError, EOFError, ValueError, zlib.error) as exc:
            detail = _describe(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
            yield Document(member_source(source, number + 1), b"", None,
                           error=f"broken after line {number}: {detail}")


def _jsonl_document(line: bytes, source: str) -> Document:
    """One JSON Lines line as a Document (or an unreadable one saying why)."""
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return Document(source, b"", None, error=f"not JSON: {exc}")
    if not isinstance(obj, dict):
        return Document(source, b"", None, error="not a JSON object")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    for name, kind in JSONL_FIELDS:
        value = obj.get(name)
        if isinstance(value, str):
            return Document(source, value.encode("utf-8", "surrogatepass"), kind, url=url, http_charset="utf-8")
    return Document(source, b"", None, url=url, error=f"no {', '.join(n for n, _ in JSONL_FIELDS)} field")
