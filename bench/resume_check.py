"""Kill a 2,000-page corpus run with `kill -9` after a few seconds, `--resume` it, and check every input once.

    .venv/bin/python bench/resume_check.py --pages 2000 --kill-after 8 --jobs 2 [--format jsonl.zst] [--dedup]

Builds the pages as bench/corpus.py does (real pages, each made distinct), in one WARC.gz, starts
`mirrorclean clean PAGES.warc.gz -o OUT`, sends SIGKILL to the main process after `--kill-after` seconds (its
workers end with it), runs the same command with `--resume`, then reads OUT and the rejects and counts each
input's `source`: every WARC response must be there exactly once. Prints what the killed run had committed,
what the resumed run did, and the count. A check to run by hand (slow), not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import build  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--kill-after", type=float, default=8.0, metavar="SECONDS")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "jsonl.gz", "jsonl.zst", "parquet"])
    parser.add_argument("--dedup", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mc-resume-") as tmp:
        warc = Path(tmp, "pages.warc.gz")
        build(args.pages, Path(tmp, "unused"), warc)
        out = Path(tmp, "out." + args.format)
        cmd = [sys.executable, "-m", "mirrorclean", "clean", str(warc), "-o", str(out), "-q", "-j", str(args.jobs)]
        cmd += ["--dedup"] if args.dedup else []
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(args.kill_after)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        state = json.loads(Path(tmp, "out.state.json").read_text("utf-8"))
        print(f"killed after {args.kill_after:g} s: state says {state['done']} inputs done, phase {state['phase']}")
        start = time.monotonic()
        resumed = subprocess.run([*cmd, "--resume"], cwd=ROOT, capture_output=True, text=True)
        print(f"resumed run: exit {resumed.returncode}, {time.monotonic() - start:.0f} s")
        print("  " + "\n  ".join(resumed.stderr.strip().splitlines()[-4:]))
        sources: Counter[str] = Counter()
        if args.format == "parquet":
            import pyarrow.parquet as pq

            for shard in sorted(out.glob("*.parquet")):
                sources.update(pq.read_table(shard, columns=["source"]).column("source").to_pylist())
        else:
            from mirrorclean.sinks import read_back

            sources.update(r["source"] for r in read_back(str(out), args.format, {"bytes": out.stat().st_size}))
        with Path(tmp, "out.rejects.jsonl").open(encoding="utf-8") as fh:
            sources.update(json.loads(line)["source"] for line in fh)
        from mirrorclean.inputs import read_warc

        expected = [d.source for d in read_warc(str(warc), str(warc))]
        twice = [s for s, n in sources.items() if n > 1]
        missing = set(expected) - set(sources)
        print(f"{len(expected)} inputs: {len(set(sources) & set(expected))} present, {len(missing)} missing, "
              f"{len(twice)} more than once -> {'EXACTLY ONCE' if not missing and not twice else 'FAILED'}")
        return 0 if not missing and not twice else 1


if __name__ == "__main__":
    raise SystemExit(main())
