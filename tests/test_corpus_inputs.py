"""Corpus inputs (issue 12): WARC and JSON Lines files, alone or in folders, streamed record by record.

The WARC files are real ones written by warcio (fixtures/corpus/make_corpus.py) from the fixture pages and
from wild-2017 pages the cleaner's authors never wrote.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from mirrorclean.inputs import iter_documents, read_jsonl, read_warc

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fixtures" / "corpus"
PAGES = ROOT / "fixtures" / "pages"


def clean(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mirrorclean", "clean", *args, "-q", "-j", "1"], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def lines(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines()] if path.exists() else []


def test_warc_members_are_documents_with_their_urls_and_offsets() -> None:
    skipped: Counter[str] = Counter()
    docs = list(read_warc(str(CORPUS / "pages.warc.gz"), "p.warc.gz", skipped=skipped))
    pages = sorted(PAGES.glob("*.html"))
    assert [d.url for d in docs] == [f"http://fixtures.example.cn/{p.name}" for p in pages]
    assert [d.data for d in docs] == [p.read_bytes() for p in pages]  # the real bytes, record by record
    assert all(d.source.startswith("p.warc.gz#") and d.error is None for d in docs)
    offsets = [int(d.source.split("#")[1]) for d in docs]
    assert offsets == sorted(offsets) and offsets[0] > 0
    raw = (CORPUS / "pages.warc.gz").read_bytes()  # an offset points at its record's gzip member
    member = gzip.decompress(raw[offsets[3]:offsets[4]])
    assert b"WARC-Type: response" in member and docs[3].url.encode() in member
    assert docs[0].http_charset is not None
    assert skipped == Counter({"warc request": len(pages), "warc warcinfo": 1})


def test_truncated_warc_keeps_every_whole_record_and_says_where_it_broke() -> None:
    whole = list(read_warc(str(CORPUS / "pages.warc.gz"), "w"))
    cut = list(read_warc(str(CORPUS / "pages.truncated.warc.gz"), "w"))
    assert [d.data for d in cut[:-1]] == [d.data for d in whole[:-1]]
    broken = cut[-1]
    assert broken.error and "WARC broken at byte offset" in broken.error and broken.data == b""
    assert broken.source == whole[-1].source  # the record that was cut


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_plain_warc_cut_anywhere_never_raises(tmp_path: Path, keep: float) -> None:
    path = tmp_path / "x.warc"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for page in sorted(PAGES.glob("*.html"))[:6]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"http://x.cn/{page.name}", "response",
                                                payload=io.BytesIO(page.read_bytes()), http_headers=headers))
    data = path.read_bytes()
    full = list(iter_documents([str(path)]))
    assert len(full) == 6 and all(d.error is None for d in full)
    path.write_bytes(data[: int(len(data) * keep)])
    cut = list(iter_documents([str(path)]))
    assert cut[-1].error and "broken" in cut[-1].error
    assert [d.data for d in cut[:-1]] == [d.data for d in full[: len(cut) - 1]]


def test_wild_pages_in_a_warc_clean_record_by_record_with_the_right_urls(tmp_path: Path) -> None:
    """Pages the team has not seen (wild-2017), packed into a WARC: one record or reject per response, each
    with its own URL (the crawl URL, or the page's canonical claim), never a mixed-up record."""
    out = tmp_path / "wild.jsonl"
    proc = clean(str(CORPUS / "wild40.warc.gz"), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    recs, rejs = lines(out), lines(tmp_path / "wild.rejects.jsonl")
    assert len(recs) + len(rejs) == 40 and len(recs) >= 20
    by_source = {r["source"]: r for r in recs + rejs}
    docs = list(read_warc(str(CORPUS / "wild40.warc.gz"), str(CORPUS / "wild40.warc.gz")))
    assert sorted(by_source) == sorted(d.source for d in docs)
    wild = ROOT.parent / "shared" / "eval" / "wild-2017" / "pages.tsv"
    urls = {d.url for d in docs}
    if wild.exists():
        with wild.open(encoding="utf-8") as fh:
            listed = {row["url"] for row in csv.DictReader(fh, delimiter="\t")}
        assert urls <= {u if "://" in u else "http://" + u for u in listed}  # (one is listed without a scheme)
    crawl_url = {d.source: d.url for d in docs}
    fetched = sum(r["url"] == crawl_url[r["source"]] for r in recs)
    assert fetched >= len(recs) * 0.6  # most pages claim no other URL
    # each record's text comes from its own page (the mixed-up record of a .warc read as one page is gone)
    for rec in recs[:10]:
        doc = next(d for d in docs if d.source == rec["source"])
        assert rec["text"].split("\n")[0][:8] in doc.data.decode(rec["encoding"], "replace")


def test_jsonl_inputs_ccnet_and_html_shapes(tmp_path: Path) -> None:
    page = (PAGES / "pc01_coldchain.html").read_bytes().decode("utf-8")
    dump = (PAGES / "td01_waterlogging.txt").read_text("utf-8")
    rows = [{"url": "http://a.cn/1.html", "html": page}, {"url": "http://b.cn/2", "raw_content": dump,
            "digest": "sha1:x", "language": "zh"}, "not json", {"title": "no body"}]
    text = "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.jsonl").write_text(text, "utf-8")
    (folder / "sub" / "b.jsonl.gz").write_bytes(gzip.compress(text.encode()))
    zstandard = pytest.importorskip("zstandard")
    (folder / "sub" / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(text.encode()))
    shutil.copy(CORPUS / "mirrors4.warc.gz", folder / "sub" / "m.warc.gz")
    shutil.copy(PAGES / "mb01_nap.html", folder / "z.html")
    (folder / "notes.json").write_text("{}", "utf-8")  # a plain .json in a folder is not an input
    out = tmp_path / "out.jsonl"
    proc = clean(str(folder), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    recs, rejs = lines(out), lines(tmp_path / "out.rejects.jsonl")
    sources = [r["source"] for r in recs + rejs]
    assert len(sources) == len(set(sources)) == 3 * 4 + 6 + 1
    for name in ("a.jsonl", "sub/b.jsonl.gz", "sub/c.jsonl.zst"):
        got = {r["source"].rsplit("#", 1)[1]: r for r in recs + rejs if r["source"].startswith(str(folder / name))}
        assert sorted(got) == ["1", "2", "3", "4"]
        assert got["1"]["url"] == "http://a.cn/1.html" and "冷链物流" in got["1"]["title"]
        assert got["2"]["url"] == "http://b.cn/2" and got["2"]["text"]
        assert got["3"]["reason"] == "unreadable" and "not JSON" in got["3"]["detail"]
        assert got["4"]["reason"] == "unreadable"
    assert "2 WARC records skipped" in proc.stderr or "skipped" in proc.stderr


def test_jsonl_reader_streams_without_reading_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(2000):
            fh.write(json.dumps({"text": f"第{i}条" * 50}, ensure_ascii=False) + "\n")
    docs = read_jsonl(str(path), "big.jsonl")
    first = next(docs)
    assert first.source == "big.jsonl#1" and first.kind == "text"
    assert sum(1 for _ in docs) == 1999
    assert path.stat().st_size > 400_000


def test_a_gzipped_warc_reads_to_its_end(tmp_path: Path) -> None:
    """A record whose gzip member ends just past the reader's buffer is no damage (a false 'gzip member cut
    short' once stopped a 20,000-page WARC at its 206th record). Fixed record ids and dates make the bytes,
    and so the buffer boundaries, the same on every run; these 40 records put one there."""
    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html"))]
    path = tmp_path / "long.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(40):
            body = pages[i % len(pages)] + (f"<!-- {i} -->" + " " * (17 * 37 + i % 11)).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                f"http://x.cn/{i}", "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>",
                                   "WARC-Date": "2024-01-01T00:00:00Z"}))
    docs = list(read_warc(str(path), "long"))
    assert [d.error for d in docs if d.error] == []
    assert [d.url for d in docs] == [f"http://x.cn/{i}" for i in range(40)]
