"""Hostile inputs for `mirrorclean clean`, reproduced for real: FIFOs, sockets, devices, symlink loops, a gzip
bomb on stdin, a full disk, a missing folder and `kill -9` of the main process.

Each runs the real command in a subprocess; a hang shows up as the test's timeout, never as a timed assertion.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "fixtures" / "pages").iterdir() if p.suffix == ".html")


def clean(*args: str, cwd: Path, stdin: bytes | int | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    kwargs = {"input": stdin} if isinstance(stdin, bytes) or stdin is None else {"stdin": stdin}
    proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, **kwargs)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The fixture pages plus every kind of entry that is not a readable regular file."""
    root = tmp_path / "pages"
    root.mkdir()
    for page in PAGES:
        shutil.copy(page, root / page.name)
    os.mkfifo(root / "fifo.html")                      # would block for ever on open()
    os.symlink("loop.html", root / "loop.html")        # ELOOP
    os.symlink("gone.html", root / "dangling.html")    # ENOENT
    os.symlink("..", root / "parent")                  # a folder loop: walked once
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.html"))                 # ENXIO on open
    sock.close()
    try:
        os.mknod(root / "zero.html", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: endless bytes
    except PermissionError:
        pass  # not root: the other entries still cover the rule
    return root


@pytest.mark.timeout(120)
def test_folder_with_fifo_socket_device_and_symlink_loop(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = clean(str(folder), "-o", str(out), "-j", "2", "-q", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    records, rejects = lines(out), lines(tmp_path / "out.rejects.jsonl")
    by_name = {Path(r["source"]).name: r for r in rejects}
    assert by_name["fifo.html"]["reason"] == "not_a_regular_file" and "FIFO" in by_name["fifo.html"]["detail"]
    assert by_name["sock.html"]["reason"] == "not_a_regular_file" and "socket" in by_name["sock.html"]["detail"]
    if (folder / "zero.html").exists():
        assert by_name["zero.html"]["reason"] == "not_a_regular_file"
    assert by_name["loop.html"]["reason"] == "unreadable" and "symbolic links" in by_name["loop.html"]["detail"]
    assert by_name["dangling.html"]["reason"] == "unreadable"
    # Every real page is a record or its own content reject: the bad entries took nothing else down.
    sources = [Path(r["source"]).name for r in records + rejects]
    assert {p.name for p in PAGES} <= set(sources)
    assert len(sources) == len(set(sources)) == len(PAGES) + len(by_name) - len(
        {p.name for p in PAGES} & set(by_name))
    assert len(records) >= len(PAGES) - 3


@pytest.mark.timeout(60)
def test_named_fifo_is_a_reject_and_exit_1(tmp_path: Path) -> None:
    fifo = tmp_path / "x.html"
    os.mkfifo(fifo)
    out = tmp_path / "out.jsonl"
    proc = clean(str(fifo), str(PAGES[0]), "-o", str(out), "-q", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert f"{fifo}: a FIFO (named pipe)" in proc.stderr and "Traceback" not in proc.stderr
    assert [r["source"] for r in lines(out)] == [str(PAGES[0])]
    assert lines(tmp_path / "out.rejects.jsonl")[0]["reason"] == "not_a_regular_file"


@pytest.mark.timeout(60)
def test_process_substitution_is_read_as_a_stream(tmp_path: Path) -> None:
    """`clean <(zcat page.html.gz)` names /dev/fd/N, a pipe: read like stdin, not rejected."""
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(PAGES[0].read_bytes()))
    cmd = f'"{sys.executable}" -m mirrorclean clean <(cat "{gz}") -q'
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["source"].startswith("/dev/fd/") and record["text"]


def _gzip_bomb(gib: int = 1) -> bytes:
    """`gib` GiB of spaces after an HTML tag, gzipped (about 1 MB per GiB)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * (1 << 20)
    parts = [z.compress(b"<html><body>")]
    parts += [z.compress(chunk) for _ in range(gib << 10)]
    parts.append(z.flush())
    return b"".join(parts)


@pytest.mark.timeout(120)
def test_gzip_bomb_on_stdin_stops_at_the_cap(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.gz"
    bomb.write_bytes(_gzip_bomb(1))
    assert bomb.stat().st_size < 4 << 20
    # A fresh interpreter runs the command, so its peak RSS is the command's own.
    probe = ("import resource, subprocess, sys; "
             "p = subprocess.run([sys.executable, '-m', 'mirrorclean', 'clean', '-', '-q', '-o', 'out.jsonl'], "
             "stdin=open(sys.argv[1], 'rb'), capture_output=True, text=True); "
             "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
             "sys.stderr.write(p.stderr)")
    proc = subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True, cwd=tmp_path,
                          timeout=120)
    code, peak_kb = map(int, proc.stdout.split())
    assert code == 1, proc.stderr  # stdin was named ("-") and could not be read whole
    assert "<stdin>: larger than 64 MiB" in proc.stderr and "Traceback" not in proc.stderr
    assert lines(tmp_path / "out.rejects.jsonl") == [
        {"source": "<stdin>", "reason": "unreadable", "detail": "larger than 64 MiB", "url": None,
         "is_spam_page": False, "spam_terms": []}]
    assert peak_kb < 600 * 1024, f"peak RSS {peak_kb // 1024} MiB: the bomb was inflated past the cap"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("how", ["-o", "stdout"])
def test_full_disk_is_one_line_and_exit_1(how: str, tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    args = [str(p) for p in PAGES[:4]] + ["-j", "2"]
    if how == "-o":
        proc = clean(*args, "-o", "/dev/full", cwd=tmp_path)
        target = "/dev/full"
    else:
        with open("/dev/full", "wb") as full:
            proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", *args], cwd=tmp_path, stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=60)
        target = "standard output"
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"mirrorclean: error: cannot write {target}: no space left on device"]
    assert not os.path.exists("/dev/full.rejects.jsonl")  # rejects of a stream go to ./, and only if any


@pytest.mark.timeout(60)
def test_output_folder_and_missing_input(tmp_path: Path) -> None:
    proc = clean(str(PAGES[0]), "-o", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"mirrorclean: error: cannot write {tmp_path}: is a directory"]

    proc = clean("/nonexistent/dir", str(PAGES[0]), "-o", "out.jsonl", "-q", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "mirrorclean: error: /nonexistent/dir: no such file or directory" in proc.stderr
    assert len(lines(tmp_path / "out.jsonl")) == 1
    assert lines(tmp_path / "out.rejects.jsonl")[0]["source"] == "/nonexistent/dir"


def _children(pid: int) -> set[int]:
    kids: set[int] = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.add(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.timeout(90)
def test_kill_9_of_the_main_process_ends_every_helper(tmp_path: Path) -> None:
    """Workers, the forkserver and the resource tracker end with the main process, even on SIGKILL."""
    # The pages go to the pool, then the run blocks reading stdin (a pipe this test keeps open): a run in progress.
    read_end, write_end = os.pipe()
    main = subprocess.Popen([sys.executable, "-m", "mirrorclean", "clean", *map(str, PAGES[:8]), "-", "-j", "2",
                             "-q", "-o", str(tmp_path / "out.jsonl")], stdin=read_end, stderr=subprocess.DEVNULL)
    os.close(read_end)
    helpers: set[int] = set()
    try:
        while len(helpers) < 4 and main.poll() is None:  # resource tracker + forkserver + 2 workers
            time.sleep(0.2)
            kids = _children(main.pid)
            helpers = kids | {g for k in kids for g in _children(k)}
        assert main.poll() is None, "the run ended before it could be killed"
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        while any(_alive(pid) for pid in helpers):
            time.sleep(0.2)  # the test's timeout is the failure
    finally:
        os.close(write_end)
        for pid in helpers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
    assert len(helpers) >= 4


def test_html_after_a_block_of_nul_bytes_is_read_as_html() -> None:
    """A page saved over a pre-allocated block (24 KB of NUL bytes, then markup with no <head>: wild-2017 w001547) is
    HTML, not a text dump of tags."""
    from cleaners import clean_document

    body = ("<div class='main'><h2>城乡义务教育一体化改革发展</h2><p>国务院印发意见，提出统筹推进县域内城乡义务教育一体化改革发展，"
            "到2020年城乡二元结构壁垒基本消除，义务教育与城镇化发展基本协调。</p></div>")
    rec = clean_document(bytes(24576) + body.encode(), "page.html").to_dict()
    assert "<" not in rec["text"] and rec["text"].startswith("国务院印发意见")
