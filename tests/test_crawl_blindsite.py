"""A crawl of fixtures/blindsite: a mirror site a helper built without reading the crawler (two URL shapes per
section, phpcms query URLs, relative and <base href> links, mobile and print copies, an endless calendar, filter
and session-id traps, an 关于我们 page). Its first crawl found every article but emitted one twice, emitted the
关于我们 page and left brands in five records; this test keeps those fixed."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# site.py shadows the stdlib `site` module by name: load it from its path, as measure.py does.
_spec = importlib.util.spec_from_file_location("blindsite", ROOT / "fixtures" / "blindsite" / "site.py")
assert _spec is not None and _spec.loader is not None
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)


def test_blind_site_every_article_once_nothing_else_no_brand(tmp_path: Path) -> None:
    site = S.Site()
    server, _, _ = S.start_server(site, 0)
    try:
        host = f"127.0.0.1:{server.server_address[1]}"
        out = tmp_path / "out.jsonl"
        proc = subprocess.run(
            [sys.executable, "-m", "mirrorclean", "crawl", f"http://{host}/", "-o", str(out),
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"],
            capture_output=True, text=True, timeout=240, cwd=ROOT,
        )
    finally:
        server.shutdown()
    assert proc.returncode == 0, proc.stderr[-2000:]
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
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
