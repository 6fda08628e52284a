"""The fault-site suite for `mirrorclean crawl`: real crawls (subprocesses running Scrapy) of a hostile site on a
real socket (tests/_faultsite.py), with listeners on the addresses a crawl must never reach.

Hangs fail by the tests' timeouts, never by timed assertions.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from _faultsite import ARTICLES, FaultSite, Sink
from scrapy import Request

from cleaners.record import REJECT_REASONS
from crawler.items import CRAWL_REJECT_REASONS

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "MIRRORCLEAN_WORKERS=1",
         "-s", "DOWNLOAD_TIMEOUT=3", "-s", "DOWNLOAD_MAXSIZE=2000000", "-s", "RETRY_TIMES=1"]


def mirrorclean(*args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mirrorclean", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()] if path.exists() else []


def _has_ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.timeout(240)
def test_hostile_site_ends_in_records_and_counted_rejects(tmp_path: Path) -> None:
    """500s, resets, trickles, huge, endless and gzip-bomb bodies, a PDF, robots.txt, pathological HTML, and
    redirects to private, loopback, link-local, metadata and other hosts: the crawl finishes, every fetched
    URL is a record or a reject with a reason, and nothing reaches a refused address."""
    loop2 = Sink("127.0.0.2")
    loop6 = Sink("::1") if _has_ipv6() else None
    with FaultSite() as other:  # another site on the start URL's own address, reached only by a redirect
        redirects = {
            "metadata": "http://169.254.169.254/latest/meta-data/",
            "private": "http://10.0.0.1/",
            "loopback": f"http://127.0.0.2:{loop2.port}/",
            "localhost": f"http://localhost:{other.port}/",
            **({"loopback-v6": f"http://[::1]:{loop6.port}/"} if loop6 else {}),
        }
        with FaultSite(redirects=redirects) as site:
            out = tmp_path / "out.jsonl"
            proc = mirrorclean("crawl", f"{site.base}/", "-o", str(out), *LOCAL, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    records, rejects = lines(out), lines(tmp_path / "out.rejects.jsonl")

    # nothing was sent where it must not be
    assert loop2.connections == 0 and (loop6 is None or loop6.connections == 0)
    assert other.requests == []
    reason = {r["url"]: r["reason"] for r in rejects}
    for name, target in redirects.items():
        expected = "offsite_redirect" if name == "localhost" else "private_address"
        assert reason.get(target) == expected, (name, target, reason.get(target))
    assert f"{len(redirects)} refused" in proc.stderr

    # every fault is a reject with its reason
    base = site.base
    expected_reasons = {
        "/status/500": "http_error", "/reset": "fetch_failed", "/trickle": "fetch_failed", "/huge": "too_large",
        "/endless": "too_large", "/bomb": "too_large", "/doc.html": "not_html", "/private/x.html": "robots_txt",
        "/anchors.html": "not_article", "/fullstops.html": "not_article", "/": "not_article",
    }
    for path, why in expected_reasons.items():
        assert reason.get(base + path) == why, (path, reason.get(base + path))

    # the articles are records (the one served twice, /style.html with a 200 KB <style>, once)
    sources = Counter(r["source"] for r in records)
    assert max(sources.values()) == 1
    articles = {f"{base}/a/{i}.html" for i in range(1, len(ARTICLES) + 1)}
    assert articles - {f"{base}/a/4.html"} <= set(sources)
    assert f"{base}/a/4.html" in sources or f"{base}/style.html" in sources
    assert all(r["text"] for r in records)

    # nothing lost: every URL the site answered (robots.txt aside) is a record or a reject
    answered = {base + p for p in site.requests if p != "/robots.txt"}
    accounted = set(sources) | {r["url"] for r in rejects} | {r["source"] for r in rejects}
    assert answered - {base + p for p in ("/a/4.html", "/style.html")} <= accounted, answered - accounted
    assert all(r["reason"] in REJECT_REASONS | CRAWL_REJECT_REASONS and r["source"] and r["url"] for r in rejects)


def _netns_usable() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "--net", "--mount", "true"], capture_output=True).returncode == 0


@pytest.mark.timeout(600)
@pytest.mark.skipif(not _netns_usable() and not os.environ.get("CI"), reason="needs root and unshare (network namespaces)")
def test_no_request_reaches_a_forbidden_address(tmp_path: Path) -> None:
    """In a private network namespace every forbidden address has a listener: none gets a connection, from a
    public start URL, through redirects by literal, by name, IPv4-mapped, decimal, or DNS rebinding. With
    MIRRORCLEAN_ALLOWED_NETWORKS the same private address is reached (so the listeners do listen)."""
    proc = subprocess.run(["unshare", "--net", "--mount", sys.executable, str(ROOT / "tests" / "_faultnet.py"),
                           str(tmp_path)], capture_output=True, text=True, timeout=560, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["sinks"] == dict.fromkeys(result["sinks"], 0), result["sinks"]

    public = result["public"]
    assert public["returncode"] == 0 and "Traceback" not in public["stderr"], public["stderr"]
    refused = {r["url"]: r["detail"] for r in public["rejects"] if r["reason"] == "private_address"}
    for target in ("http://169.254.169.254/latest/meta-data/", "http://100.100.100.200/latest/meta-data/",
                   "http://10.0.0.1/admin", "http://intranet.test/", "http://127.0.0.2/", "http://[::1]/",
                   "http://localhost/", "http://[::ffff:10.0.0.1]/", "http://2130706433/"):
        # The URL as Scrapy's Request holds it: w3lib >= 2.6 writes a decimal IPv4 host dotted (2130706433 -> 127.0.0.1).
        assert Request(target).url in refused, (target, sorted(refused))
    assert "intranet.test resolves to 10.0.0.1" in refused["http://intranet.test/"]
    assert len(public["records"]) >= 5

    rebind = result["rebind"]
    assert "10.0.0.1" in result["dns_answers"], "the DNS server never rebound the name"
    assert rebind["returncode"] == 1 and "rebind.test resolves to 10.0.0.1" in rebind["stderr"]
    assert rebind["stderr"].count("\n") <= 2 and "Traceback" not in rebind["stderr"]

    assert result["seed_redirect"]["returncode"] == 1
    assert "10.0.0.1: private address" in result["seed_redirect"]["stderr"]
    assert result["sinks_after_allowed"]["10.0.0.1"] >= 1  # allowed explicitly: fetched
    others = {k: v for k, v in result["sinks_after_allowed"].items() if k != "10.0.0.1"}
    assert others == dict.fromkeys(others, 0)


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == parent and int(entry.name) not in found:
                    found.add(int(entry.name))
                    todo.append(int(entry.name))
    return found


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.timeout(240)
def test_frozen_cleaning_worker_becomes_a_timeout_reject_and_is_replaced(tmp_path: Path) -> None:
    """The cleaning worker is frozen with SIGSTOP mid-crawl: its page becomes a timeout reject, the worker is
    killed and replaced, the other articles are cleaned and the crawl ends."""
    with FaultSite(article_delay=0.4) as site:
        out = tmp_path / "out.jsonl"
        crawl = subprocess.Popen([sys.executable, "-m", "mirrorclean", "crawl", f"{site.base}/", "-o", str(out),
                                  *LOCAL, "-s", "MIRRORCLEAN_TIMEOUT=2", "-s", "CONCURRENT_REQUESTS=1"],
                                 cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        frozen = None
        try:
            while frozen is None and crawl.poll() is None:
                workers = [p for p in _descendants(crawl.pid) if _is_pool_worker(p, crawl.pid)]
                if workers:
                    frozen = workers[0]
                    os.kill(frozen, signal.SIGSTOP)
                time.sleep(0.05)
            _, err = crawl.communicate(timeout=200)
        finally:
            if crawl.poll() is None:
                crawl.kill()
            if frozen is not None and _alive(frozen):
                os.kill(frozen, signal.SIGKILL)
    assert frozen is not None, "no cleaning worker was seen"
    assert crawl.returncode == 0, err[-3000:]
    assert "Traceback" not in err
    rejects = lines(tmp_path / "out.rejects.jsonl")
    timeouts = [r for r in rejects if r["reason"] == "timeout"]
    assert len(timeouts) == 1 and "worker killed" in timeouts[0]["detail"], timeouts
    assert not _alive(frozen)
    cleaned = {r["source"] for r in lines(out)} | {timeouts[0]["url"]}
    assert {f"{site.base}/a/{i}.html" for i in (1, 2, 3, 5, 6)} <= cleaned


def _is_pool_worker(pid: int, crawl_pid: int) -> bool:
    """A process the forkserver forked (the forkserver and the resource tracker are the crawl's children)."""
    try:
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return False
    return ppid != crawl_pid and "forkserver" in _cmdline(pid)


@pytest.mark.timeout(120)
def test_crawl_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]  # nothing listens there once the socket is closed
    cases = [
        (["crawl", "notaurl"], 2, "mirrorclean: error: notaurl: not an http(s) URL"),
        (["crawl", "http://127.0.0.1:9/", "-o", str(tmp_path)], 1, f"mirrorclean: error: cannot write {tmp_path}"),
        (["crawl", "http://nohost.invalid/"], 1, "mirrorclean: error: cannot resolve host nohost.invalid"),
        (["crawl", "http://127.0.0.1:9/", "-s", f"REDIS_URL=redis://127.0.0.1:{closed_port}/0"], 1,
         f"mirrorclean: error: cannot reach Redis at redis://127.0.0.1:{closed_port}/0"),
        (["crawl", "http://127.0.0.1:9/", "-s", "MIRRORCLEAN_ALLOWED_NETWORKS=10.0.0.0/33"], 2,
         "mirrorclean: error: MIRRORCLEAN_ALLOWED_NETWORKS"),
        (["crawl", f"http://127.0.0.1:{closed_port}/", "-o", "out.jsonl"], 1,
         f"mirrorclean: error: cannot fetch http://127.0.0.1:{closed_port}/: Connection was refused"),
    ]
    for args, code, message in cases:
        proc = mirrorclean(*args, cwd=tmp_path, timeout=90)
        assert proc.returncode == code, (args, proc.returncode, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and proc.stderr.startswith(message), (args, proc.stderr)
        assert proc.stdout == ""
    # the refused connection is a reject too
    assert [r["reason"] for r in lines(tmp_path / "out.rejects.jsonl")] == ["fetch_failed"]


@pytest.mark.timeout(240)
def test_crawl_to_stdout_holds_only_json_lines(tmp_path: Path) -> None:
    """`crawl -o -` (the demo sites): banner, summary and messages on stderr; stdout is JSON Lines only."""
    proc = mirrorclean("crawl", "-o", "-", "-s", "CLOSESPIDER_PAGECOUNT=15", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout.splitlines()
    assert out and all(isinstance(json.loads(line), dict) and "text" in json.loads(line) for line in out)
    assert "crawl demo" in proc.stderr and "mirrorclean crawl:" in proc.stderr
    assert (tmp_path / "mirrorclean.rejects.jsonl").exists() and "rejects written to" in proc.stderr


@pytest.mark.timeout(240)
def test_ctrl_c_stops_the_crawl_with_exit_130(tmp_path: Path) -> None:
    with FaultSite(article_delay=1.0) as site:
        out = tmp_path / "out.jsonl"
        crawl = subprocess.Popen([sys.executable, "-m", "mirrorclean", "crawl", f"{site.base}/", "-o", str(out),
                                  *LOCAL, "-s", "CONCURRENT_REQUESTS=1"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        try:
            while len(site.requests) < 4 and crawl.poll() is None:  # robots.txt, the index, two more
                time.sleep(0.1)
            crawl.send_signal(signal.SIGINT)
            _, err = crawl.communicate(timeout=120)
        finally:
            if crawl.poll() is None:
                crawl.kill()
    assert crawl.returncode == 130, err[-3000:]
    assert "mirrorclean: error: interrupted" in err and "Traceback" not in err
    assert len(site.requests) < 40  # it stopped: the site has more pages than that
    lines(out)  # whole JSON lines only
    assert (tmp_path / "out.rejects.jsonl").exists()


@pytest.mark.timeout(120)
def test_crawl_time_limit_holds_on_a_hostile_site(tmp_path: Path) -> None:
    """CLOSESPIDER_TIMEOUT acts on time even with pathological pages in the crawl (the reactor is never
    blocked: an old crawl froze 130 s on one page and the 20 s limit acted at 128 s)."""
    with FaultSite(article_delay=3.0) as site:
        proc = mirrorclean("crawl", f"{site.base}/", "-o", "out.jsonl", *LOCAL, "-s", "CONCURRENT_REQUESTS=1",
                           "-s", "CLOSESPIDER_TIMEOUT=6", cwd=tmp_path, timeout=90)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "(closespider_timeout)" in proc.stderr
    assert not all(f"/a/{i}.html" in site.requests for i in range(1, len(ARTICLES) + 1))  # it did stop early
