"""Real crawls (subprocesses running Scrapy) against the bundled fixture sites on loopback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mirrorclean.testsite import TestSite

LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "MIRRORCLEAN_WORKERS=2"]


def crawl(urls: list[str], out: Path, *extra: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "mirrorclean", "crawl", *urls, "-o", str(out), *LOCAL, *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return proc


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def fetched(site: TestSite) -> Counter[str]:
    """Requests the servers answered, per site and path (robots.txt is fetched per process, by design)."""
    return Counter(f"{s}{p}" for s, p, _ in list(site.requests) if p != "/robots.txt")


@pytest.fixture()
def site() -> TestSite:
    with TestSite() as s:
        yield s


def expected_articles(site: TestSite) -> dict[str, dict[str, Any]]:
    out = {}
    for name, info in site.manifest["sites"].items():
        for art in info["articles"]:
            out[site.url(name, art["path"])] = art
    return out


def test_crawl_from_listings_reaches_every_article_once(site: TestSite, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    starts = [site.url("hualong", "/news/index.html"), site.url("jinxin", "/a/xinwen/")]
    t0 = time.monotonic()
    proc = crawl(starts, out)
    elapsed = time.monotonic() - t0
    expected = expected_articles(site)
    recs = records(out)
    urls = Counter(r["url"] for r in recs)
    assert set(urls) == set(expected), (set(expected) - set(urls), set(urls) - set(expected))
    assert max(urls.values()) == 1
    for rec in recs:
        art = expected[rec["url"]]
        assert rec["title"] == art["title"]
        for brand in art.get("brands", []):
            assert brand not in rec["title"] and brand not in rec["text"], (rec["url"], brand)
        assert rec["is_spam_page"] == art["spam"], rec["url"]
    counts = fetched(site)
    assert max(counts.values()) == 1, [k for k, v in counts.items() if v > 1]
    calendar = [k for k in counts if "/calendar/" in k]
    assert len(calendar) <= 20  # the endless calendar was abandoned
    assert elapsed < 120
    assert "32 articles" in proc.stderr


def test_http_cache_second_crawl_sends_no_request(site: TestSite, tmp_path: Path) -> None:
    start = [site.url("hualong", "/news/index.html")]
    cache = ["-s", "HTTPCACHE_ENABLED=1", "-s", f"HTTPCACHE_DIR={tmp_path / 'cache'}"]
    crawl(start, tmp_path / "a.jsonl", *cache)
    first = len(site.requests)
    assert first > 20
    before = {p for _, p, _ in site.requests}
    crawl(start, tmp_path / "b.jsonl", *cache)
    again = [p for _, p, _ in site.requests[first:]]
    # Nothing fetched in the first run is fetched again; only trap pages the first run never reached
    # (the order in which an endless calendar is explored varies) can be new.
    assert not before & set(again), again
    assert all("/calendar/" in p for p in again) or len(again) <= 5, again
    a = sorted((r["url"], r["text"]) for r in records(tmp_path / "a.jsonl"))
    b = sorted((r["url"], r["text"]) for r in records(tmp_path / "b.jsonl"))
    assert a == b and len(a) == 18


def test_jobdir_resume_finishes_without_refetching(site: TestSite, tmp_path: Path) -> None:
    """docs/crawling.md: rerun the same command; nothing is fetched twice and the same -o file is appended to."""
    start = [site.url("hualong", "/news/index.html")]
    job = ["-s", f"JOBDIR={tmp_path / 'job'}", "-s", "CONCURRENT_REQUESTS=1"]
    crawl(start, tmp_path / "out.jsonl", *job, "-s", "CLOSESPIDER_PAGECOUNT=8")
    part = [r["url"] for r in records(tmp_path / "out.jsonl")]
    assert 0 < len(part) < 18
    crawl(start, tmp_path / "out.jsonl", *job)
    urls = [r["url"] for r in records(tmp_path / "out.jsonl")]
    assert urls[:len(part)] == part  # the first run's records are still there, first
    assert len(urls) == len(set(urls))
    assert set(urls) == {u for u in expected_articles(site) if "/news/" in u}
    counts = fetched(site)
    assert max(counts.values()) == 1, [k for k, v in counts.items() if v > 1]


def _redis_server() -> str | None:
    return shutil.which("redis-server")


@pytest.mark.skipif(_redis_server() is None and not os.environ.get("CI"), reason="redis-server not installed")
def test_two_workers_share_a_redis_frontier(site: TestSite, tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([_redis_server() or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        starts = [site.url("hualong", "/news/index.html"), site.url("jinxin", "/a/xinwen/")]
        redis = ["-s", f"REDIS_URL=redis://127.0.0.1:{port}/0", "-s", "MIRRORCLEAN_RUN=test-two-workers",
                 "-s", "CONCURRENT_REQUESTS=2", "-s", "DOWNLOAD_DELAY=0.15"]
        procs = [
            subprocess.Popen([sys.executable, "-m", "mirrorclean", "crawl", *starts, "-o", str(tmp_path / f"w{i}.jsonl"),
                              *LOCAL, *redis], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in (1, 2)
        ]
        outs = [p.communicate(timeout=240) for p in procs]
        for p, (_, err) in zip(procs, outs, strict=True):
            assert p.returncode == 0, err[-3000:]
            assert "Warning" not in err, err[-3000:]  # scrapy-redis' deprecation warnings only with -v
        per_worker = [records(tmp_path / f"w{i}.jsonl") for i in (1, 2)]
    finally:
        server.terminate()
        server.wait(timeout=10)
    union = Counter(r["url"] for recs in per_worker for r in recs)
    assert set(union) == set(expected_articles(site))
    assert max(union.values()) == 1
    counts = fetched(site)
    assert max(counts.values()) == 1, [k for k, v in counts.items() if v > 1]
    assert all(per_worker), "both workers should have cleaned some articles"


def _wait_for_port(port: int, timeout: float = 10) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"redis-server did not listen on {port}")
