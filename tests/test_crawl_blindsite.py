"""A crawl of fixtures/blindsite: a mirror site a helper built without reading the crawler (two URL shapes per
section, phpcms query URLs, relative and <base href> links, mobile and print copies, an endless calendar, filter
and session-id traps, an 关于我们 page). Its first crawl found every article but emitted one twice, emitted the
关于我们 page and left brands in five records; this test keeps those fixed."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from _blindsites import crawl, load_generator

S = load_generator("blindsite", "site.py")


def test_blind_site_every_article_once_nothing_else_no_brand(tmp_path: Path) -> None:
    site = S.Site()
    server, _, _ = S.start_server(site, 0)
    try:
        records, _ = crawl(f"http://127.0.0.1:{server.server_address[1]}/", tmp_path / "out.jsonl")
    finally:
        server.shutdown()
    by_article = {}
    for rec in records:
        parts = urlsplit(rec["source"])
        kind, _, article = S.classify(site, parts.path + (f"?{parts.query}" if parts.query else ""))
        assert article is not None, f"not an article: {rec['source']} ({kind})"
        assert article.url not in by_article, f"emitted twice: {article.url}"
        by_article[article.url] = rec
        for core in S.P.BRAND_CORES:
            assert core not in (rec["title"] or "") and core not in rec["text"], (rec["source"], core)
    assert set(by_article) == {a.url for a in site.articles}
