"""A crawl of a site unlike the bundled fixtures: ?page= listings, a query-string calendar, chains only,
and a sidebar profile in sentences on every page (listings and calendar pages have prose too)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

N = 12
BRAND = "鼎赢体育官方app下载"
SENTENCES = [
    "今年以来，当地持续推进老旧小区改造，累计完成改造项目{n}个，惠及居民近两万户。",
    "改造内容涵盖管网更新、屋面防水、加装电梯和公共空间提升等多个方面，居民满意度明显提高。",
    "街道负责人介绍，项目实施前广泛征求居民意见，做到改什么、怎么改由居民说了算。",
    "下一步，当地将建立长效管理机制，引入专业物业服务，巩固改造成果，让小区既有颜值又有品质。",
]


# The template's sidebar, on every page: a company profile in sentences (prose on listing and calendar pages).
SIDEBAR = ("<div class='side'><h3>公司简介</h3><p>某某建材有限公司成立于二〇〇八年，是一家集研发、生产、销售于一体的现代化"
           "企业。公司拥有先进的生产设备和完善的检测手段，产品远销全国二十多个省市。</p><p>我们始终坚持质量第一、信誉至上的"
           "经营理念，竭诚为广大客户提供优质的产品和服务。欢迎新老客户来电咨询洽谈业务。</p></div>")


def article(i: int) -> str:
    body = "".join(f"<p>{s.format(n=i * 3 + 7)}第{i}号项目组。</p>" for s in SENTENCES)
    prev = f'<li>上一篇：<a href="/show.asp?id={i - 1}">{BRAND}：第{i - 1}期</a></li>' if i > 1 else ""
    nxt = f'<li>下一篇：<a href="/show.asp?id={i + 1}">第{i + 1}期</a></li>' if i < N else ""
    return (f"<html><head><meta charset='utf-8'><title>{BRAND}:老旧小区改造第{i}期_某某建材有限公司</title></head>"
            f"<body><div class='nav'><a href='/'>网站首页</a> | <a href='/list.asp?page=1'>新闻动态</a> | "
            f"<a href='/cal.asp?year=2024&month=5'>文章归档</a></div>"
            f"<div class='place'>您的位置：<a href='/'>首页</a> &gt; 新闻动态</div>"
            f"<h2>老旧小区改造第{i}期</h2><div class='info'>来源：{BRAND}　时间：2024-05-{i:02d} 09:00</div>"
            f"<div class='content'><p>{BRAND[:4]}88：</p>{body}</div><ul class='pn'>{prev}{nxt}</ul>{SIDEBAR}"
            f"<div class='foot'>版权所有 某某建材有限公司 京ICP备000000号</div></body></html>")


def listing(page: int) -> str:
    ids = [1, 5, 9] if page == 1 else [4]  # most articles are reachable only along the prev/next chain
    rows = "".join(f'<li><a href="/show.asp?id={i}">老旧小区改造第{i}期</a><span>2024-05-{i:02d}</span></li>' for i in ids)
    pager = '<a href="/list.asp?page=2">下一页</a>' if page == 1 else '<a href="/list.asp?page=1">上一页</a>'
    return f"<html><head><meta charset='utf-8'><title>新闻动态</title></head><body><ul>{rows}</ul>{pager}{SIDEBAR}</body></html>"


def calendar(year: int, month: int) -> str:
    nxt = (year + month // 12, month % 12 + 1)
    return (f"<html><head><meta charset='utf-8'><title>归档 {year}-{month}</title></head><body>"
            f"<table><tr><td>{year}年{month}月</td></tr></table>"
            f"<a href='/cal.asp?year={nxt[0]}&month={nxt[1]}'>下个月</a>{SIDEBAR}</body></html>")


class Handler(BaseHTTPRequestHandler):
    log: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        Handler.log.append(self.path)
        parts = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        body: str | None = None
        if parts.path in ("/", "/index.asp"):
            body = listing(1)
        elif parts.path == "/list.asp":
            body = listing(int(q.get("page", "1")))
        elif parts.path == "/show.asp" and q.get("id", "").isdigit() and 1 <= int(q["id"]) <= N:
            body = article(int(q["id"]))
        elif parts.path == "/cal.asp":
            body = calendar(int(q.get("year", "2024")), int(q.get("month", "1")))
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        data = body.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    Handler.log = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_other_site_every_article_once_no_spam_bounded(server: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "mirrorclean", "crawl", f"{server}/list.asp?page=1", "-o", str(out),
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "MIRRORCLEAN_WORKERS=1"],
        capture_output=True, text=True, timeout=180,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    urls = Counter(r["url"] for r in recs)
    assert set(urls) == {f"{server}/show.asp?id={i}" for i in range(1, N + 1)}
    assert max(urls.values()) == 1
    for r in recs:
        assert r["title"].startswith("老旧小区改造第") and "鼎赢" not in r["title"] and "鼎赢" not in r["text"]
        assert r["is_spam_page"] and r["published"].startswith("2024-05-")
        assert "某某建材" not in r["text"] and r["text"].startswith("今年以来")  # the sidebar is not the article's
    calendar_pages = [p for p in Handler.log if p.startswith("/cal.asp")]
    assert 0 < len(calendar_pages) <= 20, calendar_pages
