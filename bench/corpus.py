"""Corpus-mode benchmark (issue 12): clean N pages streamed from one WARC.gz vs the same pages as a folder of files.

    .venv/bin/python bench/corpus.py --pages 20000 --jobs 2

Builds N pages from the real pages at hand (fixtures/pages, DAnIEL, Scrapinghub AEB and wild-2017 under
../shared/eval when present), each copy made distinct by a comment, writes them once as a folder of .html files
and once as responses in a WARC.gz (warcio), then times `mirrorclean clean FOLDER -o f.jsonl -j J` and
`mirrorclean clean PAGES.warc.gz -o w.jsonl -j J` in the same run, one after the other. For each it reports
wall time, pages/s, and the peak resident memory (VmHWM) of the largest process of the run's process tree
(main process, forkserver, workers), sampled from /proc every 0.2 s. The goal: the WARC run's largest process
<= 600 MB, its rate within 10% of the folder's. Not a test: figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"  # ../shared beside the work tree
SOURCES = [ROOT / "fixtures" / "pages", SHARED / "daniel-zh-dev" / "html", SHARED / "scrapinghub-aeb" / "html",
           SHARED / "wild-2017" / "pages"]


def source_pages() -> list[Path]:
    pages: list[Path] = []
    for folder in SOURCES:
        if folder.is_dir():
            pages += sorted(p for p in folder.rglob("*") if p.suffix in (".html", ".htm") and p.is_file())
    return pages


def build(n: int, folder: Path, warc: Path) -> int:
    """Write n distinct pages as files under `folder` and as responses in `warc`; return the bytes per copy."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = source_pages()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    with warc.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            src = pages[i % len(pages)]
            body = src.read_bytes() + f"\n<!-- copy {i} -->\n".encode()
            total += len(body)
            sub = folder / f"{i // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:06d}.html").write_bytes(body)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://bench.example.cn/{i}.html", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))
    return total


def _tree(root: int) -> set[int]:
    """The pids of `root` and its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                pass
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def timed_run(args: list[str]) -> dict[str, float]:
    """Run one `mirrorclean clean`; wall time and the largest process's peak RSS (MB) in its tree."""
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "mirrorclean", "clean", *args, "-q"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
        time.sleep(0.2)
    wall = time.monotonic() - start
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}): {err[-2000:]}")
    summary = err.strip().splitlines()[-1] if err.strip() else ""
    return {"wall_s": round(wall, 1), "largest_process_mb": round(max(peaks.values(), default=0) / 1024, 1),
            "main_process_mb": round(peaks.get(proc.pid, 0) / 1024, 1), "summary": summary}  # type: ignore[dict-item]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="mc-corpus-") as tmp:
        folder, warc = Path(tmp, "pages"), Path(tmp, "pages.warc.gz")
        size = build(args.pages, folder, warc)
        print(f"{args.pages} pages, {size / 1e6:.0f} MB of HTML; WARC.gz {warc.stat().st_size / 1e6:.0f} MB", flush=True)
        results = {}
        for name, target in (("folder", str(folder)), ("warc", str(warc))):
            out = Path(tmp, f"{name}.jsonl")
            r = timed_run([target, "-o", str(out), "-j", str(args.jobs)])
            r["pages_per_s"] = round(args.pages / r["wall_s"], 1)
            results[name] = r
            print(f"{name:6} {r['wall_s']:8.1f} s  {r['pages_per_s']:6.1f} pages/s  largest process "
                  f"{r['largest_process_mb']:.0f} MB (main {r['main_process_mb']:.0f} MB)", flush=True)
            print(f"       {r['summary']}", flush=True)
        ratio = results["warc"]["pages_per_s"] / results["folder"]["pages_per_s"]
        print(f"WARC rate / folder rate: {ratio:.3f}; largest WARC-run process {results['warc']['largest_process_mb']:.0f} MB")
        if args.json:
            Path(args.json).write_text(json.dumps({"pages": args.pages, "jobs": args.jobs, "ratio": round(ratio, 3),
                                                   **results}, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
