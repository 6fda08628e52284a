"""Records of this checkout against those of another commit, page by page (speed work must not change output).

    git worktree add /tmp/old13 4ab0432
    .venv/bin/python bench/parity.py --old /tmp/old13 fixtures/pages fixtures/holdout*/pages \\
        ../shared/eval/daniel-zh-dev/html ../shared/eval/scrapinghub-aeb/html ../shared/eval/wild-2017/pages

Each side cleans every file (as `mirrorclean clean` reads it: .gz unpacked, kind from the extension) in a fresh
interpreter whose `sys.path` starts at its checkout, one process, one core, and writes one JSON line per file.
The old side's lines are cached next to its checkout (`.parity-cache/`, keyed by its commit and the inputs), so
a second run only cleans the new side. Prints, per folder, the number of pages whose record differs (the first
few differences field by field) and the CPU seconds of each side (time.process_time, so other load on the
machine does not count). Exit status 1 when any record differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

WORKER = r"""
import json, sys, time
from pathlib import Path
from cleaners import CleanOptions
from mirrorclean.inputs import read_file, wanted
from mirrorclean.runner import clean_one

out = open(sys.argv[1], "w", encoding="utf-8")
opts = CleanOptions()
for folder in sys.argv[2:]:
    files = [p for p in sorted(Path(folder).rglob("*")) if p.is_file() and wanted(p.name)]
    cpu = time.process_time()
    for p in files:
        doc = read_file(str(p), p.name)
        rec = clean_one(doc, opts).to_dict()
        out.write(json.dumps({"folder": folder, "file": p.name, "record": rec}, ensure_ascii=False, sort_keys=True) + "\n")
    out.write(json.dumps({"folder": folder, "cpu": time.process_time() - cpu, "pages": len(files)}) + "\n")
out.close()
"""


def run_side(root: Path, folders: list[str], out: Path) -> None:
    """Clean `folders` with the code of checkout `root` into `out` (JSON lines)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = [sys.executable, "-c", WORKER, str(out), *folders]
    subprocess.run(cmd, cwd=root, env=env, check=True)


def _commit(root: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True).stdout.strip()


def load(path: Path) -> tuple[dict[tuple[str, str], dict], dict[str, float]]:
    """(folder, file) -> record, and folder -> CPU seconds."""
    records: dict[tuple[str, str], dict] = {}
    cpu: dict[str, float] = {}
    for line in path.read_text("utf-8").splitlines():
        obj = json.loads(line)
        if "cpu" in obj:
            cpu[obj["folder"]] = obj["cpu"]
        else:
            records[(obj["folder"], obj["file"])] = obj["record"]
    return records, cpu


def diff_fields(a: dict, b: dict) -> list[str]:
    return [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--old", required=True, help="checkout of the reference commit (git worktree add /tmp/old13 4ab0432)")
    ap.add_argument("--show", type=int, default=3, help="differences shown per folder")
    args = ap.parse_args(argv)
    folders = [str(Path(f).resolve()) for f in args.folders]
    old, new = Path(args.old).resolve(), Path(__file__).resolve().parent.parent
    key = hashlib.sha1(json.dumps([_commit(old), folders]).encode()).hexdigest()[:16]
    cache = old / ".parity-cache" / f"{key}.jsonl"
    if not cache.exists():
        cache.parent.mkdir(exist_ok=True)
        run_side(old, folders, cache)
    with tempfile.TemporaryDirectory() as tmp:
        mine = Path(tmp, "new.jsonl")
        run_side(new, folders, mine)
        new_recs, new_cpu = load(mine)
    old_recs, old_cpu = load(cache)
    differing = 0
    for folder in folders:
        names = sorted({f for (d, f) in old_recs if d == folder} | {f for (d, f) in new_recs if d == folder})
        bad = [n for n in names if old_recs.get((folder, n)) != new_recs.get((folder, n))]
        differing += len(bad)
        print(f"{folder}: {len(names)} pages, {len(bad)} differ; CPU old {old_cpu.get(folder, 0):.1f} s, "
              f"new {new_cpu.get(folder, 0):.1f} s ({old_cpu.get(folder, 0) / max(new_cpu.get(folder, 0), 1e-9):.2f}x)")
        for n in bad[: args.show]:
            a, b = old_recs.get((folder, n)) or {}, new_recs.get((folder, n)) or {}
            print(f"  {n}: {', '.join(diff_fields(a, b))}")
            for k in diff_fields(a, b)[:2]:
                print(f"    old {k}: {json.dumps(a.get(k), ensure_ascii=False)[:300]}")
                print(f"    new {k}: {json.dumps(b.get(k), ensure_ascii=False)[:300]}")
    total_old, total_new = sum(old_cpu.values()), sum(new_cpu.values())
    print(f"total: {differing} records differ; CPU old {total_old:.1f} s, new {total_new:.1f} s "
          f"({total_old / max(total_new, 1e-9):.2f}x)")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
