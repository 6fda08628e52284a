"""Benchmarks reported as ratios against a peer measured in the same run (never asserted in tests).

    mirrorclean bench crawl [--replicate 120]   crawl+clean of the replicated fixture site vs one-core `clean`
    mirrorclean bench clean [FOLDER]            `mirrorclean clean` (all cores) vs a bare trafilatura.extract loop

Each side runs as a fresh subprocess, start-up included, timed by wall clock.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRAFILATURA_LOOP = """
import sys, pathlib, trafilatura
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*')):
    if p.is_file():
        trafilatura.extract(p.read_bytes())
        n += 1
print(n)
"""


def _timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed:\n{proc.stderr[-2000:]}")
    return secs, proc


def _count_lines(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


def bench_crawl(replicate: int = 120, workers: int = -1) -> dict[str, float]:
    """Crawl+clean pages/s on the replicated fixture site vs one-core `mirrorclean clean` on the same pages."""
    from mirrorclean.testsite import SiteApp, TestSite

    with tempfile.TemporaryDirectory() as tmp, TestSite(replicate=replicate) as site:
        pages = Path(tmp, "pages")
        pages.mkdir()
        app = SiteApp("hualong", site.root, replicate)
        paths = site.article_paths("hualong")
        for i, path in enumerate(paths):
            reply = app.handle(path)
            (pages / f"{i:05d}.html").write_bytes(reply.body)
        clean_out = Path(tmp, "clean.jsonl")
        clean_secs, _ = _timed([sys.executable, "-m", "mirrorclean", "clean", str(pages), "--jobs", "1", "-q",
                                "-o", str(clean_out)])
        crawl_out = Path(tmp, "crawl.jsonl")
        starts = [site.url("hualong", "/"), site.url("hualong", "/mirrors.html")]
        crawl_secs, proc = _timed([
            sys.executable, "-m", "mirrorclean", "crawl", *starts, "-o", str(crawl_out),
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS=32",
            "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=32", "-s", "CLOSESPIDER_PAGECOUNT=50000",
            "-s", f"MIRRORCLEAN_WORKERS={workers}",
        ])
        # Replicas differ only in a marker line the extractor drops, so DuplicatePipeline keeps one copy
        # of each text: count the pages cleaned into articles (the crawl's own stat) instead.
        m = re.search(r"(\d+) articles", proc.stderr)
        articles = int(m.group(1)) if m else _count_lines(crawl_out)
        fetched = len(site.requests)
        return {
            "pages": len(paths),
            "clean_1core_pages_per_s": len(paths) / clean_secs,
            "clean_secs": clean_secs,
            "crawl_articles": articles,
            "crawl_fetched": fetched,
            "crawl_secs": crawl_secs,
            "crawl_articles_per_s": articles / crawl_secs,
            "ratio": (articles / crawl_secs) / (len(paths) / clean_secs),
            "cores": os.cpu_count() or 1,
        }


def bench_clean(folder: Path) -> dict[str, float]:
    """`mirrorclean clean FOLDER` (all cores) vs a bare loop of trafilatura.extract over the same files."""
    files = [p for p in sorted(folder.rglob("*")) if p.is_file()]
    with tempfile.TemporaryDirectory() as tmp:
        ours, _ = _timed([sys.executable, "-m", "mirrorclean", "clean", str(folder), "-q", "-o", str(Path(tmp, "o.jsonl"))])
        peer, _ = _timed([sys.executable, "-c", TRAFILATURA_LOOP, str(folder)])
    return {
        "pages": len(files),
        "mirrorclean_secs": ours,
        "mirrorclean_pages_per_s": len(files) / ours,
        "trafilatura_secs": peer,
        "trafilatura_pages_per_s": len(files) / peer,
        "ratio": peer / ours,
        "cores": os.cpu_count() or 1,
    }


def main(kind: str, arg: str | None, replicate: int) -> int:
    if kind == "crawl":
        result = bench_crawl(replicate)
        print(f"crawl+clean: {result['crawl_articles']:.0f} articles ({result['crawl_fetched']:.0f} requests) in "
              f"{result['crawl_secs']:.1f} s = {result['crawl_articles_per_s']:.1f} articles/s")
        print(f"clean --jobs 1: {result['pages']:.0f} pages in {result['clean_secs']:.1f} s = "
              f"{result['clean_1core_pages_per_s']:.1f} pages/s")
        print(f"ratio crawl+clean / one-core clean: {result['ratio']:.2f}x on {result['cores']} cores (target >= 1.6x)")
    else:
        folder = Path(arg) if arg else Path(__file__).resolve().parent.parent / "fixtures" / "pages"
        result = bench_clean(folder)
        print(f"mirrorclean clean: {result['pages']:.0f} pages in {result['mirrorclean_secs']:.1f} s = "
              f"{result['mirrorclean_pages_per_s']:.1f} pages/s (all {result['cores']} cores, start-up included)")
        print(f"bare trafilatura.extract loop: {result['trafilatura_secs']:.1f} s = "
              f"{result['trafilatura_pages_per_s']:.1f} pages/s")
        print(f"ratio (trafilatura time / mirrorclean time): {result['ratio']:.2f}x (target >= 1.0)")
    print(json.dumps(result))
    return 0
