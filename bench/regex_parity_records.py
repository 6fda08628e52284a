"""Whole-pipeline parity of a rewrite: `mirrorclean clean` on the same inputs with an older commit and with this
tree, record by record and reject by reject.

    .venv/bin/python bench/regex_parity_records.py --old 4ab0432 fixtures ../shared/eval/daniel-zh-dev/html \\
        ../shared/eval/scrapinghub-aeb/html ../shared/eval/wild-2017

The old commit is exported with `git archive` into a temporary folder (the repository and its worktrees are
not touched) and run with `PYTHONPATH` pointing at it, in the same venv. Prints the number of records and
rejects that differ (the goal of a pure speed or safety rewrite is 0), the fields that differ and, for the
first few differences, the source and the two values; and the time each run took (the same machine, one
after the other, so a ratio rather than absolute figures).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(paths: list[str], out: Path, pythonpath: str | None, extra: list[str]) -> float:
    """Clean `paths` into `out` (rejects next to it) with the code on `pythonpath` (None: this tree)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    start = time.perf_counter()
    # run from the code's own folder: `-m` puts the working directory first on sys.path, ahead of PYTHONPATH, so
    # from ROOT the old run imported this tree and compared it with itself
    subprocess.run([sys.executable, "-m", "mirrorclean", "clean", *paths, "-q", "--timeout", "900", *extra,
                    "-o", str(out)], cwd=pythonpath or ROOT, env=env, check=False)
    return time.perf_counter() - start


def read(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path.exists():
        for i, line in enumerate(path.read_text("utf-8").splitlines()):
            item = json.loads(line)
            out[f"{item.get('source')}#{i if item.get('source') in out else 0}"] = item
    return out


def compare(kind: str, old: dict[str, dict], new: dict[str, dict], show: int) -> int:
    fields: Counter[str] = Counter()
    differing = [k for k in old.keys() | new.keys() if old.get(k) != new.get(k)]
    for key in sorted(differing):
        a, b = old.get(key) or {}, new.get(key) or {}
        changed = sorted(f for f in a.keys() | b.keys() if a.get(f) != b.get(f))
        fields.update(changed)
        if show > 0:
            show -= 1
            for f in changed[:3]:
                print(f"  {key} {f}: {str(a.get(f))[:120]!r} -> {str(b.get(f))[:120]!r}")
    print(f"{kind}: {len(old)} old, {len(new)} new, {len(differing)} differ"
          + (f" (fields: {dict(fields)})" if fields else ""))
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", default="4ab0432", help="the commit to compare with (default 4ab0432)")
    parser.add_argument("--jobs", default="2", help="worker processes of each run (default 2)")
    parser.add_argument("--show", type=int, default=10, help="differences printed in full (default 10)")
    parser.add_argument("--unspin", action="store_true", help="clean with --unspin (the spin path too)")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    paths = [str(Path(p).resolve()) for p in args.paths]
    extra = ["-j", args.jobs] + (["--unspin"] if args.unspin else [])
    with tempfile.TemporaryDirectory(prefix="parity-") as tmp:
        export = Path(tmp) / "old"
        export.mkdir()
        archive = subprocess.run(["git", "archive", args.old], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(export)], input=archive, check=True)
        t_old = run(paths, Path(tmp) / "old.jsonl", str(export), extra)
        t_new = run(paths, Path(tmp) / "new.jsonl", None, extra)
        print(f"{args.old}: {t_old:.1f} s; this tree: {t_new:.1f} s (x{t_new / max(t_old, 1e-9):.2f})")
        bad = compare("records", read(Path(tmp) / "old.jsonl"), read(Path(tmp) / "new.jsonl"), args.show)
        bad += compare("rejects", read(Path(tmp) / "old.rejects.jsonl"), read(Path(tmp) / "new.rejects.jsonl"),
                       args.show)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
