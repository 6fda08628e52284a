"""End-to-end tests of `mirrorclean clean` / `demo` and of the runner's isolation guarantees."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleaners import CleanOptions, Record, Reject
from cleaners.record import REJECT_REASONS
from mirrorclean import runner
from mirrorclean.cli import main, rejects_path_for
from mirrorclean.inputs import Document, iter_documents

ROOT = Path(__file__).resolve().parent.parent
SUMMARY = re.compile(
    r"^mirrorclean: (\d+) inputs, (\d+) records, (\d+) rejects(?: \(in [^)]+\))?, (\d+) spam pages, (\d+) flags, "
    r"(\d+) near-duplicates, \d+\.\d s \(\d+ docs/s\)$"
)

PARAGRAPHS = [
    "基层治理是国家治理的基石，统筹推进乡镇和城乡社区治理，是实现国家治理体系和治理能力现代化的基础工程。"
    "近年来，各地围绕党建引领基层治理开展了大量探索，形成了一批可复制、可推广的经验做法。",
    "在老旧小区改造过程中，街道党工委牵头成立议事协商平台，居民代表、物业企业和辖区单位共同参与，"
    "围绕加装电梯、停车管理和垃圾分类等问题逐项协商，最终形成了大多数居民认可的解决方案。",
    "专家指出，韧性治理的关键在于平时与急时的有效衔接。社区既要在日常服务中积累信任，"
    "也要在突发事件中迅速动员，把分散的力量组织起来，做到反应快、协同好、保障足。",
    "据统计，今年以来全市共培育社区社会组织一千二百余家，开展志愿服务活动三万余场次，"
    "服务居民超过八十万人次，群众满意度较去年同期提高了六个百分点。",
]


def article_html(n: int) -> str:
    """A realistic Chinese news page with navigation, an article body (> 200 chars) and a footer."""
    paras = PARAGRAPHS[n % len(PARAGRAPHS):] + PARAGRAPHS[: n % len(PARAGRAPHS)]
    body = "\n".join(f"<p>{p}第{n}篇。</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>第{n}篇：党建引领基层韧性治理的实践样本 - 城市观察网</title>
<meta name="description" content="基层治理 第{n}篇">
</head><body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/about">关于我们</a></div>
<article>
<h1>第{n}篇：党建引领基层韧性治理的实践样本</h1>
<div class="meta">来源：城市观察网　发布时间：2024-05-{n % 28 + 1:02d} 09:31</div>
{body}
</article>
<div class="footer">版权所有 © 城市观察网　京ICP备12345678号</div>
</body></html>
"""


@pytest.fixture()
def pages(tmp_path: Path) -> Path:
    """pages/: six HTML pages (one in a subfolder), a gzipped page, a text file and a non-input file."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    for i in range(5):
        (root / f"{i:02d}.html").write_text(article_html(i), encoding="utf-8")
    (root / "sub" / "10.htm").write_text(article_html(10), encoding="utf-8")
    (root / "05.html.gz").write_bytes(gzip.compress(article_html(5).encode("utf-8")))
    (root / "06.txt").write_text("\n\n".join(PARAGRAPHS), encoding="utf-8")
    (root / "notes.md").write_text("# not an input", encoding="utf-8")
    return root


EXPECTED_ORDER = [
    "00.html", "01.html", "02.html", "03.html", "04.html", "05.html.gz", "06.txt", "sub/10.htm",
]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_cli(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # output must not depend on the locale
    return subprocess.run(
        [sys.executable, "-m", "mirrorclean", *args],
        cwd=cwd, input=stdin, capture_output=True, timeout=60, env=env,
    )


# --------------------------------------------------------------------------- CLI


def test_folder_parallel_is_ordered_and_equals_serial(pages: Path, tmp_path: Path, capsys) -> None:
    out1, out2 = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["clean", str(pages), "-o", str(out1), "--jobs", "1", "--quiet"]) == 0
    assert main(["clean", str(pages), "-o", str(out2), "--jobs", "2", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err

    records = read_jsonl(out2)
    assert [r["source"] for r in records] == [os.path.join(str(pages), p) for p in EXPECTED_ORDER]
    assert out1.read_bytes() == out2.read_bytes()
    assert all("党建引领" in r["text"] or "基层治理" in r["text"] for r in records)
    # The rejects file exists (empty) next to the output, so a stale one can't mislead.
    assert (tmp_path / "one.rejects.jsonl").read_bytes() == b""

    summaries = [line for line in err.splitlines() if line.startswith("mirrorclean: ")]
    assert len(summaries) == 2
    m = SUMMARY.match(summaries[-1])
    assert m, summaries[-1]
    assert m.group(1, 2, 3) == ("8", "8", "0")


def test_bad_inputs_become_rejects(pages: Path, tmp_path: Path) -> None:
    (pages / "07.html.gz").write_bytes(b"\x1f\x8b\x08\x00 definitely not deflate data")
    (pages / "08.html.gz").write_bytes(gzip.compress(article_html(8).encode())[:60])  # truncated
    (pages / "09.html").write_bytes(bytes(range(256)) * 8 + b"\x00" * 500)  # binary junk
    out = tmp_path / "result" / "out.jsonl"
    proc = run_cli(["clean", "pages", "missing.html", "-o", str(out), "-j", "2"], cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # missing.html was named on the command line
    assert "Traceback" not in err
    assert "mirrorclean: error: missing.html: no such file or directory" in err
    assert "pages/07.html.gz: corrupt gzip data" in err

    records = read_jsonl(out)
    rejects = read_jsonl(tmp_path / "result" / "out.rejects.jsonl")
    assert [r["source"] for r in records] == [f"pages/{p}" for p in EXPECTED_ORDER]
    by_source = {r["source"]: r for r in rejects}
    assert list(by_source) == ["pages/07.html.gz", "pages/08.html.gz", "pages/09.html", "missing.html"]
    assert all(r["reason"] in REJECT_REASONS for r in rejects)
    assert by_source["missing.html"]["reason"] == "unreadable"
    assert by_source["pages/07.html.gz"]["reason"] == "unreadable"
    assert "gzip" in by_source["pages/07.html.gz"]["detail"]
    assert by_source["pages/08.html.gz"]["reason"] == "unreadable"
    assert by_source["pages/08.html.gz"]["detail"]

    summary = err.strip().splitlines()[-1]
    m = SUMMARY.match(summary)
    assert m, summary
    assert m.group(1, 2, 3) == ("12", "8", "4")


def test_stdout_stdin_and_rejects_next_to_cwd(pages: Path, tmp_path: Path) -> None:
    page = article_html(3).encode("utf-8")
    proc = run_cli(["clean", "-", "pages/01.html", "nope"], cwd=tmp_path, stdin=gzip.compress(page))
    err = proc.stderr.decode()
    assert proc.returncode == 1, err  # "nope" was named and does not exist
    assert "Traceback" not in err
    lines = proc.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    assert "\\u" not in proc.stdout.decode("utf-8")
    assert "党建引领基层韧性治理" in lines[0]
    assert [json.loads(line)["source"] for line in lines] == ["<stdin>", "pages/01.html"]

    rejects = read_jsonl(tmp_path / "mirrorclean.rejects.jsonl")
    assert rejects == [{"source": "nope", "reason": "unreadable", "detail": "no such file or directory", "url": None,
                        "is_spam_page": False, "spam_terms": []}]
    assert "1 rejects written to mirrorclean.rejects.jsonl" in err
    assert SUMMARY.match(err.strip().splitlines()[-1])


def test_stdout_without_rejects_creates_no_file(pages: Path, tmp_path: Path) -> None:
    proc = run_cli(["clean", "pages/00.html", "-j", "1", "-q"], cwd=tmp_path)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1
    assert not (tmp_path / "mirrorclean.rejects.jsonl").exists()


def test_explicit_rejects_path(pages: Path, tmp_path: Path, capsys) -> None:
    out, rej = tmp_path / "o.json", tmp_path / "r" / "bad.jsonl"
    assert main(["clean", str(pages / "00.html"), str(tmp_path / "gone.txt"), "-o", str(out),
                 "--rejects", str(rej), "-q"]) == 1
    assert [r["reason"] for r in read_jsonl(rej)] == ["unreadable"]
    assert not (tmp_path / "o.rejects.jsonl").exists()
    assert len(read_jsonl(out)) == 1
    assert "gone.txt: no such file or directory" in capsys.readouterr().err


def test_output_cannot_be_an_input(pages: Path, capsys) -> None:
    assert main(["clean", str(pages / "00.html"), "-o", str(pages / "00.html")]) == 2
    assert "both an input and an output" in capsys.readouterr().err
    assert "党建" in (pages / "00.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("out", "expected"),
    [("out.jsonl", "out.rejects.jsonl"), ("x.json", "x.rejects.jsonl"), ("out", "out.rejects.jsonl"),
     ("d/run.2024.jsonl", "d/run.2024.rejects.jsonl"), ("a.txt", "a.txt.rejects.jsonl")],
)
def test_rejects_path_for(out: str, expected: str) -> None:
    assert rejects_path_for(out) == expected


def test_version_and_usage_errors(capsys) -> None:
    assert main(["--version"]) == 0
    assert re.match(r"mirrorclean \d", capsys.readouterr().out)
    assert main([]) == 2
    assert main(["clean"]) == 2
    assert main(["clean", "x", "--jobs", "-3"]) == 2
    assert main(["frobnicate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_demo(tmp_path: Path, capsys) -> None:
    out = tmp_path / "demo" / "clean.jsonl"
    assert main(["demo", "-o", str(out), "-j", "1", "-q"]) == 0
    printed = capsys.readouterr()
    assert "first record:" in printed.out or "no records" in printed.out
    assert SUMMARY.match(printed.err.strip().splitlines()[-1])
    assert out.exists() and (tmp_path / "demo" / "clean.rejects.jsonl").exists()


# --------------------------------------------------------------------------- inputs


def test_inputs_are_read_lazily(pages: Path) -> None:
    docs = iter_documents([str(pages)])
    first = next(docs)
    assert first.source.endswith("00.html") and first.kind == "html" and first.error is None
    (pages / "01.html").unlink()  # not read yet, so its loss shows up as unreadable
    second = next(docs)
    assert second.source.endswith("01.html") and second.error
    kinds = {d.source.rsplit("/", 1)[-1]: d.kind for d in docs}
    assert kinds["05.html.gz"] == "html" and kinds["06.txt"] == "text" and "notes.md" not in kinds


# --------------------------------------------------------------------------- runner isolation


def misbehaving_clean(doc: Document, options: CleanOptions) -> Record | Reject:
    """A stand-in cleaner that misbehaves on command (module level so workers can unpickle it)."""
    data = doc.data
    if data == b"CRASH":
        os._exit(7)
    if data == b"RAISE":
        raise ValueError("boom")
    if data == b"SLOW":
        time.sleep(20)
    if data == b"STUCK":  # deaf to SIGALRM, like a loop inside C code
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(20)
    if data.startswith(b"WAITFOR "):  # WAITFOR n folder: finish once n later documents have (or after 20 s)
        _, n, folder = data.decode().split(" ", 2)
        deadline = time.monotonic() + 20
        while len(os.listdir(folder)) < int(n) and time.monotonic() < deadline:
            time.sleep(0.01)
        return Record(source=doc.source, text=str(len(os.listdir(folder))))
    if data.startswith(b"MARK "):  # leave a file behind in the folder named
        Path(data.decode().split(" ", 1)[1], doc.source).touch()
    return Record(source=doc.source, text=data.decode())


def _docs(payloads: list[bytes]) -> list[Document]:
    return [Document(f"d{i}", p, "text") for i, p in enumerate(payloads)]


def _collect(payloads: list[bytes], **kwargs) -> list[Record | Reject]:
    results: list[Record | Reject] = []
    runner.run(_docs(payloads), results.append, func=misbehaving_clean, **kwargs)
    return results


@pytest.mark.parametrize("jobs", [1, 2])
def test_exception_and_timeout_become_rejects(jobs: int) -> None:
    start = time.monotonic()
    results = _collect([b"a", b"RAISE", b"b", b"SLOW", b"c"], jobs=jobs, timeout=0.5)
    assert time.monotonic() - start < 10
    assert [r.source for r in results] == ["d0", "d1", "d2", "d3", "d4"]
    assert [getattr(r, "reason", "ok") for r in results] == ["ok", "error", "ok", "timeout", "ok"]
    assert "ValueError: boom" in results[1].detail


def test_worker_crash_loses_only_the_crasher() -> None:
    payloads = [str(i).encode() for i in range(30)]
    payloads[11] = b"CRASH"
    results = _collect(payloads, jobs=2, timeout=5)
    assert [r.source for r in results] == [f"d{i}" for i in range(30)]
    rejects = [r for r in results if isinstance(r, Reject)]
    assert [(r.source, r.reason) for r in rejects] == [("d11", "error")]
    assert "died" in rejects[0].detail
    assert [r.text for r in results if isinstance(r, Record)] == [str(i) for i in range(30) if i != 11]


def test_worker_deaf_to_alarm_is_killed() -> None:
    results = _collect([b"a", b"STUCK", b"b", b"c"], jobs=2, timeout=0.3, grace=0.5)
    assert [getattr(r, "reason", "ok") for r in results] == ["ok", "timeout", "ok", "ok"]
    assert "killed" in results[1].detail


def test_memory_stays_flat_bounded_in_flight() -> None:
    pulled = 0
    max_ahead = 0

    def stream() -> Iterator[Document]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield Document(f"d{i}", str(i).encode(), "text")

    emitted: list[Record | Reject] = []

    def emit(result: Record | Reject) -> None:
        nonlocal max_ahead
        emitted.append(result)
        max_ahead = max(max_ahead, pulled - len(emitted))

    runner.run(stream(), emit, jobs=2, func=misbehaving_clean)
    assert len(emitted) == 200
    assert max_ahead <= 2 * runner.AHEAD_PER_JOB


def test_slow_document_does_not_idle_the_other_workers(tmp_path: Path) -> None:
    """While the oldest document is still being cleaned, later ones keep going to the free worker (their
    results wait, in order): the first document here finishes only once 40 later ones have, which a pool
    fed only up to the documents in flight (8) never reaches."""
    payloads = [f"WAITFOR 40 {tmp_path}".encode()] + [f"MARK {tmp_path}".encode()] * 60
    results = _collect(payloads, jobs=2, timeout=60)
    assert [r.source for r in results] == [f"d{i}" for i in range(61)]
    assert int(results[0].text) >= 40


def test_output_does_not_depend_on_hash_seed_or_memory_layout(tmp_path: Path) -> None:
    """Same inputs, same bytes: no cleaner may depend on set order or on id() of freed lxml proxies."""
    outs = []
    for seed in ("1", "3", "4"):
        out = tmp_path / f"out{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "mirrorclean", "clean", str(ROOT / "fixtures" / "pages"), "-q",
                               "--jobs", "1", "-o", str(out)], capture_output=True, text=True, env=env, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]


@pytest.mark.parametrize("command, option", [("wild-eval", "--text"), ("flags-eval", "--holdout")])
def test_evaluation_commands_take_their_own_options_first(command: str, option: str, capsys) -> None:
    """`mirrorclean wild-eval --text …` and `-h` reach the command's own parser (an option first used to be a
    usage error of the top-level parser)."""
    from mirrorclean.cli import main

    assert main([command, "-h"]) == 0
    assert option in capsys.readouterr().out
