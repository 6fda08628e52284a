"""A crawl of fixtures/blindsite2: a second mirror site built blind to the crawler (date-folder articles with
letter slugs, articles split over /a/N.html and /a/N_2.html, case variants, a 302 "random article" trap, an
endless calendar and archive, search/tag/ref traps, channel landings, author profiles and a topic page with
prose). Its first crawl found 45 of 46 articles, emitted 3 twice and 8 non-article pages, left brands in 9
records, spent 750 requests and never merged a split article; this test keeps those fixed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from _blindsites import crawl, load_generator

S = load_generator("blindsite2", "sitegen.py")


def test_blind_site2_every_article_once_nothing_else_no_brand_bounded(tmp_path: Path) -> None:
    site, server = S.serve(0)
    try:
        records, fetched = crawl(f"http://{site.host}/", tmp_path / "out.jsonl")
    finally:
        server.shutdown()
    manifest = site.manifest()
    articles = {a["path"].lower(): a for a in manifest["articles"]}
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
    assert fetched < 400, f"{fetched} requests: a trap was not abandoned"
