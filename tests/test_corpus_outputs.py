"""Corpus outputs (issue 12): formats `datasets` reads, no silent truncation, exactly-once --resume after
`kill -9`, and --dedup keeping one copy per article. Real runs of the command on real WARC files."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from mirrorclean.keepbest import quality

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")  # datasets reads local files here: never ask a hub
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
PAGES = ROOT / "fixtures" / "pages"
MIRRORS = CORPUS / "mirrors4.warc.gz"


def clean(*args: str, jobs: str = "1") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mirrorclean", "clean", *args, "-q", "-j", jobs], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def lines(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines()] if path.exists() else []


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("ref") / "ref.jsonl"
    proc = clean(str(MIRRORS), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return lines(out)


@pytest.mark.parametrize("name", ["out.jsonl.gz", "out.jsonl.zst", "out.parquet"])
def test_formats_hold_the_same_records_and_datasets_reads_them(tmp_path: Path, name: str,
                                                               reference: list[dict]) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / name
    extra = ["--shard-rows", "2"] if name.endswith("parquet") else []
    proc = clean(str(MIRRORS), "-o", str(out), *extra)
    assert proc.returncode == 0, proc.stderr
    if name.endswith("parquet"):
        shards = sorted(p.name for p in out.iterdir() if p.suffix == ".parquet")
        assert shards == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
        ds = datasets.load_dataset("parquet", data_files=str(out / "*.parquet"), split="train",
                                   cache_dir=str(tmp_path / "cache"))
    else:
        ds = datasets.load_dataset("json", data_files=str(out), split="train", cache_dir=str(tmp_path / "cache"))
    assert (tmp_path / "out.rejects.jsonl").exists() or not any(True for _ in [])
    assert ds.num_rows == len(reference)
    for got, want in zip(ds, reference, strict=True):
        for key in ("source", "url", "title", "text", "spam_terms", "cluster", "is_spam_page"):
            assert got[key] == want[key], key
        assert [r["reason"] for r in got["removed"]] == [r["reason"] for r in want["removed"]]
    if name.endswith(".gz"):  # a plain gzip stream for any other reader too
        assert [json.loads(x) for x in gzip.decompress(out.read_bytes()).splitlines()] == reference


def test_an_existing_output_is_never_truncated_silently(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mirrorclean.cli import main

    out = tmp_path / "out.jsonl"
    assert main(["clean", str(PAGES / "mb01_nap.html"), str(PAGES / "pc01_coldchain.html"), "-o", str(out), "-q",
                 "-j", "1"]) == 0
    before = out.read_bytes()
    assert main(["clean", str(PAGES / "mb01_nap.html"), "-o", str(out), "-q", "-j", "1"]) == 2
    assert "exists: --overwrite to replace it" in capsys.readouterr().err
    assert out.read_bytes() == before
    assert main(["clean", str(PAGES / "mb01_nap.html"), "-o", str(out), "-q", "-j", "1", "--overwrite"]) == 0
    assert len(lines(out)) == 1


def _documents(n: int, folder: Path) -> Path:
    """A JSON Lines file of `n` text documents (fixture dumps and pages, numbered so each is distinct)."""
    pages = [p for p in sorted(PAGES.iterdir()) if p.suffix == ".html" and not p.name.startswith("rj")]
    path = folder / "docs.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            page = pages[i % len(pages)]
            enc = "gbk" if "gbk" in page.name else "big5" if "big5" in page.name else "utf-8"
            html = page.read_bytes().decode(enc, "replace").replace("</body>", f"<p>编号{i}。</p></body>")
            fh.write(json.dumps({"url": f"http://docs.example.cn/{i}.html", "html": html}, ensure_ascii=False) + "\n")
    return path


def _run_and_kill(args: list[str], state: Path, after: int) -> None:
    """Start a run and `kill -9` it once its state file says `after` inputs are done."""
    proc = subprocess.Popen([sys.executable, "-m", "mirrorclean", "clean", *args, "-q", "-j", "1"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if json.loads(state.read_text("utf-8"))["done"] >= after:
                    break
            except (OSError, ValueError, KeyError):
                pass
            time.sleep(0.05)
        time.sleep(0.1)  # land the kill after the commit, mid-document
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


# enough documents that a run outlasts its first commit (checkpoint.COMMIT_EVERY, 1 s) by a margin: with 60, a
# run of the faster cleaner of 2026-12-07 (regex cache) was done before the kill could land
N_RESUME = 240


@pytest.mark.parametrize("extra", [[], ["--dedup"]])
def test_resume_after_kill_9_gives_every_input_exactly_once(tmp_path: Path, extra: list[str]) -> None:
    docs = _documents(N_RESUME, tmp_path)
    out = tmp_path / "out.jsonl"
    args = [str(docs), "-o", str(out), *extra]
    _run_and_kill(args, tmp_path / "out.state.json", after=1)
    state = json.loads((tmp_path / "out.state.json").read_text("utf-8"))
    assert 1 <= state["done"] < N_RESUME and state["phase"] == "clean"
    proc = clean(*args)
    assert proc.returncode == 2 and "--resume" in proc.stderr  # never truncated without being asked
    _run_and_kill([*args, "--resume"], tmp_path / "out.state.json", after=state["done"] + 1)
    proc = clean(*args, "--resume")
    assert proc.returncode == 0, proc.stderr
    assert "resuming" in proc.stderr or "complete" in proc.stderr
    recs, rejs = lines(out), lines(tmp_path / "out.rejects.jsonl")
    counts = Counter(r["source"] for r in recs + rejs)
    assert sorted(counts) == sorted(f"{docs}#{i}" for i in range(1, N_RESUME + 1))
    assert set(counts.values()) == {1}, [s for s, n in counts.items() if n > 1]
    assert [r["source"] for r in recs] == sorted((r["source"] for r in recs), key=lambda s: int(s.rsplit("#")[1]))
    # the resumed run gives the records an uninterrupted run gives
    whole = tmp_path / "whole.jsonl"
    assert clean(*[str(docs), "-o", str(whole), *extra]).returncode == 0
    assert lines(whole) == recs
    assert json.loads((tmp_path / "out.state.json").read_text("utf-8"))["phase"] == "finished"
    assert not (tmp_path / "out.spool.jsonl").exists()


def test_dedup_keeps_one_record_per_article_across_four_mirror_templates(tmp_path: Path,
                                                                        reference: list[dict]) -> None:
    out = tmp_path / "out.jsonl"
    proc = clean(str(MIRRORS), "-o", str(out), "--dedup")
    assert proc.returncode == 0, proc.stderr
    recs, rejs = lines(out), lines(tmp_path / "out.rejects.jsonl")
    coldchain = [r for r in reference if r["title"] == "冷链物流包装循环化提速 可循环周转箱渗透率稳步提升"]
    assert len(coldchain) == 4 and len({r["site"] for r in coldchain}) == 4  # four sites, four templates
    assert len({tuple(r["spam_terms"]) for r in coldchain}) == 4  # four different brands
    kept = [r for r in recs if r["title"] == coldchain[0]["title"]]
    assert len(kept) == 1 and len(recs) == len(reference) - 3
    best = min(coldchain, key=lambda r: (quality(r), coldchain.index(r)))
    assert kept[0]["source"] == best["source"]
    dups = [r for r in rejs if r["reason"] == "duplicate"]
    assert sorted(d["source"] for d in dups) == sorted(r["source"] for r in coldchain if r is not best)
    assert {d["duplicate_of"] for d in dups} == {best["url"]}
    assert "1 rejects" not in proc.stderr and "3 rejects" in proc.stderr


def test_resume_starts_a_fresh_run_and_refuses_another_runs_state(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from mirrorclean.cli import main

    out = tmp_path / "o.jsonl.gz"
    one = [str(PAGES / "mb01_nap.html")]
    assert main(["clean", *one, "-o", str(out), "-q", "-j", "1", "--resume"]) == 0  # nothing yet: it starts
    assert [r["source"] for r in map(json.loads, gzip.decompress(out.read_bytes()).splitlines())] == one
    assert main(["clean", *one, "-o", str(out), "-q", "-j", "1", "--resume"]) == 0
    assert "is complete" in capsys.readouterr().err
    assert main(["clean", *one, str(PAGES / "pc01_coldchain.html"), "-o", str(out), "-q", "--resume"]) == 2
    assert "from another run" in capsys.readouterr().err
    assert main(["clean", *one, "-q", "--format", "parquet"]) == 2  # standard output is JSON Lines
    assert "standard output is JSON Lines" in capsys.readouterr().err


def test_a_run_killed_before_its_first_commit_resumes(tmp_path: Path) -> None:
    """The state file is written before any output, so even a run killed at once can be resumed."""
    out = tmp_path / "out.jsonl"
    page = str(PAGES / "mb01_nap.html")
    proc = subprocess.Popen([sys.executable, "-m", "mirrorclean", "clean", page, "-o", str(out), "-q", "-j", "1"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    state = tmp_path / "out.state.json"
    deadline = time.monotonic() + 120
    while not state.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    (tmp_path / "out.rejects.jsonl").write_text('{"source": "half a line', "utf-8")  # as a kill could leave it
    proc2 = clean(page, "-o", str(out), "--resume")
    assert proc2.returncode == 0, proc2.stderr
    assert [r["source"] for r in lines(out)] == [page]
    assert lines(tmp_path / "out.rejects.jsonl") == []
