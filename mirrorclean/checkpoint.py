"""Resumable, exactly-once output for `mirrorclean clean -o OUT` (`--resume`, `--overwrite`, `--dedup`).

Inputs are cleaned and written in input order, so a run's progress is one number: how many input
documents have their record or reject on disk. Every second or so (and at the end) `CorpusWriter` makes
the outputs whole (`sinks`: a line, a gzip member or zstd frame, a Parquet shard) and then replaces the
small state file `OUT.state.json` (written to a temporary name, then renamed) with that number and the
byte or shard position of each output. A run killed at any moment (`kill -9`, a power cut after the
rename) leaves a state file that matches outputs which may run further; `--resume` cuts the outputs back to
the positions it names, re-indexes the records already written for near-duplicates, skips that many input
documents and goes on: every input ends in exactly one record or reject across the runs.

With `--dedup` records go to a spool file (`OUT.spool.jsonl`) instead; when every input is done, the spool is
read once more and the best copy of each near-duplicate cluster (`keepbest`) goes to OUT, the others to the
rejects as `duplicate` with `duplicate_of`. A kill during that last pass is resumed by redoing it from the
positions saved when it began.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from cleaners.dedup import NearDuplicates
from mirrorclean.keepbest import KeepBest, record_key
from mirrorclean.runner import Reject, Result, Stats
from mirrorclean.sinks import LineFile, read_back

STATE_VERSION = 1
#: Seconds between commits (each costs a flush and a small file rename).
COMMIT_EVERY = 1.0


class CheckpointError(Exception):
    """A state file that cannot be used (missing, unreadable, from another run): the run stops, nothing is cut."""


@dataclass
class State:
    """What `OUT.state.json` holds."""

    inputs: list[str]
    format: str
    dedup: bool
    done: int = 0  # input documents whose record or reject is committed
    phase: str = "clean"  # "clean", then with --dedup "dedup" (the final pass), then "finished"
    records: dict[str, int] = field(default_factory=dict)
    rejects: dict[str, int] = field(default_factory=dict)
    spool: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    version: int = STATE_VERSION

    @property
    def finished(self) -> bool:
        return self.phase == "finished"


def state_path_for(rejects_path: str) -> str:
    """`out.rejects.jsonl` -> `out.state.json` (the state file sits with the outputs it describes).

    >>> state_path_for("d/out.rejects.jsonl"), state_path_for("x.err")
    ('d/out.state.json', 'x.err.state.json')
    """
    if rejects_path.endswith(".rejects.jsonl"):
        return rejects_path[: -len(".rejects.jsonl")] + ".state.json"
    return rejects_path + ".state.json"


def spool_path_for(state_path: str) -> str:
    """Where `--dedup` spools records: next to the state file."""
    return state_path[: -len(".state.json")] + ".spool.jsonl"


def load_state(path: str) -> State:
    """Read a state file; CheckpointError says why it cannot be used."""
    try:
        with open(path, encoding="utf-8") as fh:
            raw = json.load(fh)
        state = State(**raw)
    except FileNotFoundError:
        raise CheckpointError(f"no state file {path}: nothing to resume (use --overwrite to start again)") from None
    except (OSError, ValueError, TypeError) as exc:
        raise CheckpointError(f"cannot read the state file {path}: {exc}") from None
    if state.version != STATE_VERSION:
        raise CheckpointError(f"{path} was written by another version (state {state.version})")
    return state


def save_state(path: str, state: State) -> None:
    """Replace the state file atomically (temporary name, fsync, rename)."""
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(state), fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def stats_to_dict(stats: Stats) -> dict[str, Any]:
    return {"inputs": stats.inputs, "records": stats.records, "rejects": stats.rejects,
            "spam_pages": stats.spam_pages, "flags": stats.flags, "near_duplicates": stats.near_duplicates,
            "reasons": dict(stats.reasons)}


def stats_from_dict(stats: Stats, raw: dict[str, Any]) -> None:
    for name in ("inputs", "records", "rejects", "spam_pages", "flags", "near_duplicates"):
        setattr(stats, name, int(raw.get(name, 0)))
    stats.reasons.update(raw.get("reasons") or {})


Sink = Any  # LineFile | ParquetShards | runner.JsonlSink (standard output: never committed)


class CorpusWriter:
    """Routes results to the sinks like `runner.Writer`, plus commits, resume and `--dedup`."""

    def __init__(self, records: Sink, rejects: Sink, *, state: State | None = None, state_path: str | None = None,
                 spool: LineFile | None = None, clusters: NearDuplicates | None = None) -> None:
        self.records = records
        self.rejects = rejects
        self.spool = spool
        self.state = state
        self.state_path = state_path
        self.clusters = clusters if clusters is not None else NearDuplicates()
        self.keep = KeepBest() if spool is not None else None
        self.stats = Stats()
        self.duplicates = 0
        self._last_commit = time.monotonic()

    # -- the run

    def __call__(self, result: Result) -> None:
        as_dict = result.to_dict()
        if isinstance(result, Reject):
            self.rejects.write(as_dict)
        else:
            as_dict["cluster"], as_dict["cluster_similarity"] = self.clusters.add(record_key(as_dict),
                                                                                  as_dict.get("text") or "")
            if self.spool is not None and self.keep is not None:
                self.spool.write(as_dict)
                self.keep.add(as_dict)
            else:
                self.records.write(as_dict)
        self.stats.add(result, as_dict)
        if self.state is not None:
            self.state.done += 1
            if time.monotonic() - self._last_commit >= COMMIT_EVERY:
                self.commit()

    def _sinks(self) -> list[Sink]:
        return [s for s in (self.records, self.rejects, self.spool) if s is not None]

    def commit(self, *, force: bool = False) -> bool:
        """Make the outputs whole and record the position; skipped while a Parquet shard is half full."""
        if self.state is None or self.state_path is None:
            return False
        if not force and any(getattr(s, "pending", lambda: False)() for s in self._sinks()):
            return False
        self.state.records = self.records.commit()
        self.state.rejects = self.rejects.commit()
        if self.spool is not None:
            self.state.spool = self.spool.commit()
        self.state.stats = stats_to_dict(self.stats)
        save_state(self.state_path, self.state)
        self._last_commit = time.monotonic()
        return True

    # -- resume

    def reindex(self, records_path: str, fmt: str) -> int:
        """Re-add the records already committed (to OUT, or to the spool) to the near-duplicate index."""
        assert self.state is not None
        if self.spool is not None:
            source: Iterator[dict[str, Any]] = read_back(self.spool.path, "jsonl", self.state.spool)
        else:
            source = read_back(records_path, fmt, self.state.records)
        n = 0
        for record in source:
            self.clusters.add(record_key(record), record.get("text") or "")
            if self.keep is not None:
                self.keep.add(record)
            n += 1
        return n

    # -- the end

    def finish(self) -> None:
        """Write out the kept copies (--dedup), close the sinks and mark the state finished."""
        if self.spool is not None and self.keep is not None:
            self._final_pass()
        for sink in self._sinks():
            write_pending = getattr(sink, "write_pending", None)
            if write_pending is not None:
                write_pending()  # the last Parquet shard
        if self.state is not None:
            self.state.phase = "finished"
            self.commit(force=True)
        self.close()
        if self.spool is not None and self.state is not None and self.state.finished:
            try:
                os.unlink(self.spool.path)
            except OSError:
                pass

    def _final_pass(self) -> None:
        assert self.spool is not None and self.keep is not None
        if self.state is not None:
            self.state.phase = "dedup"
            self.commit(force=True)
        else:
            self.spool.commit()
        limit = self.spool.commit()
        for index, record in enumerate(read_back(self.spool.path, "jsonl", limit)):
            if self.keep.is_best(index):
                self.records.write(record)
                continue
            kept = self.keep.best_key(index)
            self.rejects.write({
                "source": record["source"], "reason": "duplicate",
                "detail": f"a near-duplicate of {kept} (cluster {record.get('cluster')}); that copy was kept",
                "url": record.get("url"), "is_spam_page": bool(record.get("is_spam_page")),
                "spam_terms": record.get("spam_terms") or [], "duplicate_of": kept,
            })
            self.duplicates += 1
        self.stats.records -= self.duplicates
        self.stats.rejects += self.duplicates
        if self.duplicates:
            self.stats.reasons["duplicate"] += self.duplicates

    def close(self) -> None:
        """Close every sink (the first error is raised after all are closed)."""
        error: Exception | None = None
        for sink in self._sinks():
            try:
                sink.close()
            except Exception as exc:  # noqa: BLE001 - re-raised below
                error = error or exc
        if error is not None:
            raise error
