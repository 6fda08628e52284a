"""mirrorclean inside datatrove pipelines (mirrorclean.datatrove_step), run by datatrove's own executors.

The records must be the CLI's: the fixture pages through PageReader -> MirrorcleanStep -> JsonlWriter are
compared field by field with `mirrorclean clean fixtures/pages`, and the same pages packed in real WARC
files (written with warcio) go through LocalPipelineExecutor(tasks=4, workers=2), then through datatrove's
resume (completed tasks are skipped, a task whose completion is gone runs again).
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader, WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from loguru import logger  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from mirrorclean.cli import main  # noqa: E402
from mirrorclean.datatrove_step import (  # noqa: E402
    RECORD_FIELDS,
    MirrorcleanStep,
    PageReader,
    RecordWriter,
    WarcPageReader,
    read_written,
    record_adapter,
)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "fixtures" / "pages"
#: Fields a WARC copy of a page may change: where it came from, and the cluster id derived from that.
WHERE = {"source", "url", "site", "cluster", "cluster_similarity"}




def cli_records(tmp_path: Path, *paths: str, check: bool = True) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    out = tmp_path / "cli.jsonl"
    code = main(["clean", *paths, "-o", str(out), "--jobs", "1", "--quiet"])
    assert code == 0 or not check
    rejects = tmp_path / "cli.rejects.jsonl"
    return read_jsonl_file(out), read_jsonl_file(rejects) if rejects.exists() else []


def read_jsonl_file(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_fixture_pages_give_the_cli_records_field_by_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # sources are the paths as given, as on the command line
    expected, expected_rejects = cli_records(tmp_path, "fixtures/pages")
    pipeline = [
        PageReader("fixtures/pages"),
        MirrorcleanStep(rejects=RecordWriter(str(tmp_path / "rejects"), compression=None)),
        JsonlWriter(str(tmp_path / "out"), adapter=record_adapter, compression=None),
    ]
    LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()
    got = read_written(tmp_path / "out")
    assert len(expected) == 25 and [r["source"] for r in got] == [r["source"] for r in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert list(mine) == list(theirs) == list(RECORD_FIELDS)
        for name in RECORD_FIELDS:
            assert mine[name] == theirs[name], (theirs["source"], name)
    assert read_written(tmp_path / "rejects") == expected_rejects and len(expected_rejects) == 2
    # the step's own writer writes the CLI's bytes
    with open(tmp_path / "cli.jsonl", "rb") as fh:
        cli_bytes = fh.read()
    LocalPipelineExecutor([PageReader("fixtures/pages"), MirrorcleanStep(), RecordWriter(str(tmp_path / "raw"), compression=None)],
                          tasks=1, workers=1, logging_dir=str(tmp_path / "logs2")).run()
    assert (tmp_path / "raw" / "00000.jsonl").read_bytes() == cli_bytes
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "mirrorclean" in s["name"] and "EXTRAC" in s["name"])
    counts = {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}
    assert counts["forwarded"] == 25 and counts["dropped"] == 2
    assert counts["dropped_no_article"] == 1 and counts["dropped_unreadable"] == 1


# --------------------------------------------------------------------------- WARC files, 4 tasks, 2 workers


def page_files() -> list[Path]:
    return sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".txt"))


def url_of(path: Path) -> str:
    """The fetch URL of a page; one has no scheme (as in some real crawl logs), which warcio reads differently."""
    scheme = "" if path.name == page_files()[8].name else "http://"
    return f"{scheme}mirror{len(path.stem) % 3}.example.cn/news/{path.name}"


def write_warc(path: Path, pages: list[Path], *, gz: bool, extras: bool = False, cut: int = 0) -> None:
    """A WARC of HTTP responses for `pages` (GBK fixtures say so in Content-Type), as a crawler writes one."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "mirrorclean tests"}))
        for page in pages:
            ctype = "text/plain" if page.suffix == ".txt" else "text/html"
            ctype += "; charset=gbk" if page.stem.endswith("_gbk") else ""
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url_of(page), "response", payload=io.BytesIO(page.read_bytes()),
                                                          http_headers=headers))
            if extras:  # what a crawl also holds: an image and the request; neither is a page
                png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url_of(page) + ".png", "response",
                                                              payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
                                                              http_headers=png))
                request = StatusAndHeaders(f"GET /news/{page.name} HTTP/1.1", [("Host", "mirror.example.cn")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(url_of(page), "request", payload=io.BytesIO(b""),
                                                              http_headers=request))
    if cut:  # the download broke off: the last record is cut short
        os.truncate(path, path.stat().st_size - cut)


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """Five WARC files (gzipped and not) holding the 27 fixture pages; the last one breaks off in its third."""
    folder = tmp_path_factory.mktemp("warcs")
    pages = page_files()
    chunks = [pages[0:7], pages[7:14], pages[14:19] + pages[25:], pages[19:22], pages[22:25]]
    where: dict[str, Path] = {}
    for i, chunk in enumerate(chunks):
        broken = i == len(chunks) - 1
        name = f"crawl-{i}.warc" + (".gz" if i % 2 == 0 and not broken else "")
        write_warc(folder / name, chunk, gz=name.endswith(".gz"), extras=i == 0, cut=100 if broken else 0)
        for n, page in enumerate(chunk, 1):
            where[f"{folder / name}#{n}"] = page
    return folder, where


def run_warcs(folder: Path, out: Path, logs: Path) -> None:
    pipeline = [
        WarcPageReader(str(folder)),
        MirrorcleanStep(rejects=RecordWriter(str(out / "rejects"), compression=None)),
        RecordWriter(str(out / "records")),
    ]
    LocalPipelineExecutor(pipeline, tasks=4, workers=2, logging_dir=str(logs)).run()


def test_warc_files_on_four_tasks_then_resume(warcs: tuple[Path, dict[str, Path]], tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = warcs
    # the CLI on the same WARC files: the records to get (a broken WARC makes it exit 1, after its reject)
    expected, expected_rejects = cli_records(tmp_path, *sorted(str(p) for p in folder.iterdir()), check=False)
    cli = {rec["source"]: rec for rec in expected + expected_rejects}
    out, logs = tmp_path / "out", tmp_path / "logs"
    run_warcs(folder, out, logs)

    records, rejects = read_written(out / "records"), read_written(out / "rejects")
    assert sorted(p.name for p in (out / "records").iterdir()) == [f"0000{r}.jsonl.gz" for r in range(4)]
    # every page is a record or a reject, once, named as the CLI names it (FILE#offset)
    assert sorted(r["source"] for r in records + rejects) == sorted(cli) and len(records) == len(expected) >= 20
    (bad,) = [r for r in rejects if r["source"].startswith(str(folder / "crawl-4.warc#"))
              and "WARC broken" in r["detail"]]
    assert bad["reason"] == "unreadable"
    # field by field the CLI's; cluster ids are per task here, per run there
    for rec in records + rejects:
        theirs = cli[rec["source"]]
        assert list(rec) == list(theirs)
        for name in set(rec) - {"cluster", "cluster_similarity"}:
            assert rec[name] == theirs[name], (rec["source"], name)
        assert "site" not in rec or rec["cluster"] is not None
    # datatrove's stats name the reject reasons, summed over the tasks
    stats = json.loads((logs / "stats.json").read_text())
    step = next(s for s in stats if "mirrorclean" in s["name"] and "EXTRAC" in s["name"])
    counts = {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}
    assert counts["forwarded"] == len(expected) and counts["dropped"] == len(expected_rejects)
    by_reason = {r: sum(1 for x in expected_rejects if x["reason"] == r) for r in ("unreadable", "no_article")}
    assert counts["dropped_unreadable"] == by_reason["unreadable"] >= 1 and counts["dropped_no_article"] == 1
    reader = next(s for s in stats if "WARC" in s["name"])
    read = {k: v["total"] if isinstance(v, dict) else v for k, v in reader["stats"].items()}
    assert read["skipped_not_html"] >= 7 and read["broken_warc"] == 1  # the seven images (and text/plain pages)
    assert sorted(os.listdir(logs / "completions")) == ["00000", "00001", "00002", "00003"]

    # resume: everything is done, so nothing runs and nothing is rewritten
    written = {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()}
    messages: list[str] = []
    sink = logger.add(lambda m: messages.append(str(m)), level="INFO")
    try:
        run_warcs(folder, out, logs)
        assert any("all 4 tasks have already been completed" in m for m in messages)
        assert {p.name: p.stat().st_mtime_ns for p in (out / "records").iterdir()} == written
        # a task that did not complete (its completion marker is gone) runs again, alone
        before = (out / "records" / "00002.jsonl.gz").read_bytes()
        os.remove(logs / "completions" / "00002")
        os.remove(out / "records" / "00002.jsonl.gz")
        messages.clear()
        run_warcs(folder, out, logs)
    finally:
        logger.remove(sink)
    assert any("Skipping 3 already completed tasks" in m for m in messages)
    assert gzip.decompress((out / "records" / "00002.jsonl.gz").read_bytes()) == gzip.decompress(before)
    for name, mtime in written.items():
        if name != "00002.jsonl.gz":
            assert (out / "records" / name).stat().st_mtime_ns == mtime
    assert sorted(os.listdir(logs / "completions")) == ["00000", "00001", "00002", "00003"]


def test_documents_from_datatrove_readers_are_cleaned_too(warcs: tuple[Path, dict[str, Path]], tmp_path: Path) -> None:
    """datatrove's WarcReader (HTML decoded by datatrove) and JsonlReader (pages as JSON text) feed the step."""
    folder, where = warcs
    step = MirrorcleanStep()
    mine = {d.metadata["url"]: d for d in step.run(WarcPageReader(str(folder)).run(None, 0, 1))}
    # the good WARC files (WarcPageReader made the broken one's tail a reject)
    theirs = list(MirrorcleanStep().run(WarcReader(str(folder), glob_pattern="crawl-[0-3].warc*").run(None, 0, 1)))
    # datatrove decodes the pages itself; the UTF-8 ones give the same text and title
    assert len(theirs) >= 20
    for doc in theirs:
        if not doc.metadata["source"].startswith("http://"):
            continue  # datatrove reads a record whose target URI has no scheme with its HTTP headers as page text
        ours = mine[doc.metadata["url"]]
        # the fetch URL names the record; the reader's WARC-Date stays in the metadata
        assert doc.metadata["source"].startswith("http://mirror") and doc.metadata["date"]
        if ours.metadata["encoding"] == "utf-8":
            assert (doc.text, doc.metadata["title"]) == (ours.text, ours.metadata["title"])
    rows = [{"text": p.read_text(encoding="utf-8", errors="replace"), "id": p.name, "source": p.name}
            for p in page_files()] + [{"text": "\x00\x01 not a page", "id": "junk", "source": "junk"}]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pages.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    rejected = RecordWriter(str(tmp_path / "rejects"), compression=None)
    docs = list(MirrorcleanStep(rejects=rejected).run(JsonlReader(str(tmp_path / "in")).run(None, 0, 1)))
    assert len(docs) >= 20 and all(d.metadata["schema"] == "mirrorclean/1.0" for d in docs)
    assert {d.metadata["source"] for d in docs} <= {p.name for p in page_files()}
    rejects = read_written(tmp_path / "rejects")
    assert {r["source"]: r["reason"] for r in rejects}["junk"] in {"too_short", "no_article", "unreadable"}
