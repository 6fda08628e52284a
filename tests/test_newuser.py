"""The rough edges a new user hit (issue 14), each checked the way that user meets it: the real command."""

from __future__ import annotations

import csv
import json
import os
import re
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mirrorclean.cli import DEMO_PORT
from mirrorclean.inputs import STDIN_SOURCE
from mirrorclean.testsite import TestSite

ROOT = Path(__file__).resolve().parent.parent
LOCAL = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "MIRRORCLEAN_WORKERS=1"]


def mirrorclean(*args: str, cwd: Path = ROOT, timeout: float = 300, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mirrorclean", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, **kw)  # type: ignore[call-overload]


def test_progress_bar_has_a_total_and_an_eta(tmp_path: Path) -> None:
    """On a terminal the bar counts the inputs first: `n/27`, a percentage and an ETA, not a bare count."""
    import pty

    pages = sorted((ROOT / "fixtures" / "pages").iterdir())
    import fcntl
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a 120-column terminal
    proc = subprocess.Popen([sys.executable, "-m", "mirrorclean", "clean", "fixtures/pages", "-o",
                             str(tmp_path / "out.jsonl"), "-j", "1"], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    err = b"".join(chunks).decode("utf-8", "replace")
    assert f"/{len(pages)} [" in err, err[-2000:]
    assert re.search(r"\d+%\|", err), err[-2000:]
    assert re.search(r"\[\d\d:\d\d<\d\d:\d\d", err), err[-2000:]  # elapsed<remaining
    assert f"{len(pages)}/{len(pages)}" in err


def test_summary_says_where_the_rejects_went(tmp_path: Path) -> None:
    out = tmp_path / "run" / "out.jsonl"
    proc = mirrorclean("clean", "fixtures/pages/rj01_listing.html", "fixtures/pages/mb01_nap.html", "missing.html",
                       "-o", str(out), "-j", "1")
    assert proc.returncode == 1, proc.stderr  # missing.html was named and cannot be read: a reject, and exit 1
    summary = proc.stderr.strip().splitlines()[-1]
    assert f"2 rejects (in {tmp_path / 'run' / 'out.rejects.jsonl'})" in summary, summary
    assert len((tmp_path / "run" / "out.rejects.jsonl").read_text("utf-8").splitlines()) == 2
    proc = mirrorclean("clean", "fixtures/pages/mb01_nap.html", "-o", str(out), "-j", "1", "--overwrite")  # issue 12
    assert "0 rejects," in proc.stderr.strip().splitlines()[-1]  # no rejects file to point at


def test_stdin_source_is_what_the_docs_say() -> None:
    page = (ROOT / "fixtures" / "pages" / "mb01_nap.html").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", "-", "-q"], input=page, cwd=ROOT,
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"] == STDIN_SOURCE
    schema = json.loads((ROOT / "cleaners" / "record.schema.json").read_text("utf-8"))
    assert f"`{STDIN_SOURCE}` for standard input" in schema["properties"]["source"]["description"]
    row = next(line for line in (ROOT / "docs" / "schema.md").read_text("utf-8").splitlines()
               if line.startswith("| `source` |"))
    assert f"`{STDIN_SOURCE}` for standard input" in row


def test_seeds_holds_the_demo_url_list(tmp_path: Path) -> None:
    """README: `seeds/` holds seed documents and seed URL lists. The URL list is the demo sites' start pages,
    named so that `clean seeds/` (a folder walk reads .html/.htm/.txt) does not take it for a document."""
    assert "seed documents and seed URL lists" in (ROOT / "README.md").read_text("utf-8")
    lists = [p for p in (ROOT / "seeds").iterdir()
             if all(ln.startswith(("http://", "https://", "#")) for ln in p.read_text("utf-8").splitlines() if ln.strip())]
    assert [p.name for p in lists] == ["demo_urls.list"]
    from mirrorclean.cli import read_urls_file

    assert read_urls_file(str(lists[0])) == [f"http://127.0.0.1:{DEMO_PORT}/", f"http://127.0.0.1:{DEMO_PORT + 1}/"]
    proc = mirrorclean("clean", "seeds", "-o", str(tmp_path / "seeds.jsonl"), "-j", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    sources = [json.loads(ln)["source"] for ln in (tmp_path / "seeds.jsonl").read_text("utf-8").splitlines()]
    assert sources == ["seeds/000_77c6651b61511a25.txt"]


def _free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as a:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            with socket.socket() as b:
                try:
                    b.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free pair of ports")


def test_serve_demo_then_scrapy_crawl_to_csv_writes_json_cells(tmp_path: Path) -> None:
    """`mirrorclean serve-demo` serves the demo sites for a plain `scrapy crawl mirror ... -O out.csv`,
    whose nested fields (removed, flags, spam_terms, references) are JSON cells, not Python reprs."""
    port = _free_port_pair()
    server = subprocess.Popen([sys.executable, "-m", "mirrorclean", "serve-demo", "--port", str(port)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = server.stdout.readline() if server.stdout else ""
            if not line:
                break
            lines.append(line)
            if line.startswith("serving"):
                break
        urls = re.findall(r"http://127\.0\.0\.1:\d+/", "".join(lines))
        assert urls[:2] == [f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port + 1}/"], lines
        assert any("scrapy crawl mirror" in ln for ln in lines)
        out = tmp_path / "x.csv"
        proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "mirror", "-a", f"url={urls[0]},{urls[1]}",
                               "-O", str(out), "-s", "LOG_LEVEL=WARNING", *LOCAL], cwd=ROOT, capture_output=True,
                              text=True, timeout=240)
        assert proc.returncode == 0, proc.stderr[-3000:]
    finally:
        server.terminate()
        server.wait(timeout=20)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 32
    spam = [r for r in rows if r["is_spam_page"] == "True"]
    assert spam
    for row in rows:
        for name in ("removed", "flags", "spam_terms", "references"):
            value = json.loads(row[name])
            assert isinstance(value, list), (name, row[name][:80])
        assert all(set(item) == {"where", "text", "reason"} for item in json.loads(row["removed"]))
        assert row["site"] in (f"127.0.0.1:{port}", f"127.0.0.1:{port + 1}")  # the port is part of the site
    assert all(json.loads(r["spam_terms"]) for r in spam)


def test_crawl_urls_file_and_report(tmp_path: Path) -> None:
    with TestSite() as site:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# the two fixture sites\n{site.url('hualong', '/news/index.html')}\n\n"
                        f"{site.url('jinxin', '/a/xinwen/')}\n", "utf-8")
        report = tmp_path / "crawl.html"
        proc = mirrorclean("crawl", "--urls-file", str(urls), "-o", str(tmp_path / "out.jsonl"),
                           "--report", str(report), *LOCAL)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "32 articles" in proc.stderr
    records = [json.loads(ln) for ln in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(records) == 32
    html = report.read_text("utf-8")
    assert re.search(r'id="mc-n-records">32<', html)
    assert re.search(rf'id="mc-n-spam">{sum(r["is_spam_page"] for r in records)}<', html)
    rejected = re.search(r"(\d+) rejects", proc.stderr)
    assert rejected and re.search(rf'id="mc-n-rejects">{rejected.group(1)}<', html)
    assert f"report: {report}" in proc.stderr

    missing = mirrorclean("crawl", "--urls-file", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "cannot read the URL list" in missing.stderr
    (tmp_path / "empty.txt").write_text("# nothing\n", "utf-8")
    empty = mirrorclean("crawl", "--urls-file", str(tmp_path / "empty.txt"))
    assert empty.returncode == 2 and "no URL in" in empty.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="venv layout")
def test_editable_install_prints_no_setuptools_banner(tmp_path: Path) -> None:
    """The README's set-up (`pip install -q -e .`) should not end in setuptools' 'Editable installation' banner."""
    base = getattr(sys, "_base_executable", None) or "python3"
    subprocess.run([base, "-m", "venv", str(tmp_path / "venv")], check=True, timeout=120)
    proc = subprocess.run([str(tmp_path / "venv" / "bin" / "pip"), "install", "--no-deps", "-q", "-e", str(ROOT)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    output = proc.stdout + proc.stderr
    assert "Editable installation" not in output and "precedence during imports" not in output, output[-2000:]
    check = subprocess.run([str(tmp_path / "venv" / "bin" / "python"), "-c", "import sys; print(sys.path)"],
                           capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert str(ROOT) in check.stdout  # the packages import from the work tree


DANIEL = ROOT.parent / "shared" / "eval" / "daniel-zh-dev" / "html"


@pytest.mark.skipif(not DANIEL.is_dir(), reason="../shared not present")
def test_saved_pages_take_url_from_canonical_or_og_url() -> None:
    """Every DAnIEL page that names its URL (<link rel=canonical> or og:url) gets it as `url` and `site`; the
    others name none (docs/schema.md#url), so their url stays null rather than a guess."""
    from cleaners import Record, clean_document

    claim = re.compile(r"""<link[^>]+rel=["']?canonical[^>]*>|<meta[^>]+og:url[^>]*>""", re.I)
    href = re.compile(r"""(?:href|content)=["']([^"']+)""", re.I)
    named = unnamed = 0
    for page in sorted(DANIEL.glob("*.html")):
        raw = page.read_text("utf-8", errors="replace")
        tags = claim.findall(raw)
        if not tags and unnamed >= 5:
            continue
        rec = clean_document(page.read_bytes(), page.name)
        if not isinstance(rec, Record):
            continue
        if tags:
            urls = {m.group(1).strip() for t in tags for m in [href.search(t)] if m}
            assert rec.url in urls, (page.name, rec.url, urls)
            assert rec.site and rec.site in rec.url
            named += 1
        else:
            assert rec.url is None, page.name
            unnamed += 1
    assert named >= 20
