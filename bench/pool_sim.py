"""What the pool's scheduling alone costs `clean --jobs 2`: each page's one-core CPU time, measured in-process, replayed
through the runner's feeding rule on N idle workers (no other load, no pool overhead).

    .venv/bin/python bench/pool_sim.py ../shared/eval/daniel-zh-dev/html ../shared/eval/wild-2017/pages

Prints, per folder, the speedup over one worker with the old rule (at most 4 documents per worker submitted, the
oldest awaited before reading more) and with the current one (4 per worker in the pool, up to 32 per worker read
ahead while an older one is still being cleaned); the pages are repeated to at least 1,000.
"""

from __future__ import annotations

import argparse
import time
from collections import deque
from pathlib import Path

from cleaners import CleanOptions
from mirrorclean.inputs import read_file, wanted
from mirrorclean.runner import AHEAD_PER_JOB, IN_FLIGHT_PER_JOB, clean_one


def page_times(folder: Path) -> list[float]:
    """CPU seconds of `clean_one` for each page of `folder` (after one unmeasured page: imports, tables)."""
    docs = [read_file(str(p), p.name) for p in sorted(folder.rglob("*")) if p.is_file() and wanted(p.name)]
    opts = CleanOptions()
    clean_one(docs[0], opts)
    out = []
    for doc in docs:
        start = time.process_time()
        clean_one(doc, opts)
        out.append(time.process_time() - start)
    return out


def makespan(costs: list[float], jobs: int, window: int, ahead: int) -> float:
    """Time to clean `costs` in order with `jobs` workers: at most `window` submitted and unfinished, at most
    `ahead` read and not yet written (written in input order as soon as the oldest is done)."""
    busy_until: list[float] = [0.0] * jobs
    doing: list[int | None] = [None] * jobs
    queue: deque[int] = deque()
    done: set[int] = set()
    now, read, written = 0.0, 0, 0
    while written < len(costs):
        unfinished = sum(1 for i in range(written, read) if i not in done)
        while read < len(costs) and read - written < ahead and unfinished < window:
            queue.append(read)
            read += 1
            unfinished += 1
        for w in range(jobs):
            if doing[w] is None and queue:
                doing[w] = queue.popleft()
                busy_until[w] = now + costs[doing[w]]
        if written in done:
            written += 1
            continue
        w = min((w for w in range(jobs) if doing[w] is not None), key=busy_until.__getitem__)
        now = busy_until[w]
        done.add(doing[w])  # type: ignore[arg-type]
        doing[w] = None
    return now


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    for folder in args.folders:
        costs = page_times(folder)
        costs = costs * max(1, -(-1000 // len(costs)))
        one = sum(costs)
        window = args.jobs * IN_FLIGHT_PER_JOB
        old = makespan(costs, args.jobs, window, window)
        new = makespan(costs, args.jobs, window, args.jobs * AHEAD_PER_JOB)
        print(f"{folder}: {len(costs)} pages, {one:.1f} CPU s on one worker; --jobs {args.jobs}: oldest-first window "
              f"{one / old:.2f}x, read-ahead {one / new:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
