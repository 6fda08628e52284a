"""Stream reader -> worker pool -> ordered writer.

`run()` pulls documents lazily from an iterator, cleans them (in-process for one job, in a
process pool otherwise) with a bounded number in flight, and hands every result to `emit`
in input order. Each document is isolated:

* an exception while cleaning one document becomes Reject(reason="error") for it alone;
* a document that runs longer than `timeout` seconds is stopped by SIGALRM inside the
  worker and becomes Reject(reason="timeout"); if the worker does not come back (stuck in C
  code), the parent kills the pool after `timeout * 1.5 + grace` and rejects it the same way;
* a worker process that dies (segfault, OOM kill, os._exit) breaks the whole pool: results
  already computed are kept, and every unfinished document is re-run alone in a fresh
  one-worker pool, so only the one that crashes again becomes Reject(reason="error").
"""

from __future__ import annotations

import json
import os
import signal
import threading
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from cleaners.record import Record, Reject
from mirrorclean import startgc
from mirrorclean.inputs import Document

if TYPE_CHECKING:  # the pool's modules are imported by the pool path alone: --jobs 1 and one page never load them
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.connection import Connection

    from cleaners.api import CleanOptions
    from cleaners.dedup import NearDuplicates

# The cleaning rules (cleaners.api: every rule module, numpy, trafilatura) are imported when a document is
# cleaned, not with this module: the command's other subcommands, --help and a pool's main process (whose
# workers do the cleaning) have no use for them.

Result = Record | Reject
CleanFunc = Callable[[Document, "CleanOptions"], Result]

#: Documents submitted to the pool and not finished, per worker: enough to keep workers busy.
IN_FLIGHT_PER_JOB = 4
#: Documents read and not yet written, per worker: finished results wait here for a slower earlier document, so
#: one slow page (seconds, on real crawls) does not leave the other workers idle once the in-flight ones are done.
AHEAD_PER_JOB = 32
#: ... and at most this many bytes of their inputs (a run of huge pages keeps memory flat too).
AHEAD_BYTES = 256 << 20

DEFAULT_TIMEOUT = 60.0
DEFAULT_GRACE = 10.0


def clean_one(doc: Document, options: CleanOptions) -> Result:
    """Clean one document with the library (the default worker function)."""
    from cleaners.api import clean_document

    return clean_document(
        doc.data, doc.source, url=doc.url, kind=doc.kind, http_charset=doc.http_charset, options=options,
        continuations=doc.continuations,
    )


# --------------------------------------------------------------------------- worker side


class DocumentTimeout(BaseException):
    """Raised by SIGALRM inside a worker. A BaseException so `except Exception` in cleaners can't eat it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _error_detail(exc: BaseException) -> str:
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        detail += f" (at {os.path.basename(last.filename)}:{last.lineno} in {last.name})"
    return detail


def process_document(doc: Document, options: CleanOptions, timeout: float, func: CleanFunc = clean_one) -> Result:
    """Clean one document under a time limit; never raises (except KeyboardInterrupt)."""
    if doc.error is not None:
        return Reject(doc.source, doc.reason, detail=doc.error, url=doc.url)
    armed = timeout > 0 and _can_alarm()
    previous: Any = None
    try:
        if armed:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            result = func(doc, options)
        finally:
            if armed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except DocumentTimeout:
        return Reject(doc.source, "timeout", detail=f"cleaning took longer than {timeout:g} s", url=doc.url)
    except (Exception, SystemExit) as exc:
        return Reject(doc.source, "error", detail=_error_detail(exc), url=doc.url)
    if not isinstance(result, (Record, Reject)):
        return Reject(doc.source, "error", detail=f"cleaner returned {type(result).__name__}", url=doc.url)
    return result


def _init_worker(lifeline: Connection | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which shuts the pool down, and end when the parent dies; the patterns
    a worker compiled are kept in the regex cache when it ends (a pool worker runs no atexit hooks)."""
    from multiprocessing.util import Finalize

    from mirrorclean.regexcache import install

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    startgc.resume()  # paused in the forkserver since its preload (cleaners.warm froze the tables)
    table = install()
    if table is not None:
        Finalize(None, table.save, exitpriority=0)
    if lifeline is not None:
        threading.Thread(target=_exit_with_parent, args=(lifeline,), name="lifeline", daemon=True).start()


def _exit_with_parent(lifeline: Connection) -> None:
    """Block on the lifeline until the main process's end of it closes (it exited, or was killed), then exit.

    A pool worker's parent is the forkserver, which itself only exits once every worker has (they hold its
    "alive" pipe), and the resource tracker waits for both: without this, `kill -9` of the main process
    left two workers, the forkserver and the resource tracker running for ever.
    """
    try:
        while True:
            lifeline.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(1)


_LIFELINE: tuple[int, Connection, Connection] | None = None


def _lifeline() -> Connection:
    """The read end of a pipe whose write end only this process holds (made once per process)."""
    global _LIFELINE
    if _LIFELINE is None or _LIFELINE[0] != os.getpid():
        import multiprocessing

        reader, writer = multiprocessing.Pipe(duplex=False)
        _LIFELINE = (os.getpid(), reader, writer)
    return _LIFELINE[1]


def kill_pool(pool: ProcessPoolExecutor | None) -> None:
    """Stop a pool now: kill its workers (they may be stuck) and release it."""
    if pool is None:
        return
    processes = getattr(pool, "_processes", None) or {}
    for proc in list(processes.values()):
        try:
            proc.kill()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=True, cancel_futures=True)


def wait_limit(timeout: float, grace: float = DEFAULT_GRACE) -> float | None:
    """How long the parent waits for a worker's result before it kills the worker (None: for ever)."""
    return timeout * 1.5 + grace if timeout > 0 else None


def new_pool(workers: int, ctx: multiprocessing.context.BaseContext | None = None) -> ProcessPoolExecutor:
    """A process pool of cleaning workers that ignore Ctrl-C and end when this process ends, however it ends."""
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx or _mp_context(), initializer=_init_worker,
                               initargs=(_lifeline(),))


def _mp_context() -> multiprocessing.context.BaseContext:
    """forkserver where available (no fork-with-threads hazards, cheap restarts), else spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # mirrorclean.__main__ first: it routes the cleaners' pattern compilation through the regex cache
        ctx.set_forkserver_preload(["mirrorclean.__main__", "cleaners.api", "mirrorclean.runner", "cleaners.warm"])
        return ctx
    return multiprocessing.get_context("spawn")


# --------------------------------------------------------------------------- results and stats


@dataclass
class Stats:
    """Counts for the summary line (and the demo)."""

    inputs: int = 0
    records: int = 0
    rejects: int = 0
    spam_pages: int = 0
    flags: int = 0
    near_duplicates: int = 0
    elapsed: float = 0.0
    resumed: int = 0  # inputs done by an earlier run that this one resumed (counted above, not timed)
    reasons: Counter[str] = field(default_factory=Counter)
    first_record: dict[str, Any] | None = None

    def add(self, result: Result, as_dict: dict[str, Any]) -> None:
        self.inputs += 1
        if isinstance(result, Reject):
            self.rejects += 1
            self.reasons[result.reason] += 1
        else:
            self.records += 1
            self.spam_pages += bool(as_dict.get("is_spam_page"))
            self.flags += len(as_dict.get("flags") or ())
            self.near_duplicates += as_dict.get("cluster") not in (None, as_dict.get("url") or as_dict.get("source"))
            if self.first_record is None:
                self.first_record = as_dict

    def summary(self, rejects_path: str | None = None) -> str:
        rate = (self.inputs - self.resumed) / self.elapsed if self.elapsed > 0 else 0.0
        where = f" (in {rejects_path})" if rejects_path and self.rejects else ""
        resumed = f" ({self.resumed} done before the resume)" if self.resumed else ""
        return (
            f"mirrorclean: {self.inputs} inputs{resumed}, {self.records} records, {self.rejects} rejects{where}, "
            f"{self.spam_pages} spam pages, {self.flags} flags, {self.near_duplicates} near-duplicates, "
            f"{self.elapsed:.1f} s ({rate:.0f} docs/s)"
        )


def json_line(obj: dict[str, Any]) -> bytes:
    """One JSON Lines line, UTF-8, Chinese kept as is (lone surrogates fall back to \\u escapes)."""
    line = json.dumps(obj, ensure_ascii=False, default=str)
    try:
        return (line + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, ensure_ascii=True, default=str) + "\n").encode("ascii")


class OutputError(Exception):
    """An output could not be opened or written (a folder, a full disk, no permission): the run stops."""


class JsonlSink:
    """A JSON Lines destination: an open binary stream, or a path opened on first write.

    A path is truncated when opened, or appended to with `append=True` (a resumed crawl). Each line goes
    out in one write and is flushed, so a crash leaves only whole lines behind. A failure to open or write
    raises OutputError naming the destination (a broken pipe stays a BrokenPipeError: the reader left).
    """

    def __init__(self, target: str | BinaryIO, *, lazy: bool = False, append: bool = False) -> None:
        self.path = target if isinstance(target, str) else None
        self.name = self.path if self.path is not None else "standard output"
        self._fh: BinaryIO | None = None if isinstance(target, str) else target
        self._owned = isinstance(target, str)
        self._append = append
        self.failed = False
        self.lines = 0
        if self.path is not None and not lazy:
            self._open()

    def _fail(self, exc: OSError) -> OutputError:
        self.failed = True
        return OutputError(f"cannot write {self.name}: {(exc.strerror or str(exc)).lower()}")

    def _open(self) -> BinaryIO:
        assert self.path is not None
        try:
            parent = os.path.dirname(self.path)
            if parent:
                os.makedirs(parent, exist_ok=True)
            self._fh = open(self.path, "ab" if self._append else "wb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise self._fail(exc) from None
        return self._fh

    def write(self, obj: dict[str, Any]) -> None:
        fh = self._fh if self._fh is not None else self._open()
        try:
            fh.write(json_line(obj))
            fh.flush()
        except BrokenPipeError:
            self.failed = True
            raise
        except OSError as exc:
            raise self._fail(exc) from None
        self.lines += 1

    def close(self) -> None:
        """Close an owned file; after a failed write, quietly (the error was raised already)."""
        if self._fh is None or not self._owned:
            return
        fh, self._fh = self._fh, None
        try:
            fh.close()
        except OSError as exc:
            if not self.failed:
                raise self._fail(exc) from None


class Writer:
    """Routes records and rejects to their sinks, assigns near-duplicate clusters and keeps the stats."""

    def __init__(self, records: JsonlSink, rejects: JsonlSink, clusters: NearDuplicates | None = None) -> None:
        from cleaners.dedup import NearDuplicates

        self.records = records
        self.rejects = rejects
        self.clusters = clusters if clusters is not None else NearDuplicates()
        self.stats = Stats()

    def __call__(self, result: Result) -> None:
        as_dict = result.to_dict()
        if not isinstance(result, Reject):
            key = as_dict.get("url") or as_dict["source"]
            as_dict["cluster"], as_dict["cluster_similarity"] = self.clusters.add(key, as_dict.get("text") or "")
        (self.rejects if isinstance(result, Reject) else self.records).write(as_dict)
        self.stats.add(result, as_dict)


# --------------------------------------------------------------------------- the pipeline


@dataclass
class _Slot:
    doc: Document
    future: Future[Result] | None = None
    result: Result | None = None


def run(
    docs: Iterable[Document],
    emit: Callable[[Result], None],
    *,
    jobs: int = 1,
    options: CleanOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    grace: float = DEFAULT_GRACE,
    func: CleanFunc = clean_one,
    on_unreadable: Callable[[Document], None] | None = None,
) -> None:
    """Clean every document and call `emit` with each result, in input order.

    `func` must be a module-level function (it is pickled to the workers). `on_unreadable` is
    called for inputs that could not be read (before their reject is emitted).
    """
    if options is None:
        from cleaners.api import CleanOptions

        options = CleanOptions()
    opts = options

    def unreadable_hook(stream: Iterable[Document]) -> Iterator[Document]:
        for doc in stream:
            if doc.error is not None and on_unreadable is not None:
                on_unreadable(doc)
            yield doc

    stream = unreadable_hook(docs)
    if jobs > 1:
        # Don't start a pool for a single document.
        head = [doc for _, doc in zip(range(2), stream, strict=False)]
        if len(head) < 2:
            jobs = 1
        stream = _chain(head, stream)
    if jobs <= 1:
        for doc in stream:
            result = process_document(doc, opts, timeout, func)
            startgc.resume()  # the first page built the tables (a no-op after it, and outside the command)
            emit(result)
        return
    startgc.resume()
    _PoolRunner(jobs, opts, timeout, grace, func).run(stream, emit)


def _chain(head: list[Document], rest: Iterator[Document]) -> Iterator[Document]:
    yield from head
    yield from rest


class _PoolRunner:
    """The parallel path of `run()`: bounded submission, ordered collection, crash recovery."""

    def __init__(self, jobs: int, options: CleanOptions, timeout: float, grace: float, func: CleanFunc) -> None:
        self.jobs = jobs
        self.options = options
        self.timeout = timeout
        self.grace = grace
        self.func = func
        self.ctx = _mp_context()
        self.pool: ProcessPoolExecutor | None = None

    # -- pool management

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return new_pool(workers, self.ctx)

    @staticmethod
    def _kill(pool: ProcessPoolExecutor | None) -> None:
        kill_pool(pool)

    def _submit(self, pool: ProcessPoolExecutor, slot: _Slot) -> None:
        from concurrent.futures.process import BrokenProcessPool

        if slot.doc.error is not None:  # nothing to clean: resolve it here
            slot.result = process_document(slot.doc, self.options, self.timeout, self.func)
            return
        try:
            slot.future = pool.submit(process_document, slot.doc, self.options, self.timeout, self.func)
        except BrokenProcessPool:
            slot.future = None  # picked up by recovery

    def _wait_limit(self) -> float | None:
        return wait_limit(self.timeout, self.grace)

    def _timeout_reject(self, doc: Document) -> Reject:
        return Reject(doc.source, "timeout", detail=f"no result after {self._wait_limit():g} s; worker killed", url=doc.url)

    # -- main loop

    def run(self, stream: Iterator[Document], emit: Callable[[Result], None]) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        window, ahead = self.jobs * IN_FLIGHT_PER_JOB, self.jobs * AHEAD_PER_JOB
        pending: deque[_Slot] = deque()
        running: set[Future[Result]] = set()  # submitted and not seen finished
        held = 0  # input bytes of `pending`
        exhausted = False
        self.pool = self._new_pool(self.jobs)
        try:
            while True:
                running = {f for f in running if not f.done()}
                while not exhausted and len(running) < window and (
                        len(pending) < window or len(pending) < ahead and held < AHEAD_BYTES):
                    doc = next(stream, None)
                    if doc is None:
                        exhausted = True
                        break
                    slot = _Slot(doc)
                    self._submit(self.pool, slot)
                    pending.append(slot)
                    held += len(doc.data)
                    if slot.future is not None:
                        running.add(slot.future)
                if not pending:
                    break
                head = pending[0]
                if head.result is None and head.future is not None and not head.future.done() and (
                        not exhausted and len(pending) < ahead and held < AHEAD_BYTES):
                    # room to read ahead: wait for any document, not the oldest, then refill the pool
                    if wait(running, timeout=self._wait_limit(), return_when=FIRST_COMPLETED).done:
                        continue
                    self._resolve_head(pending, limit=0.0)  # nothing finished in the whole limit: stuck
                elif head.result is None:
                    self._resolve_head(pending)
                pending.popleft()
                held -= len(head.doc.data)
                running = {slot.future for slot in pending if slot.future is not None}
                assert head.result is not None
                emit(head.result)
        finally:
            if pending:  # interrupted: don't wait for the documents still in flight
                self._kill(self.pool)
            elif self.pool is not None:
                self.pool.shutdown(wait=True)
            self.pool = None

    def _resolve_head(self, pending: deque[_Slot], limit: float | None = -1.0) -> None:
        """Wait for the oldest document (`limit` seconds; default: the wait limit); on a crash or hang, recover
        every unfinished one."""
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        head = pending[0]
        if head.future is not None:
            try:
                head.result = head.future.result(timeout=self._wait_limit() if limit == -1.0 else limit)
                return
            except FutureTimeout:
                # Stuck where SIGALRM can't reach: kill the pool, the others were innocent.
                head.result = self._timeout_reject(head.doc)
                self._restart(pending, isolate=False)
                return
            except BrokenProcessPool:
                pass
            except Exception as exc:  # e.g. a result that could not be pickled back
                head.result = Reject(head.doc.source, "error", detail=_error_detail(exc), url=head.doc.url)
                return
        self._restart(pending, isolate=True)

    def _restart(self, pending: deque[_Slot], *, isolate: bool) -> None:
        """Replace the pool; keep finished results, re-run the rest (each alone when `isolate`)."""
        for slot in pending:
            if slot.result is None and slot.future is not None and slot.future.done():
                if not slot.future.cancelled() and slot.future.exception() is None:
                    slot.result = slot.future.result()
        self._kill(self.pool)
        self.pool = None
        unfinished = [slot for slot in pending if slot.result is None]
        if isolate:
            self._isolate(unfinished)
        self.pool = self._new_pool(self.jobs)
        for slot in unfinished:
            if slot.result is None:
                self._submit(self.pool, slot)

    def _isolate(self, slots: list[_Slot]) -> None:
        """Run suspects one at a time in a one-worker pool; one that kills it again is the culprit."""
        from concurrent.futures import TimeoutError as FutureTimeout
        from concurrent.futures.process import BrokenProcessPool

        pool = self._new_pool(1)
        try:
            for slot in slots:
                try:
                    future = pool.submit(process_document, slot.doc, self.options, self.timeout, self.func)
                    slot.result = future.result(timeout=self._wait_limit())
                    continue
                except FutureTimeout:
                    slot.result = self._timeout_reject(slot.doc)
                except BrokenProcessPool:
                    slot.result = Reject(
                        slot.doc.source,
                        "error",
                        detail="the worker process died while cleaning this document",
                        url=slot.doc.url,
                    )
                self._kill(pool)
                pool = self._new_pool(1)
        finally:
            self._kill(pool)
