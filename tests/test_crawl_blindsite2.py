"""A crawl of fixtures/blindsite2: a second mirror site built blind to the crawler (date-folder articles with
letter slugs, articles split over /a/N.html and /a/N_2.html, case variants, a 302 "random article" trap, an
endless calendar and archive, search/tag/ref traps, channel landings, author profiles and a topic page with
prose). Its first crawl found 45 of 46 articles, emitted 3 twice and 8 non-article pages, left brands in 9
records, spent 750 requests and never merged a split article; this test keeps those fixed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("blindsite2", ROOT / "fixtures" / "blindsite2" / "sitegen.py")
assert _spec is not None and _spec.loader is not None
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


def test_blind_site2_every_article_once_nothing_else_no_brand_bounded(tmp_path: Path) -> None:
    site, server = S.serve(0)
    try:
        out = tmp_path / "out.jsonl"
        proc = subprocess.run(
            [sys.executable, "-m", "mirrorclean", "crawl", f"http://{site.host}/", "-o", str(out),
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"],
            capture_output=True, text=True, timeout=240, cwd=ROOT,
        )
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    manifest = site.manifest()
    articles = {a["path"].lower(): a for a in manifest["articles"]}
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    seen: set[str] = set()
    for rec in records:
        path = urlsplit(rec["url"] or rec["source"]).path.lower()
        assert path in articles, f"not an article: {rec['source']}"
        assert path not in seen, f"emitted twice: {path}"
        seen.add(path)
        for term in manifest["brand_terms"]:
            assert term not in (rec["title"] or "") and term not in rec["text"], (path, term)
        if len(articles[path]["parts"]) > 1:  # split over two pages: one record with both pages' text
            text = "".join(rec["text"].split())
            assert "".join(articles[path]["paragraphs"][-1].split())[:40] in text, path
    assert seen == set(articles)
    fetched = int(proc.stderr.split(" pages fetched")[0].rsplit(" ", 1)[-1])
    assert fetched < 400, f"{fetched} requests: a trap was not abandoned"
