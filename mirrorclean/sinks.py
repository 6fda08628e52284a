"""Where `mirrorclean clean` writes its records: JSON Lines (plain, .gz, .zst) or sharded Parquet.

Every sink here can be resumed: `commit()` makes what was written so far whole on disk and returns its
position (bytes of a file, or shards of a Parquet folder); a sink reopened at that position first cuts off
anything written after it (a half-written line, gzip member, zstd frame or shard of a killed run).

* `.jsonl`: one line per write, written in one call: a `kill -9` leaves whole lines only.
* `.jsonl.gz` / `.jsonl.zst`: lines are buffered and written as one gzip member / zstd frame per commit
  (concatenated members and frames are one valid stream for gzip, zstd, `datasets` and pandas).
* Parquet: OUT is a folder of shards `part-00000.parquet` …, each written whole to a temporary name and
  renamed (atomic per shard), `shard_rows` records each, with the columns of docs/schema.md
  (`PARQUET_SCHEMA`). Needs the `corpus` extra (pyarrow).
"""

from __future__ import annotations

import gzip
import os
from typing import Any

from mirrorclean.runner import OutputError, json_line

FORMATS = ("jsonl", "jsonl.gz", "jsonl.zst", "parquet")

#: Records per Parquet shard (and so at most this many records are cleaned again after a kill).
SHARD_ROWS = 5000
#: A compressed JSON Lines buffer is written out (as its own member/frame) past this size, commit or not.
MAX_BUFFER = 8 * 1024 * 1024


def format_of(path: str, fmt: str | None = None) -> str:
    """The output format: `fmt` when given, else by the extension of `path` (JSON Lines by default).

    >>> [format_of(p) for p in ("o.jsonl", "o.jsonl.gz", "o.json.zst", "o.parquet", "-", "out")]
    ['jsonl', 'jsonl.gz', 'jsonl.zst', 'parquet', 'jsonl', 'jsonl']
    """
    if fmt:
        return fmt
    lower = path.lower().rstrip("/")
    if lower.endswith(".gz"):
        return "jsonl.gz"
    if lower.endswith(".zst"):
        return "jsonl.zst"
    if lower.endswith(".parquet"):
        return "parquet"
    return "jsonl"


def _error(name: str, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {name}: {(exc.strerror or str(exc)).lower()}")


class LineFile:
    """A JSON Lines file, plain or compressed, that can be committed and resumed at a byte position."""

    def __init__(self, path: str, compression: str | None = None, *, resume_at: int | None = None) -> None:
        self.path = self.name = path
        self.compression = compression
        self.lines = 0
        self.failed = False
        self._buffer = bytearray()
        self._compressor: Any = None
        if compression == "zst":
            try:
                import zstandard
            except ImportError:
                raise OutputError(f"cannot write {path}: .zst needs zstandard: pip install 'mirrorclean[corpus]'") from None
            self._compressor = zstandard.ZstdCompressor(level=3)
        try:
            parent = os.path.dirname(path)
            if parent:
                os.makedirs(parent, exist_ok=True)
            if resume_at is None:
                self._fh = open(path, "wb")  # noqa: SIM115 - closed in close()
            else:
                self._fh = open(path, "r+b")  # noqa: SIM115
                size = self._fh.seek(0, os.SEEK_END)
                if size < resume_at:
                    self._fh.close()
                    raise OutputError(f"cannot resume {path}: it holds {size} bytes, the state file says {resume_at}")
                self._fh.truncate(resume_at)
                self._fh.seek(resume_at)
        except OSError as exc:
            self.failed = True
            raise _error(path, exc) from None

    def write(self, obj: dict[str, Any]) -> None:
        line = json_line(obj)
        self.lines += 1
        if self.compression is None:
            self._write(line)
            return
        self._buffer += line
        if len(self._buffer) >= MAX_BUFFER:
            self._flush_buffer()

    def _write(self, data: bytes) -> None:
        try:
            self._fh.write(data)
            self._fh.flush()
        except OSError as exc:
            self.failed = True
            raise _error(self.path, exc) from None

    def _flush_buffer(self) -> None:
        if not self._buffer:
            return
        data = bytes(self._buffer)
        self._buffer.clear()
        if self.compression == "gz":
            self._write(gzip.compress(data, compresslevel=6, mtime=0))
        else:
            self._write(self._compressor.compress(data))

    def pending(self) -> bool:
        """Nothing is pending that `commit()` cannot write out at once."""
        return False

    def commit(self) -> dict[str, int]:
        """Write out what is buffered; return the byte position a resumed run starts from."""
        self._flush_buffer()
        return {"bytes": self._fh.tell()}

    def close(self) -> None:
        if self._fh.closed:
            return
        try:
            if not self.failed:
                self._flush_buffer()
        finally:
            try:
                self._fh.close()
            except OSError as exc:
                if not self.failed:
                    raise _error(self.path, exc) from None


def _parquet_schema() -> Any:
    """The record as an Arrow schema (docs/schema.md; flags carry the union of the documented fields)."""
    import pyarrow as pa

    string = pa.string()
    removed = pa.struct([("where", string), ("text", string), ("reason", string)])
    flag = pa.struct([
        ("type", string), ("start", pa.int64()), ("end", pa.int64()), ("kind", string), ("evidence", string),
        ("suggestion", string), ("confidence", pa.float64()), ("occurrences", pa.list_(pa.list_(pa.int64()))),
        ("refs", pa.list_(pa.int64())), ("original", string), ("as_found", string),
    ])
    return pa.schema([
        ("source", string), ("url", string), ("site", string), ("title", string), ("published", string),
        ("language", string), ("text", string), ("references", pa.list_(string)), ("is_spam_page", pa.bool_()),
        ("spam_terms", pa.list_(string)), ("removed", pa.list_(removed)), ("flags", pa.list_(flag)),
        ("spin_score", pa.float64()), ("encoding", string), ("schema", string), ("text_as_found", string),
        ("cluster", string), ("cluster_similarity", pa.float64()),
    ])


def parquet_schema() -> Any:
    """The Arrow schema of Parquet records (needs pyarrow)."""
    return _parquet_schema()


class ParquetShards:
    """A folder of Parquet shards; a shard is written whole, under a temporary name, then renamed."""

    def __init__(self, folder: str, *, shard_rows: int = SHARD_ROWS, resume_at: int | None = None) -> None:
        try:
            import pyarrow  # noqa: F401
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise OutputError(f"cannot write {folder}: Parquet needs pyarrow: pip install 'mirrorclean[corpus]'") from None
        self.path = self.name = folder
        self.shard_rows = max(1, shard_rows)
        self.lines = 0
        self.failed = False
        self._rows: list[dict[str, Any]] = []
        self._schema = _parquet_schema()
        self.shards = resume_at or 0
        try:
            os.makedirs(folder, exist_ok=True)
            for name in os.listdir(folder):  # a killed run's partial or later shards
                index = shard_index(name)
                if name.endswith(".tmp") or (index is not None and index >= self.shards):
                    os.unlink(os.path.join(folder, name))
        except OSError as exc:
            self.failed = True
            raise _error(folder, exc) from None

    def write(self, obj: dict[str, Any]) -> None:
        self._rows.append(obj)
        self.lines += 1
        if len(self._rows) >= self.shard_rows:
            self._write_shard()

    def _write_shard(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = os.path.join(self.path, f"part-{self.shards:05d}.parquet")
        try:
            table = pa.Table.from_pylist(self._rows, schema=self._schema)
            pq.write_table(table, path + ".tmp", compression="zstd")
            os.replace(path + ".tmp", path)
        except OSError as exc:
            self.failed = True
            raise _error(path, exc) from None
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:  # a record that does not fit the schema: a bug
            self.failed = True
            raise OutputError(f"cannot write {path}: {exc}") from None
        self._rows.clear()
        self.shards += 1

    def pending(self) -> bool:
        """True while records wait for their shard (a commit now would claim rows not yet on disk)."""
        return bool(self._rows)

    def write_pending(self) -> None:
        """Write the records waiting for a shard (the end of the run)."""
        if not self.failed:
            self._write_shard()

    def commit(self) -> dict[str, int]:
        return {"shards": self.shards}

    def close(self) -> None:
        if not self.failed:
            self._write_shard()


def shard_index(name: str) -> int | None:
    """The number of a shard file name (`part-00012.parquet` -> 12), else None.

    >>> shard_index("part-00012.parquet"), shard_index("part-00003.parquet.tmp"), shard_index("x.json")
    (12, 3, None)
    """
    stem = name.removesuffix(".tmp")
    if stem.startswith("part-") and stem.endswith(".parquet") and stem[5:-8].isdigit():
        return int(stem[5:-8])
    return None


def open_records(path: str, fmt: str, *, resume_at: dict[str, int] | None = None,
                 shard_rows: int = SHARD_ROWS) -> LineFile | ParquetShards:
    """Open the records sink of format `fmt` at `path`, fresh or resumed at a committed position."""
    if fmt == "parquet":
        return ParquetShards(path, shard_rows=shard_rows, resume_at=(resume_at or {}).get("shards") if resume_at else None)
    compression = {"jsonl": None, "jsonl.gz": "gz", "jsonl.zst": "zst"}[fmt]
    return LineFile(path, compression, resume_at=(resume_at or {}).get("bytes") if resume_at is not None else None)


def read_back(path: str, fmt: str, upto: dict[str, int] | None = None) -> Any:
    """Yield the records already written (up to a committed position): a resumed run re-indexes them."""
    import json

    if fmt == "parquet":
        import pyarrow.parquet as pq

        limit = (upto or {}).get("shards", 0)
        for index in range(limit):
            table = pq.read_table(os.path.join(path, f"part-{index:05d}.parquet"), columns=None)
            yield from table.to_pylist()
        return
    limit = (upto or {}).get("bytes", 0)
    with open(path, "rb") as raw:
        head = _Limited(raw, limit)
        if fmt == "jsonl.gz":
            stream: Any = gzip.GzipFile(fileobj=head, mode="rb")
        elif fmt == "jsonl.zst":
            import io

            import zstandard

            stream = io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(head, read_across_frames=True))
        else:
            stream = head
        for line in stream:
            if line.strip():
                yield json.loads(line)


class _Limited:
    """A read-only view of the first `limit` bytes of a binary file."""

    def __init__(self, fh: Any, limit: int) -> None:
        self.fh = fh
        self.left = limit

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > self.left:
            size = self.left
        data = self.fh.read(size)
        self.left -= len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        line = self.fh.readline(self.left if size is None or size < 0 else min(size, self.left))
        self.left -= len(line)
        return line

    def __iter__(self) -> Any:
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def readable(self) -> bool:
        return True
