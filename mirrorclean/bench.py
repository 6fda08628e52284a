"""Benchmarks reported as ratios against a peer measured in the same run (never asserted in tests).

    mirrorclean bench crawl [--replicate 120]   crawl+clean of the replicated fixture site vs one-core `clean`,
                                                and the ceiling a fetch-only crawl's CPU cost leaves
    mirrorclean bench clean [FOLDER]            `mirrorclean clean` (all cores) vs a bare trafilatura.extract loop

Each side runs as a fresh subprocess, start-up included, timed by wall clock.
"""

from __future__ import annotations

import json
import os
import re
import resource
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


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    secs, _, proc = _timed_cpu(cmd)
    return secs, proc


def _timed_cpu(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds of the child (its own process; not of a pool it forks) and the result."""
    cpu0, t0 = _cpu_children(), time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    secs, cpu = time.perf_counter() - t0, _cpu_children() - cpu0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed:\n{proc.stderr[-2000:]}")
    return secs, cpu, proc


def _count_lines(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


FETCH_ONLY = """
import json, sys
from mirrorclean.crawl import run_crawl
overrides = json.loads(sys.argv[1])
print(json.dumps(vars(run_crawl(sys.argv[2:], "-", overrides))))
"""


def bench_crawl(replicate: int = 120, workers: int = -1) -> dict[str, float]:
    """Crawl+clean pages/s on the replicated fixture site vs one-core `mirrorclean clean` on the same pages.

    A third run crawls the same site with no item pipelines (fetch, spider, frontier: no cleaning) to measure
    what Scrapy itself costs per page. Its CPU plus the one-core clean's CPU plus the test server's, spread
    perfectly over the cores, bounds what any crawl+clean on this machine can reach (`ceiling`).
    """
    from mirrorclean.testsite import SiteApp, TestSite

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    local = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 32,
             "CONCURRENT_REQUESTS_PER_DOMAIN": 32, "CLOSESPIDER_PAGECOUNT": 50000}
    with tempfile.TemporaryDirectory() as tmp, TestSite(replicate=replicate) as site:
        pages = Path(tmp, "pages")
        pages.mkdir()
        app = SiteApp("hualong", site.root, replicate)
        paths = site.article_paths("hualong")
        for i, path in enumerate(paths):
            reply = app.handle(path)
            (pages / f"{i:05d}.html").write_bytes(reply.body)
        clean_out = Path(tmp, "clean.jsonl")
        clean_secs, clean_cpu, _ = _timed_cpu([sys.executable, "-m", "mirrorclean", "clean", str(pages), "--jobs", "1",
                                               "-q", "-o", str(clean_out)])
        crawl_out = Path(tmp, "crawl.jsonl")
        starts = [site.url("hualong", "/"), site.url("hualong", "/mirrors.html")]
        sets = [arg for key, value in {**local, "MIRRORCLEAN_WORKERS": workers}.items()
                for arg in ("-s", f"{key}={int(value) if isinstance(value, bool) else value}")]
        crawl_secs, _, proc = _timed_cpu([sys.executable, "-m", "mirrorclean", "crawl", *starts, "-o", str(crawl_out),
                                          *sets])
        # Count the pages cleaned into articles (the crawl's own stat), before the duplicate pipeline.
        m = re.search(r"(\d+) articles", proc.stderr)
        articles = int(m.group(1)) if m else _count_lines(crawl_out)
        fetched = len(site.requests)
        site.clear_requests()
        server0 = _cpu_self()
        fetch_secs, fetch_cpu, fetch = _timed_cpu([sys.executable, "-c", FETCH_ONLY,
                                                   json.dumps({**local, "ITEM_PIPELINES": {}, "FEEDS": {}}), *starts])
        server_cpu = _cpu_self() - server0  # the test server's threads, serving the fetch-only crawl
        fetch_pages = int(json.loads(fetch.stdout.strip().splitlines()[-1])["pages"])
        ceiling = clean_secs / ((fetch_cpu + clean_cpu + server_cpu) / cores)
        return {
            "pages": len(paths),
            "clean_1core_pages_per_s": len(paths) / clean_secs,
            "clean_secs": clean_secs,
            "clean_cpu": clean_cpu,
            "crawl_articles": articles,
            "crawl_fetched": fetched,
            "crawl_secs": crawl_secs,
            "crawl_articles_per_s": articles / crawl_secs,
            "ratio": (articles / crawl_secs) / (len(paths) / clean_secs),
            "fetch_only_pages": fetch_pages,
            "fetch_only_secs": fetch_secs,
            "fetch_only_cpu": fetch_cpu,
            "server_cpu": server_cpu,
            "ceiling": ceiling,
            "cores": cores,
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
        print(f"fetch-only crawl (no pipelines): {result['fetch_only_pages']:.0f} pages, {result['fetch_only_cpu']:.1f} "
              f"CPU s = {1000 * result['fetch_only_cpu'] / max(1, result['fetch_only_pages']):.2f} ms/page; "
              f"test server {result['server_cpu']:.1f} CPU s; clean --jobs 1 {result['clean_cpu']:.1f} CPU s")
        print(f"ceiling on this machine (that CPU spread perfectly over {result['cores']} cores): "
              f"{result['ceiling']:.2f}x")
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
