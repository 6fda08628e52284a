"""CPU the `mirrorclean clean` command spends on a run beyond cleaning: walking and reading the inputs, the
runner's bookkeeping, each result's dict, near-duplicate clusters, JSON, the writes and the state file's commits.

    .venv/bin/python bench/cli_overhead.py ../shared/eval/daniel-zh-dev/html

Every document is cleaned once first (not timed); then the command runs `--passes` times with the cleaning
replaced by a look-up of those results (the same records are written), and the best pass's CPU is printed per
document. Imports and start-up are not in it (`mirrorclean bench clean` times those).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    from cleaners import CleanOptions
    from mirrorclean import cli, runner
    from mirrorclean.inputs import iter_documents

    options = CleanOptions()
    results = {doc.source: runner.clean_one(doc, options) for doc in iter_documents(args.paths)}
    runner.clean_one = lambda doc, opts: results[doc.source]  # run_clean looks it up at call time
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp, "out.jsonl"))
        for _ in range(args.passes):
            start = time.process_time()
            code = cli.main(["clean", *args.paths, "--jobs", "1", "-q", "--overwrite", "-o", out])
            best = min(best, time.process_time() - start)
            if code:
                return code
    print(f"clean --jobs 1 without the cleaning: best of {args.passes} passes {best:.3f} CPU s for {len(results)} "
          f"documents = {1000 * best / max(1, len(results)):.2f} ms a document", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
