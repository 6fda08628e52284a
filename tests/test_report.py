"""The report file itself (no browser): what it embeds, how, and that nothing from a record reaches it as markup.
The rendered page is tested in Chromium by tests/test_report_browser.py."""

from __future__ import annotations

import base64
import gzip
import json
import re
from pathlib import Path

from mirrorclean.report import CHUNK, ReportBuilder, build_report, default_output

PAYLOAD = "</script><script>alert(1)</script><img src=x onerror=alert(2)>&amp;\u2028"


def record(k: int, **extra: object) -> dict:
    rec = {"source": f"p{k}.html", "url": f"http://x.cn/{k}", "title": f"标题{k}", "text": "习指出，要团结。" * 3,
           "is_spam_page": k % 2 == 0, "spam_terms": ["开云体育"] if k % 2 == 0 else [],
           "removed": [{"where": "html", "text": "当前位置：首页", "reason": "breadcrumb"}],
           "flags": [{"type": "censored_gap", "start": 0, "end": 3, "suggestion": "习近平", "occurrences": [[0, 3], [8, 11]]}],
           "cluster": f"http://x.cn/{k}"}
    rec.update(extra)
    return rec


def chunks(html: str) -> list[list[dict]]:
    blocks = re.findall(r'<script type="application/octet-stream" id="mc-chunk-\d+">([^<]*)</script>', html)
    return [json.loads(gzip.decompress(base64.b64decode(b))) for b in blocks]


def test_every_record_is_embedded_in_compressed_chunks() -> None:
    builder = ReportBuilder()
    for k in range(CHUNK * 2 + 3):
        builder.add_record(record(k))
    html = builder.html()
    data = chunks(html)
    assert [len(c) for c in data] == [CHUNK, CHUNK, 3]
    flat = [r for c in data for r in c]
    assert [r["title"] for r in flat] == [f"标题{k}" for k in range(CHUNK * 2 + 3)]
    assert flat[0]["flags"][0]["places"] == [[0, 3], [8, 11]]
    assert flat[0]["removed"] == [["breadcrumb", "html", [["当前位置：首页", 7]]]]
    s = builder.summary
    assert (s.records, s.spam_pages, s.flags["censored_gap"], s.removed["breadcrumb"]) == (103, 52, 206, 103)


def test_payloads_never_reach_the_file_as_markup(tmp_path: Path) -> None:
    hostile = record(0, title=PAYLOAD, source=PAYLOAD, spam_terms=[PAYLOAD], cluster=PAYLOAD, text=PAYLOAD * 2,
                     removed=[{"where": PAYLOAD, "text": PAYLOAD, "reason": PAYLOAD}],
                     flags=[{"type": PAYLOAD, "start": 0, "end": 3}])
    builder = ReportBuilder(title=PAYLOAD)
    builder.add_record(hostile)
    builder.add_record(record(1, cluster=PAYLOAD))  # a cluster of two: listed in the summary
    builder.add_reject({"source": "x", "reason": PAYLOAD})
    html = builder.html()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("<script") == html.count("</script>") == 1 + 1 + 1  # index, one chunk, the report's script
    index = re.search(r'<script type="application/json" id="mc-index">(.*?)</script>', html, re.S).group(1)
    assert "<" not in index and ">" not in index and "&" not in index and "\u2028" not in index
    assert json.loads(index)["rows"][0][0] == PAYLOAD  # escaped, not altered
    assert chunks(html)[0][0]["text"] == PAYLOAD * 2
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "'unsafe-inline'" not in csp


def test_bad_lines_and_odd_fields_are_counted_not_fatal(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = [json.dumps(record(0)), "{not json", "[1, 2]", "", json.dumps({"text": 5, "flags": "x", "removed": {}})]
    out.write_text("\n".join(lines) + "\n", "utf-8")
    (tmp_path / "out.rejects.jsonl").write_text('{"source": "a", "reason": "no_article"}\n{"source": "b"}\n', "utf-8")
    assert default_output(str(out)) == str(tmp_path / "out.html")
    builder = build_report(str(out), default_output(str(out)), rejects_path=str(tmp_path / "out.rejects.jsonl"))
    s = builder.summary
    assert (s.records, s.bad_lines) == (2, 2)
    assert dict(s.rejects) == {"no_article": 1, "(no reason)": 1}
    html = (tmp_path / "out.html").read_text("utf-8")
    assert 'id="mc-n-bad">2<' in html and 'id="mc-n-rejects">2<' in html
